import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.jayway.jsonpath.JsonPath;
import net.minidev.json.JSONValue;

/**
 * Reads cases from stdin, one per line: fields separated by tabs, each Base64 of UTF-8 text.
 * Fields: operation, pattern (or JSONPath), flags, input (or JSON document), argument. Prints one
 * Base64 line per case: the result, or "!" followed by the exception class name.
 */
public class JdkOracle {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            String[] fields = line.split("\t", -1);
            String[] f = new String[fields.length];
            for (int i = 0; i < fields.length; i++) f[i] = new String(Base64.getDecoder().decode(fields[i]), StandardCharsets.UTF_8);
            String result;
            try {
                result = run(f[0], f[1], f[2], f[3], f[4]);
            } catch (Exception e) {
                result = "!" + e.getClass().getSimpleName();
            }
            out.append(Base64.getEncoder().encodeToString(result.getBytes(StandardCharsets.UTF_8))).append('\n');
        }
        System.out.print(out);
    }

    static int flags(String letters) {
        int flags = 0;
        for (char c : letters.toCharArray()) {
            switch (c) {
                case 'i': flags |= Pattern.CASE_INSENSITIVE; break;
                case 'm': flags |= Pattern.MULTILINE; break;
                case 's': flags |= Pattern.DOTALL; break;
                case 'd': flags |= Pattern.UNIX_LINES; break;
                case 'x': flags |= Pattern.COMMENTS; break;
                case 'u': flags |= Pattern.UNICODE_CASE; break;
                case 'U': flags |= Pattern.UNICODE_CHARACTER_CLASS; break;
                default: throw new IllegalArgumentException(letters);
            }
        }
        return flags;
    }

    static String run(String op, String pattern, String flagLetters, String input, String argument) {
        switch (op) {
            case "double": return Double.toString(Double.parseDouble(input));
            case "bigdecimal": return new java.math.BigDecimal(input).toString();
            case "jsonpath": return JSONValue.toJSONString(JsonPath.parse(input).read(pattern));
            default: break;
        }
        Pattern p = Pattern.compile(pattern, flags(flagLetters));
        switch (op) {
            case "matches": return String.valueOf(p.matcher(input).matches());
            case "find": {
                Matcher m = p.matcher(input);
                List<String> found = new ArrayList<>();
                while (m.find()) {
                    StringBuilder groups = new StringBuilder();
                    for (int g = 0; g <= m.groupCount(); g++) groups.append(g == 0 ? "" : ",").append(m.start(g)).append('-').append(m.end(g));
                    found.add(groups.toString());
                }
                return String.join(";", found);
            }
            case "replaceAll": return p.matcher(input).replaceAll(argument);
            case "replaceFirst": return p.matcher(input).replaceFirst(argument);
            case "split": return String.join("|", p.split(input, Integer.parseInt(argument))) + "#" + p.split(input, Integer.parseInt(argument)).length;
            default: throw new IllegalArgumentException(op);
        }
    }
}
