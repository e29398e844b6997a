package vn.edialog.app.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.Browser;
import vn.edialog.app.support.Zips;

/**
 * Boots the packaged jar exactly as the README's run command does (no configuration, embedded PostgreSQL and demo
 * PKI under ./data), takes one dialogue through it with a demo business key and the jar's own {@code sign} command,
 * stops it, and re-verifies the persisted store with {@code verify-store}.
 */
class EmbeddedDefaultSmokeIT {

    private static final Path JAR = Path.of("target", "edialog.jar").toAbsolutePath();

    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void theJarRunsOnItsEmbeddedDefaultAndTakesADialogue() throws Exception {
        assertThat(JAR).as("run after 'package'").exists();
        Path workDir = Files.createTempDirectory("edialog-smoke");
        Path log = workDir.resolve("server.log");
        int port = freePort();

        // Anchors every 2 s instead of 10 min, and renews the archive time-stamps as soon as a time-stamp waits
        // (checked every 2 s instead of hourly), so that both happen while the test runs.
        server = java(
                        workDir,
                        Map.of(
                                "SERVER_PORT",
                                String.valueOf(port),
                                "EDIALOG_ANCHOR_INTERVAL",
                                "2s",
                                "EDIALOG_ARCHIVE_INTERVAL",
                                "PT0S",
                                "EDIALOG_ARCHIVE_CHECK_INTERVAL",
                                "2s"),
                        log)
                .start();
        Api api = new Api(port);
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    assertThat(server.isAlive())
                            .as("server exited:%n%s", tail(log))
                            .isTrue();
                    try {
                        return api.get("/actuator/health").status() == 200;
                    } catch (RuntimeException notYet) {
                        return false;
                    }
                });
        assertThat(Files.readString(log)).contains("eDialog is ready", "PKCS#12 password for every demo key");

        Path pki = workDir.resolve("data/pki");
        String password = Files.readString(pki.resolve("password.txt")).strip();
        UUID dialogueId = UUID.randomUUID();
        Path payload = workDir.resolve("ask.json");
        Files.writeString(
                payload,
                """
                {"type": "ask", "tenant": "demo", "dialogueId": "%s",
                 "topic": "thu-tuc-thue", "subject": "Hoàn thuế giá trị gia tăng",
                 "form": {"maSoThue": "0101234567", "sacThue": "Thuế giá trị gia tăng"},
                 "body": "Doanh nghiệp xuất khẩu cần hồ sơ gì để được hoàn thuế GTGT?"}
                """
                        .formatted(dialogueId));
        Path envelope = workDir.resolve("envelope.json");
        Process sign = java(
                        workDir,
                        Map.of("P12_PASSWORD", password),
                        envelope,
                        "sign",
                        "--key",
                        pki.resolve("business-0101234567.p12").toString(),
                        "--password-env",
                        "P12_PASSWORD",
                        "--payload",
                        payload.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        assertThat(sign.waitFor()).as(tail(log)).isZero();

        Api.Response accepted = api.post("/api/v1/dialogues", Files.readString(envelope));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        String trackingCode = accepted.json().path("trackingCode").asText();
        assertThat(trackingCode).startsWith("DEMO-");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.get("/api/v1/tracking/" + trackingCode)
                                .json()
                                .path("status")
                                .asText())
                        .isEqualTo("AWAITING_TRIAGE"));

        // The demo time-stamping authority, used as the README says: a request made by OpenSSL, posted with HTTP, and
        // the reply verified by OpenSSL against the demo root.
        assertThat(Files.readString(log)).contains("Time-stamping: time-stamps from the demo authority");
        Path query = workDir.resolve("envelope.tsq");
        Process ask = new ProcessBuilder(
                        "openssl",
                        "ts",
                        "-query",
                        "-data",
                        envelope.toString(),
                        "-sha256",
                        "-cert",
                        "-out",
                        query.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(ask.waitFor()).isZero();
        HttpResponse<byte[]> stamped = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/pki/tsa"))
                                .header("Content-Type", "application/timestamp-query")
                                .POST(HttpRequest.BodyPublishers.ofFile(query))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stamped.statusCode()).isEqualTo(200);
        assertThat(stamped.headers().firstValue("Content-Type")).hasValue("application/timestamp-reply");
        Path reply = Files.write(workDir.resolve("envelope.tsr"), stamped.body());
        Process check = new ProcessBuilder(
                        "openssl",
                        "ts",
                        "-verify",
                        "-in",
                        reply.toString(),
                        "-data",
                        envelope.toString(),
                        "-CAfile",
                        pki.resolve("root.pem").toString(),
                        "-untrusted",
                        pki.resolve("official-ca.pem").toString())
                .redirectErrorStream(true)
                .start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(checked).isZero();
        assertThat(checked).contains("Verification: OK");

        // The packaged jar serves the pages and the browser libraries: the demo business signs in with its demo
        // PKCS#12 file in chromium and finds its dialogue; a demo official signs in with the form.
        WebDriver driver = Browser.open(1000, 900);
        try {
            driver.get("http://localhost:" + port + "/sign-in");
            driver.findElement(By.id("sign-in-pkcs12"))
                    .sendKeys(pki.resolve("business-0101234567.p12")
                            .toAbsolutePath()
                            .toString());
            driver.findElement(By.id("sign-in-password")).sendKeys(password);
            driver.findElement(By.id("certificate-submit")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/my/dialogues"));
            assertThat(driver.getPageSource()).contains(trackingCode).contains("Hoàn thuế giá trị gia tăng");
            driver.findElement(By.cssSelector("form[action$='/sign-out'] button"))
                    .click();
            driver.get("http://localhost:" + port + "/sign-in");
            driver.findElement(By.id("username")).sendKeys("ubnd.moderator");
            driver.findElement(By.id("password")).sendKeys("demo");
            driver.findElement(By.id("staff-submit")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/staff"));
            assertThat(driver.getPageSource()).contains("Hoàn thuế giá trị gia tăng");
        } finally {
            driver.quit();
        }

        // The dialogue's evidence bundle, downloaded by the moderator once its signature is stamped, verifies offline
        // with the jar, as the README shows.
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest download = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/dialogues/" + dialogueId + "/evidence.asice"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("ubnd.moderator:demo".getBytes(StandardCharsets.UTF_8)))
                .build();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<byte[]> bundle = http.send(download, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(bundle.statusCode()).isEqualTo(200);
            Files.write(workDir.resolve("evidence.asice"), bundle.body());
            byte[] summary = Zips.unzip(bundle.body()).get("summary.html");
            return summary != null && new String(summary, StandardCharsets.UTF_8).contains("CAdES-BASELINE-LT");
        });

        HttpRequest anchor = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/dialogues/" + dialogueId + "/events/0/anchor"))
                .header(
                        "Authorization",
                        download.headers().firstValue("Authorization").orElseThrow())
                .build();
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        http.send(anchor, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        // The anchor's own time-stamp renewed too, by the archive time-stamp made after it.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Files.readString(log).contains("time-stamp(s) and the previous renewal")
                        || Files.readString(log).contains("renews 2 time-stamp(s)"));

        server.destroy();
        assertThat(server.waitFor()).as(tail(log)).isIn(0, 143);

        Path verified = workDir.resolve("evidence-verify.txt");
        Process evidence = java(
                        workDir,
                        Map.of(),
                        verified,
                        "evidence",
                        "verify",
                        "evidence.asice",
                        "--trust",
                        pki.resolve("root.pem").toString())
                .start();
        assertThat(evidence.waitFor()).as(Files.readString(verified)).isZero();
        assertThat(Files.readString(verified)).startsWith("VALID: 1 signatures").contains("archive time-stamp: ");

        Path report = workDir.resolve("verify-store.txt");
        Process verify = java(workDir, Map.of(), report, "verify-store").start();
        assertThat(verify.waitFor()).as(Files.readString(report)).isZero();
        assertThat(Files.readString(report))
                .contains("VALID: 1 events of 1 dialogues")
                .contains("time-stamps: 1 verified, 0 pending, 0 invalid")
                .contains("validation values (CAdES-LT): 1 captured, 0 awaiting, 0 incomplete")
                .contains("anchors: 1 verified covering 1 events, 0 events not yet anchored, 0 invalid")
                .containsPattern(
                        "archive time-stamps: [1-9]\\d* verified \\(latest \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d by .*: the"
                                + " store's time-stamps are proven until \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d\\), 0 time-stamps not yet renewed, 0 invalid");
        deleteRecursively(workDir); // kept when the test fails, for its logs
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static ProcessBuilder java(Path workDir, Map<String, String> env, Path output, String... args) {
        List<String> command = new java.util.ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().remove("EDIALOG_DB_URL");
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        builder.environment().putAll(env);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        if (args.length == 0) {
            builder.redirectErrorStream(true);
        }
        return builder;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
