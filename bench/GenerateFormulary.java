import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic formulary of N drug sheets for the benchmarks: copies of a bundled sheet,
 * each with its own id (drug00001...) and brand (Brand00001...), all valid.
 *
 * <p>Run: {@code java bench/GenerateFormulary.java OUT_DIR N [TEMPLATE]} (Java 17 runs a single
 * source file directly).
 */
public class GenerateFormulary {
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java bench/GenerateFormulary.java OUT_DIR N [data/drugs/tofacitinib.yaml]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path template = Path.of(args.length > 2 ? args[2] : "data/drugs/tofacitinib.yaml");
        String sheet = Files.readString(template);
        String id = template.getFileName().toString().replace(".yaml", "");
        Path drugs = Files.createDirectories(out.resolve("drugs"));
        for (int i = 1; i <= n; i++) {
            String newId = String.format("drug%05d", i);
            String text = sheet.replaceFirst("(?m)^id: .*$", "id: " + newId)
                    .replaceFirst("(?m)^name: .*$", "name: Drug" + String.format("%05d", i))
                    .replaceFirst("(?m)^brands:.*(\\n  - .*)*", "brands: [Brand" + String.format("%05d", i) + "]")
                    .replace("../schema/", "../../data/schema/");
            Files.writeString(drugs.resolve(newId + ".yaml"), text);
        }
        System.out.println("wrote " + n + " sheets to " + drugs + " (from " + template + ", id " + id + ")");
    }
}
