import com.jayway.jsonpath.JsonPath;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.minidev.json.JSONValue;

/**
 * Reads cases from stdin, one per line: Base64 of the path, a tab, Base64 of the JSON document.
 * Prints one Base64 line per case: "=" and the result as JSON, or "!" and the exception class name.
 */
public class JaywayOracle {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            String[] fields = line.split("\t", -1);
            String path = new String(Base64.getDecoder().decode(fields[0]), StandardCharsets.UTF_8);
            String document = new String(Base64.getDecoder().decode(fields[1]), StandardCharsets.UTF_8);
            String result;
            try {
                Object value = JsonPath.parse(document).read(path);
                result = "=" + JSONValue.toJSONString(value);
            } catch (Exception e) {
                result = "!" + e.getClass().getSimpleName();
            }
            out.append(Base64.getEncoder().encodeToString(result.getBytes(StandardCharsets.UTF_8))).append('\n');
        }
        System.out.print(out);
    }
}
