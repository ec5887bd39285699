import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.velocity.tools.generic.EscapeTool;

/**
 * Stand-ins for the Genesys-only Velocity tools. Their behaviour is our documented assumption
 * (docs/fidelity.md); the TypeScript tools must implement the same assumption.
 */
final class GenesysTools {
  private GenesysTools() {}

  static String formEncode(String s) {
    try {
      return URLEncoder.encode(s, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static final class Esc extends EscapeTool {
    public String jsonString(Object value) { return value == null ? null : Json.escapeString(String.valueOf(value)); }
    public String jsonEncode(Object value) { return jsonString(value); }
    public String jsonDecode(Object value) {
      if (value == null) return null;
      String s = String.valueOf(value);
      try {
        Object parsed = Json.parse("\"" + s + "\"");
        return (String) parsed;
      } catch (RuntimeException e) {
        return s;
      }
    }
    public String urlFormEncode(Object value) { return url(value); }
    public String uriEncode(Object value) {
      if (value == null) return null;
      return formEncode(String.valueOf(value)).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
  }

  public static final class SuccessTemplateUtils {
    public String firstFromArray(Object arrayText) { return firstFromArray(arrayText, null); }
    public String firstFromArray(Object arrayText, Object defaultText) {
      String fallback = defaultText == null ? "" : String.valueOf(defaultText);
      if (arrayText == null) return fallback;
      try {
        Object parsed = Json.parse(String.valueOf(arrayText));
        if (parsed instanceof List && !((List<?>) parsed).isEmpty()) return Json.write(((List<?>) parsed).get(0));
      } catch (RuntimeException e) {
        return fallback;
      }
      return fallback;
    }
    public String moveKeysIntoArrayOfObjects(Object objectText) { return moveKeysIntoArrayOfObjects(objectText, "key"); }
    public String moveKeysIntoArrayOfObjects(Object objectText, Object keyName) {
      if (objectText == null) return null;
      String text = String.valueOf(objectText);
      Object parsed;
      try {
        parsed = Json.parse(text);
      } catch (RuntimeException e) {
        return text;
      }
      if (!(parsed instanceof Map)) return text;
      String keyProperty = keyName == null ? "key" : String.valueOf(keyName);
      List<Object> out = new ArrayList<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) parsed).entrySet()) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(keyProperty, e.getKey());
        if (e.getValue() instanceof Map) {
          for (Map.Entry<?, ?> inner : ((Map<?, ?>) e.getValue()).entrySet()) {
            if (!inner.getKey().equals(keyProperty)) item.put((String) inner.getKey(), inner.getValue());
          }
        } else {
          item.put("value", e.getValue());
        }
        out.add(item);
      }
      return Json.write(out);
    }
  }

  public static final class Encoding {
    public String base64(Object value) {
      return value == null ? null : Base64.getEncoder().encodeToString(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }
  }

  public static final class UrlTool {
    public String optionalQueryParam(Object name, Object value) {
      if (name == null || value == null || String.valueOf(value).isEmpty()) return "";
      return formEncode(String.valueOf(name)) + "=" + formEncode(String.valueOf(value));
    }
  }

  public static final class Salesforce {
    public String escReserved(Object value) {
      if (value == null) return null;
      String s = String.valueOf(value);
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < s.length(); k++) {
        char c = s.charAt(k);
        if ("?&|!{}[]()^~*:\\\"'+-".indexOf(c) >= 0) b.append('\\');
        b.append(c);
      }
      return b.toString();
    }
  }
}
