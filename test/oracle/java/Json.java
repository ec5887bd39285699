import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal JSON reader and compact writer; numbers keep their source text so round trips are exact. */
final class Json {
  /** A number as written in the source, printed back unchanged. */
  static final class RawNumber extends Number {
    final String text;
    RawNumber(String text) { this.text = text; }
    @Override public int intValue() { return (int) doubleValue(); }
    @Override public long longValue() { return (long) doubleValue(); }
    @Override public float floatValue() { return (float) doubleValue(); }
    @Override public double doubleValue() { return Double.parseDouble(text); }
    @Override public String toString() { return text; }
  }

  private final String s;
  private int i;

  private Json(String s) { this.s = s; }

  static Object parse(String text) {
    Json p = new Json(text);
    p.ws();
    Object v = p.value();
    p.ws();
    if (p.i != text.length()) throw new IllegalArgumentException("trailing data at " + p.i);
    return v;
  }

  private void ws() { while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++; }

  private Object value() {
    if (i >= s.length()) throw new IllegalArgumentException("unexpected end");
    char c = s.charAt(i);
    if (c == '{') {
      i++; Map<String, Object> m = new LinkedHashMap<>(); ws();
      if (s.charAt(i) == '}') { i++; return m; }
      while (true) {
        ws(); String k = string(); ws(); expect(':'); ws(); m.put(k, value()); ws();
        if (s.charAt(i) == ',') { i++; continue; }
        expect('}'); return m;
      }
    }
    if (c == '[') {
      i++; List<Object> l = new ArrayList<>(); ws();
      if (s.charAt(i) == ']') { i++; return l; }
      while (true) {
        ws(); l.add(value()); ws();
        if (s.charAt(i) == ',') { i++; continue; }
        expect(']'); return l;
      }
    }
    if (c == '"') return string();
    if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
    if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
    if (s.startsWith("null", i)) { i += 4; return null; }
    int start = i;
    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
    if (start == i) throw new IllegalArgumentException("unexpected " + c + " at " + i);
    return new RawNumber(s.substring(start, i));
  }

  private void expect(char c) {
    if (i >= s.length() || s.charAt(i) != c) throw new IllegalArgumentException("expected " + c + " at " + i);
    i++;
  }

  private String string() {
    expect('"');
    StringBuilder b = new StringBuilder();
    while (true) {
      char c = s.charAt(i++);
      if (c == '"') return b.toString();
      if (c != '\\') { b.append(c); continue; }
      char e = s.charAt(i++);
      switch (e) {
        case 'n': b.append('\n'); break;
        case 'r': b.append('\r'); break;
        case 't': b.append('\t'); break;
        case 'b': b.append('\b'); break;
        case 'f': b.append('\f'); break;
        case 'u': b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
        default: b.append(e);
      }
    }
  }

  /** Converts parsed JSON into the plain Java values a Velocity context would hold. */
  static Object toJava(Object v) {
    if (v instanceof RawNumber) {
      String t = ((RawNumber) v).text;
      if (t.matches("-?\\d+")) {
        long l = Long.parseLong(t);
        return (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) ? (Object) Integer.valueOf((int) l) : (Object) Long.valueOf(l);
      }
      return Double.valueOf(t);
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object o : (List<?>) v) out.add(toJava(o));
      return out;
    }
    if (v instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) out.put((String) e.getKey(), toJava(e.getValue()));
      return out;
    }
    return v;
  }

  static String write(Object v) {
    StringBuilder b = new StringBuilder();
    write(v, b);
    return b.toString();
  }

  private static void write(Object v, StringBuilder b) {
    if (v == null) { b.append("null"); return; }
    if (v instanceof String) { quote((String) v, b); return; }
    if (v instanceof Number || v instanceof Boolean) { b.append(v.toString()); return; }
    if (v instanceof List) {
      b.append('['); boolean first = true;
      for (Object o : (List<?>) v) { if (!first) b.append(','); first = false; write(o, b); }
      b.append(']'); return;
    }
    if (v instanceof Map) {
      b.append('{'); boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        if (!first) b.append(','); first = false;
        quote(String.valueOf(e.getKey()), b); b.append(':'); write(e.getValue(), b);
      }
      b.append('}'); return;
    }
    quote(v.toString(), b);
  }

  static String escapeString(String s) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      switch (c) {
        case '"': b.append("\\\""); break;
        case '\\': b.append("\\\\"); break;
        case '\n': b.append("\\n"); break;
        case '\r': b.append("\\r"); break;
        case '\t': b.append("\\t"); break;
        case '\b': b.append("\\b"); break;
        case '\f': b.append("\\f"); break;
        default:
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
      }
    }
    return b.toString();
  }

  static void quote(String s, StringBuilder b) { b.append('"').append(escapeString(s)).append('"'); }
}
