package vn.edialog.app.asker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.edialog.app.access.Official;
import vn.edialog.app.submission.GovernmentActions;
import vn.edialog.app.support.Accessibility;
import vn.edialog.app.support.Browser;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.TestPkiFiles;
import vn.edialog.command.pki.TestPki;

/**
 * A business in headless chromium: signs in with its PKCS#12 file, composes a question on a topic form, signs and
 * sends it, reads the signed receipt, sees the moderator's answer and rates it — every message signed in the browser
 * with PKI.js, verified by the server as any client's. Each page passes an axe-core scan and fits a phone's width.
 */
@EDialogIntegrationTest
class AskerBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    GovernmentActions government;

    WebDriver driver;

    @BeforeEach
    void open() {
        driver = Browser.open(1100, 1000);
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Path businessFile() {
        return TestPkiFiles.directory()
                .resolve("business-" + TestPki.BUSINESS_MST + ".p12")
                .toAbsolutePath();
    }

    private void sign(String prefix) {
        driver.findElement(By.id(prefix + "-pkcs12")).sendKeys(businessFile().toString());
        driver.findElement(By.id(prefix + "-password")).sendKeys(TestPkiFiles.PASSWORD);
    }

    private void signIn() {
        driver.get(url("/sign-in"));
        Accessibility.assertNoSeriousViolations(driver, "sign-in");
        new Select(driver.findElement(By.id("tenant"))).selectByValue("demo");
        sign("sign-in");
        driver.findElement(By.id("certificate-submit")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains("/my/dialogues"));
    }

    private WebElement visible(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private boolean fitsTheViewport() {
        return (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
    }

    @Test
    void aBusinessSignsInAsksReadsItsReceiptSeesTheAnswerAndRatesIt() {
        signIn();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Hồ sơ của tôi");
        Accessibility.assertNoSeriousViolations(driver, "my dialogues (empty)");

        driver.get(url("/my/dialogues/new"));
        Accessibility.assertNoSeriousViolations(driver, "topic choice");
        driver.findElement(By.cssSelector("a[href$='topic=dang-ky-kinh-doanh']"))
                .click();
        driver.findElement(By.id("subject")).sendKeys("Thay đổi ngành nghề kinh doanh");
        driver.findElement(By.id("field-loaiHinhDoanhNghiep")).sendKeys("Công ty TNHH hai thành viên");
        driver.findElement(By.id("field-nganhNghe")).sendKeys("Bán lẻ thực phẩm");
        driver.findElement(By.id("body"))
                .sendKeys("Công ty muốn bổ sung ngành bán lẻ thực phẩm. Thủ tục và lệ phí như thế nào?");
        WebElement consent = driver.findElement(By.id("publicationConsent"));
        assertThat(consent.isSelected()).as("agrees to publication by default").isTrue();
        assertThat(driver.findElement(By.cssSelector("label[for=publicationConsent]"))
                        .getText())
                .startsWith("Tôi đồng ý công khai");
        consent.click();
        sign("compose");
        Accessibility.assertNoSeriousViolations(driver, "compose form");
        Browser.screenshot(driver, "asker-compose");
        driver.findElement(By.cssSelector("#compose button[type=submit]")).click();

        WebElement receipt = visible(By.id("receipt"));
        String trackingCode =
                receipt.findElement(By.cssSelector("[data-slot=trackingCode]")).getText();
        assertThat(trackingCode).matches("DEMO-\\d{4}-\\d{6}-[0-9A-HJKMNP-TV-Z]{6}");
        assertThat(receipt.findElement(By.cssSelector("[data-slot=eventHash]")).getText())
                .matches("[0-9a-f]{64}");
        assertThat(receipt.findElement(By.cssSelector("[data-slot=download]")).getDomAttribute("download"))
                .startsWith("receipt-");
        Browser.screenshot(driver, "asker-receipt");
        String dialoguePath =
                receipt.findElement(By.cssSelector("[data-slot=open]")).getDomProperty("href");
        UUID dialogueId = UUID.fromString(dialoguePath.substring(dialoguePath.lastIndexOf('/') + 1));

        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            driver.get(dialoguePath);
            return driver.getPageSource().contains("Thay đổi ngành nghề kinh doanh");
        });
        assertThat(driver.getPageSource())
                .contains("Loại hình doanh nghiệp: Công ty TNHH hai thành viên")
                .contains(trackingCode);
        // The unchecked choice was signed as false, and the event carries it.
        String signedAsk = jdbc.sql(
                        """
                        select convert_from(payload, 'UTF8')::jsonb -> 'evidence' -> 'signed' ->> 'payload'
                        from domainevententry where aggregateidentifier = :id and payloadtype like '%.DialogueAsked'""")
                .param("id", dialogueId.toString())
                .query(String.class)
                .single();
        assertThat(new String(java.util.Base64.getDecoder().decode(signedAsk), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"publicationConsent\":false");
        assertThat(jdbc.sql(
                                """
                                select convert_from(payload, 'UTF8')::jsonb ->> 'publicationConsent'
                                from domainevententry
                                where aggregateidentifier = :id and payloadtype like '%.DialogueAsked'""")
                        .param("id", dialogueId.toString())
                        .query(String.class)
                        .single())
                .isEqualTo("false");

        government.answer(
                dialogueId,
                new Official("browser.moderator", "Cán bộ tiếp nhận", "demo", "ubnd"),
                "Công ty nộp thông báo thay đổi ngành nghề qua Cổng dịch vụ công, không mất lệ phí.");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            driver.get(dialoguePath);
            return driver.getPageSource().contains("không mất lệ phí");
        });
        Accessibility.assertNoSeriousViolations(driver, "answered dialogue");

        assertThat(ratingLayout()).as("desktop: every radio beside its label").contains("beside");
        driver.manage().window().setSize(new Dimension(390, 844));
        assertThat(ratingLayout())
                .as("phone: every radio beside its label, one choice a line")
                .isEqualTo("beside, one a line");
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView();", driver.findElement(By.id("rate")));
        Browser.screenshot(driver, "asker-rating-phone");
        driver.manage().window().setSize(new Dimension(1100, 1000));

        driver.findElement(By.cssSelector("label[for=rating-5]")).click();
        driver.findElement(By.id("rate-comment")).sendKeys("Trả lời rõ ràng, nhanh.");
        sign("rate");
        driver.findElement(By.cssSelector("#rate button[type=submit]")).click();
        WebElement rated = visible(By.id("rate-receipt"));
        assertThat(rated.findElement(By.cssSelector("[data-slot=trackingCode]")).getText())
                .isEqualTo(trackingCode);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            driver.get(dialoguePath);
            return driver.getPageSource().contains("Trả lời rõ ràng, nhanh.");
        });
        assertThat(driver.findElements(By.id("rate"))).as("rated once").isEmpty();

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(dialoguePath);
        assertThat(fitsTheViewport())
                .as("the dialogue page fits a phone's width")
                .isTrue();
        Browser.screenshot(driver, "asker-dialogue-phone");
        driver.get(url("/my/dialogues"));
        assertThat(driver.getPageSource()).contains(trackingCode);
        assertThat(fitsTheViewport()).as("the list fits a phone's width").isTrue();
        Accessibility.assertNoSeriousViolations(driver, "my dialogues on a phone");
        Browser.screenshot(driver, "asker-dialogues-phone");
    }

    /** Records the body of every request the page sends with fetch (the signed envelopes), for the test to read. */
    private void recordSentBodies() {
        ((JavascriptExecutor) driver)
                .executeScript(
                        """
                        window.__sent = [];
                        const send = window.fetch;
                        window.fetch = (url, options) => {
                          if (options && options.body) window.__sent.push(options.body);
                          return send(url, options);
                        };""");
    }

    /** The last envelope the page sent. */
    private String lastSentBody() {
        return (String) ((JavascriptExecutor) driver).executeScript("return window.__sent[window.__sent.length - 1];");
    }

    @Test
    void aConfidentialQuestionAndItsRatingAreEncryptedInTheBrowserBeforeTheyAreSent() throws Exception {
        String secret = "zqbimat" + UUID.randomUUID().toString().substring(0, 8);
        signIn();
        driver.get(url("/my/dialogues/new?topic=dang-ky-kinh-doanh"));
        driver.findElement(By.id("subject")).sendKeys("Khiếu nại riêng " + secret);
        driver.findElement(By.id("field-loaiHinhDoanhNghiep")).sendKeys("Công ty cổ phần");
        driver.findElement(By.id("field-nganhNghe")).sendKeys("Xây dựng");
        driver.findElement(By.id("body")).sendKeys("Nội dung riêng tư " + secret);
        driver.findElement(By.cssSelector("label[for=confidential]")).click();
        sign("compose");
        recordSentBodies();
        driver.findElement(By.cssSelector("#compose button[type=submit]")).click();
        WebElement receipt = visible(By.id("receipt"));
        JsonNode sent = new ObjectMapper().readTree(lastSentBody());
        assertThat(sent.has("encryptedPayload")).as(sent.toString()).isTrue();
        assertThat(sent.has("payload")).isFalse();
        assertThat(sent.toString()).doesNotContain(secret);
        String dialoguePath =
                receipt.findElement(By.cssSelector("[data-slot=open]")).getDomProperty("href");
        UUID dialogueId = UUID.fromString(dialoguePath.substring(dialoguePath.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select count(*) from confidential_content where dialogue_id = :id")
                        .param("id", dialogueId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        government.answer(
                dialogueId,
                new Official("browser.moderator", "Cán bộ tiếp nhận", "demo", "ubnd"),
                "Ủy ban đã ghi nhận và trả lời riêng.");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            driver.get(dialoguePath);
            return driver.getPageSource().contains("trả lời riêng");
        });
        assertThat(driver.getPageSource()).contains(secret);
        driver.findElement(By.cssSelector("label[for=rating-4]")).click();
        driver.findElement(By.id("rate-comment")).sendKeys("Cảm ơn " + secret);
        sign("rate");
        recordSentBodies();
        driver.findElement(By.cssSelector("#rate button[type=submit]")).click();
        visible(By.id("rate-receipt"));
        JsonNode rating = new ObjectMapper().readTree(lastSentBody());
        assertThat(rating.has("encryptedPayload")).as(rating.toString()).isTrue();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            driver.get(dialoguePath);
            return driver.getPageSource().contains("Cảm ơn " + secret);
        });
        Browser.screenshot(driver, "asker-confidential-dialogue");
    }

    /**
     * "beside" when each rating radio sits on its label's line, left of it ("above" otherwise), and ", one a line" when
     * each choice starts lower than the one before.
     */
    private String ratingLayout() {
        return (String)
                ((JavascriptExecutor) driver)
                        .executeScript(
                                """
                        const choices = [...document.querySelectorAll('#rate .rating > span')];
                        const beside = choices.every(c => {
                          const r = c.querySelector('input').getBoundingClientRect();
                          const l = c.querySelector('label').getBoundingClientRect();
                          const middle = r.top + r.height / 2;
                          return r.right <= l.left && middle >= l.top && middle <= l.bottom;
                        });
                        const tops = choices.map(c => c.getBoundingClientRect().top);
                        const oneALine = choices.length === 5 && tops.every((t, i) => i === 0 || t > tops[i - 1]);
                        return (beside ? 'beside' : 'above') + (oneALine ? ', one a line' : '');
                        """);
    }

    @Test
    void aWrongPasswordIsSaidInVietnameseAndNothingIsSent() {
        driver.get(url("/sign-in"));
        driver.findElement(By.id("sign-in-pkcs12")).sendKeys(businessFile().toString());
        driver.findElement(By.id("sign-in-password")).sendKeys("sai-mat-khau");
        driver.findElement(By.id("certificate-submit")).click();
        WebElement error = visible(By.cssSelector("#certificate-sign-in [data-signing-error]"));
        assertThat(error.getText()).isEqualTo("Sai mật khẩu của tệp chứng thư số.");
        assertThat(driver.getCurrentUrl()).endsWith("/sign-in");
        Browser.screenshot(driver, "asker-sign-in-wrong-password");
    }
}
