package vn.edialog.app.operations.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The public conformance run: {@code certs check --profile rfc5280} (the real command line, in this JVM) on every
 * NIST PKITS case of {@code shared/corpora/nist-pkits}, with the case's intermediates and CRLs at 2020-01-01; prints
 * per section how many valid and invalid paths were accepted. The suite's own cases are built with the
 * project's test PKI ({@code vn.edialog.command.signature.PathValidationScenariosTest}); {@link PkitsConformanceTest}
 * runs it when the corpus is there. As a program: the corpus folder as the argument, exit code 1 when any case
 * disagrees with its expected result.
 */
public final class PkitsConformance {

    private PkitsConformance() {}

    /** The per-section figures, the total line, and the cases whose verdict disagrees with the manifest. */
    record Outcome(List<String> lines, List<String> disagreements) {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpora/nist-pkits");
        if (!Files.isRegularFile(corpus.resolve("manifest.json"))) {
            System.err.println("no PKITS manifest in " + corpus.toAbsolutePath());
            System.exit(Cli.UNUSABLE);
        }
        Outcome outcome = run(corpus);
        outcome.lines().forEach(System.out::println);
        outcome.disagreements().forEach(w -> System.out.println("  disagrees: " + w));
        System.exit(outcome.disagreements().isEmpty() ? Cli.VALID : Cli.INVALID);
    }

    /** Runs every case of the corpus folder (holding manifest.json, certs/ and crls/) through the command line. */
    static Outcome run(Path corpus) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, int[]> sections = new TreeMap<>(PkitsConformance::compareSections);
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> reasons = new TreeMap<>();
        for (JsonNode c :
                json.readTree(corpus.resolve("manifest.json").toFile()).get("cases")) {
            List<String> cli = new ArrayList<>(List.of("certs", "check", "--profile", "rfc5280"));
            cli.addAll(List.of("--at", "2020-01-01T00:00:00Z", "--json"));
            cli.addAll(List.of("--cert", file(corpus, "certs", c.get("end_entity"))));
            cli.addAll(List.of("--trust", file(corpus, "certs", c.get("trust_anchor"))));
            for (JsonNode n : c.get("intermediates")) {
                cli.addAll(List.of("--untrusted", file(corpus, "certs", n)));
            }
            for (JsonNode n : c.get("crls")) {
                cli.addAll(List.of("--crl", file(corpus, "crls", n)));
            }
            StringWriter out = new StringWriter();
            int exit = Cli.run(
                    new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), cli.toArray(String[]::new));
            boolean accepted = exit == Cli.VALID;
            boolean expected = "SUCCESS".equals(c.get("expected_result").textValue());
            int[] counts = sections.computeIfAbsent(c.get("pkits_section").textValue(), k -> new int[4]);
            counts[expected ? 0 : 2]++;
            if (accepted) {
                counts[expected ? 1 : 3]++;
            } else {
                String reason = exit == Cli.INVALID
                        ? json.readTree(out.toString()).path("reason").asText()
                        : "exit " + exit;
                reasons.merge(reason, 1, Integer::sum);
            }
            if (accepted != expected) {
                wrong.add(c.get("id").textValue() + " (expected "
                        + c.get("expected_result").textValue() + "): "
                        + out.toString().strip());
            }
        }
        List<String> lines = new ArrayList<>();
        int[] total = new int[4];
        for (Map.Entry<String, int[]> e : sections.entrySet()) {
            int[] n = e.getValue();
            lines.add(String.format(
                    "%-5s %2d of %2d valid accepted, %2d of %2d invalid accepted", e.getKey(), n[1], n[0], n[3], n[2]));
            for (int i = 0; i < 4; i++) {
                total[i] += n[i];
            }
        }
        lines.add(String.format(
                "total %d of %d valid accepted, %d of %d invalid accepted", total[1], total[0], total[3], total[2]));
        lines.add("refusals by reason: " + reasons);
        return new Outcome(List.copyOf(lines), List.copyOf(wrong));
    }

    private static String file(Path corpus, String folder, JsonNode name) {
        return corpus.resolve(folder).resolve(name.textValue()).toString();
    }

    private static int compareSections(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int d = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (d != 0) {
                return d;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
