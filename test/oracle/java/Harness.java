import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.exception.ParseErrorException;
import org.apache.velocity.tools.generic.MathTool;

/** Renders oracle cases with Apache Velocity 1.7 and prints the results as a JSON array. */
public final class Harness {
  private static VelocityEngine engine(boolean strict) {
    Properties p = new Properties();
    p.setProperty("runtime.log.logsystem.class", "org.apache.velocity.runtime.log.NullLogChute");
    p.setProperty("runtime.references.strict", String.valueOf(strict));
    VelocityEngine e = new VelocityEngine();
    e.init(p);
    return e;
  }

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    String text = new String(Files.readAllBytes(Paths.get(args[0])), StandardCharsets.UTF_8);
    List<Object> cases = (List<Object>) Json.parse(text);
    VelocityEngine lenient = engine(false);
    VelocityEngine strict = engine(true);
    StringBuilder out = new StringBuilder("[");
    boolean first = true;
    for (Object c : cases) {
      Map<String, Object> kase = (Map<String, Object>) c;
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("id", kase.get("id"));
      try {
        VelocityContext ctx = context(kase);
        StringWriter w = new StringWriter();
        String name = kase.containsKey("name") ? (String) kase.get("name") : "template";
        boolean strictCase = Boolean.TRUE.equals(kase.get("strict"));
        // Inline macros are global to an engine: a template that defines one gets an engine of its own.
        boolean definesMacro = ((String) kase.get("template")).contains("macro");
        VelocityEngine e = definesMacro ? engine(strictCase) : strictCase ? strict : lenient;
        e.evaluate(ctx, w, name, (String) kase.get("template"));
        result.put("ok", Boolean.TRUE);
        result.put("output", w.toString());
      } catch (ParseErrorException ex) {
        result.put("ok", Boolean.FALSE);
        result.put("kind", "syntax");
        result.put("message", String.valueOf(ex.getMessage()));
      } catch (Throwable ex) {
        result.put("ok", Boolean.FALSE);
        result.put("kind", "runtime");
        result.put("message", String.valueOf(ex.getMessage()));
      }
      if (!first) out.append(",\n");
      first = false;
      out.append(Json.write(result));
    }
    out.append("]\n");
    System.out.write(out.toString().getBytes(StandardCharsets.UTF_8));
    System.out.flush();
  }

  @SuppressWarnings("unchecked")
  private static VelocityContext context(Map<String, Object> kase) {
    VelocityContext ctx = new VelocityContext();
    Object inputJson = kase.get("input");
    Map<String, Object> input = inputJson instanceof Map
        ? (Map<String, Object>) Json.toJava(inputJson) : new LinkedHashMap<String, Object>();
    if (!input.containsKey("rawRequest")) input.put("rawRequest", Json.write(inputJson == null ? new LinkedHashMap<>() : inputJson));
    ctx.put("input", input);
    Object translations = kase.get("translations");
    if (translations instanceof Map) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) translations).entrySet()) ctx.put(e.getKey(), e.getValue());
    }
    if (kase.get("rawResult") instanceof String) ctx.put("rawResult", kase.get("rawResult"));
    if (kase.get("credentials") instanceof Map) ctx.put("credentials", Json.toJava(kase.get("credentials")));
    ctx.put("esc", new GenesysTools.Esc());
    ctx.put("math", new MathTool());
    ctx.put("successTemplateUtils", new GenesysTools.SuccessTemplateUtils());
    ctx.put("encoding", new GenesysTools.Encoding());
    ctx.put("urlTool", new GenesysTools.UrlTool());
    ctx.put("salesforce", new GenesysTools.Salesforce());
    return ctx;
  }
}
