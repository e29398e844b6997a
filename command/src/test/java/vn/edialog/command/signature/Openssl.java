package vn.edialog.command.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Debian's openssl, the other implementation the interoperability tests hold the product against. */
public final class Openssl {

    public static final Path PATH = Path.of("/usr/bin/openssl");

    private Openssl() {}

    /** Fails on CI without openssl; elsewhere the test is skipped. */
    public static void require() {
        if (!Files.isExecutable(PATH)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("openssl is required on CI at " + PATH);
            }
            Assumptions.abort("openssl not installed");
        }
    }

    /** Runs {@code openssl args...} in {@code dir}; its output, after asserting it ended well within a minute. */
    public static String run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(PATH.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
