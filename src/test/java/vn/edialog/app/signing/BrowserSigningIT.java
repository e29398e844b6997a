package vn.edialog.app.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.Browser;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.TestPkiFiles;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.signature.CanonicalJson;

/**
 * The browser signing module {@code /js/edialog-sign.js} in headless chromium against the real server: the test-only
 * page {@code /test/sign-harness.html} opens a PKCS#12 file of the test PKI, signs an ask with PKI.js and WebCrypto,
 * and posts the envelope to {@code /api/v1/dialogues}, which verifies it exactly as any other client's. Screenshots go
 * to target/screenshots.
 */
@EDialogIntegrationTest
class BrowserSigningIT {

    private static final Set<String> FINISHED = Set.of("done", "error", "broken");

    @LocalServerPort
    int port;

    WebDriver driver;

    @BeforeEach
    void openHarness() {
        driver = Browser.open(1100, 1100);
        driver.get("http://localhost:" + port + "/test/sign-harness.html");
        await().atMost(Duration.ofSeconds(30)).until(() -> !"loading".equals(state()));
        assertThat(state())
                .as("the signing module and its /vendor libraries load: %s", text("state"))
                .isEqualTo("ready");
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "business-" + TestPki.BUSINESS_MST + ", MST:" + TestPki.BUSINESS_MST + ", EC P-256",
        "business-" + TestPki.BUSINESS_RSA_MST + ", MST:" + TestPki.BUSINESS_RSA_MST + ", RSA 2048",
        "citizen-" + TestPki.CITIZEN_CCCD + ", CCCD:" + TestPki.CITIZEN_CCCD + ", EC P-256"
    })
    void anAskSignedInTheBrowserIsAcceptedByTheServer(String keyFile, String identity, String keyAlgorithm) {
        signAndSend(TestPkiFiles.directory().resolve(keyFile + ".p12"), TestPkiFiles.PASSWORD);

        assertThat(text("error")).isEmpty();
        assertThat(text("signer-identity")).isEqualTo(identity);
        assertThat(text("signer-key")).isEqualTo(keyAlgorithm);
        assertThat(text("signer-issuer")).isEqualTo("eDialog Public CA");
        assertThat(text("status")).as(text("response")).isEqualTo("201");
        JsonNode accepted = json(text("response"));
        assertThat(accepted.path("trackingCode").asText()).matches("DEMO-\\d{4}-\\d{6}-[0-9A-HJKMNP-TV-Z]{6}");
        assertThat(text("tracking")).isEqualTo(accepted.path("trackingCode").asText());
        assertThat(accepted.path("receipt").path("signature").asText()).isNotEmpty();
        Browser.screenshot(driver, "browser-signing-" + keyFile);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> new Api(port)
                                .get("/api/v1/tracking/"
                                        + accepted.path("trackingCode").asText())
                                .status()
                        == 200);
    }

    @Test
    void aPasswordWithVietnameseLettersOpensAFileTheJavaSideWrote(@TempDir Path dir) throws IOException {
        String password = "Mật khẩu ký số Đà Nẵng 2026";
        Path file = dir.resolve("citizen.p12");
        Files.write(file, TestPki.shared().citizen().pkcs12(password.toCharArray()));

        signAndSend(file, password);

        assertThat(text("error")).isEmpty();
        assertThat(text("status")).as(text("response")).isEqualTo("201");
    }

    @Test
    void aWrongPasswordGivesTheModulesErrorCodeAndSendsNothing() {
        signAndSend(TestPkiFiles.directory().resolve("business-" + TestPki.BUSINESS_MST + ".p12"), "not-the-password");

        assertThat(state()).isEqualTo("error");
        assertThat(driver.findElement(By.id("error")).getDomAttribute("data-code"))
                .isEqualTo("wrong-password");
        assertThat(text("error")).startsWith("Sai mật khẩu");
        assertThat(driver.findElement(By.id("result")).isDisplayed()).isFalse();
        // The browser's own record of every request the page made, not the page's account of it.
        Object requests = js().executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/api/')).map(e => e.name);");
        assertThat((List<?>) requests).isEmpty();
        Browser.screenshot(driver, "browser-signing-wrong-password");
    }

    @Test
    void aFileThatIsNotPkcs12IsRefusedWithItsOwnCode() {
        signAndSend(TestPkiFiles.directory().resolve("root.pem"), TestPkiFiles.PASSWORD);

        assertThat(driver.findElement(By.id("error")).getDomAttribute("data-code"))
                .isEqualTo("not-pkcs12");
    }

    @Test
    void canonicalJsonInTheBrowserIsByteForByteTheServers() throws IOException {
        // Member names that sort differently by code point and by UTF-16 code unit (U+FB33 against an emoji's
        // surrogates), Vietnamese letters precomposed and not, escapes, control characters, numbers in ES form.
        String tricky =
                """
                {
                  "tiêu đề": "Thủ tục “đặc biệt” – cấp phép",
                  "Tiêu đề": "Hoa thường khác nhau",
                  "tie\\u0302u": "dấu tổ hợp (combining)",
                  "numbers": [1, -0, 0.5, 1e21, 1e-7, 123456789012, -42, 9007199254740991, 100, 0.1],
                  "values": [true, false, null, {}, [], ""],
                  "\\u20ac": "Euro",
                  "\\r": "Carriage return",
                  "\\ud83d\\ude00": "Emoji",
                  "\\ufb33": "Hebrew letter dalet with dagesh",
                  "1": "One",
                  "\\u0080": "Control",
                  "\\u00f6": "o with diaeresis",
                  "escapes": "quote \\" backslash \\\\ slash / tab \\t newline \\n",
                  "controls": "nul \\u0000 unit \\u001f del \\u007f line separator \\u2028",
                  "nested": {"z": {"b": 2, "a": 1}, "đ": "đường", "d": "duong", "ỏ": "o hook", "ơ": "o horn"}
                }
                """;
        byte[] server = CanonicalJson.canonicalize(Envelopes.JSON.readTree(tricky));

        String browser = (String) js().executeScript(
                        "const bytes = window.edialogSign.canonicalJsonBytes(JSON.parse(arguments[0]));"
                                + "return btoa(String.fromCharCode(...bytes));",
                        tricky);

        byte[] browserBytes = Base64.getDecoder().decode(browser);
        assertThat(new String(browserBytes, StandardCharsets.UTF_8))
                .isEqualTo(new String(server, StandardCharsets.UTF_8));
        assertThat(browserBytes).isEqualTo(server);

        // What the server cannot parse the module refuses to write.
        Object refused = js().executeScript("try { window.edialogSign.canonicalJson({text: 'lone \\ud800'}); }"
                + " catch (e) { return e.code; } return 'written';");
        assertThat(refused).isEqualTo("invalid-payload");
    }

    private void signAndSend(Path p12, String password) {
        driver.findElement(By.id("p12")).sendKeys(p12.toAbsolutePath().toString());
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign")).click();
        await().atMost(Duration.ofSeconds(60)).until(() -> FINISHED.contains(state()));
    }

    private String state() {
        return driver.findElement(By.id("state")).getDomAttribute("data-state");
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private static JsonNode json(String text) {
        try {
            return Envelopes.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
