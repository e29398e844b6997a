package vn.edialog.app.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.edialog.app.submission.GovernmentActions;
import vn.edialog.app.support.Accessibility;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.Browser;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.command.pki.TestPki;

/**
 * The public portal in headless chromium, as a reader uses it: search through the form with and without diacritics,
 * filter, open a published dialogue, see its verified signatures, look up a tracking code; on a desktop and a
 * phone-sized screen, each page scanned by axe-core. Screenshots go to target/screenshots.
 */
@EDialogIntegrationTest
class PortalBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    GovernmentActions government;

    WebDriver driver;
    WebDriverWait wait;
    PortalDialogues dialogues;

    @BeforeEach
    void setUp() {
        dialogues = new PortalDialogues(new Api(port), government);
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    private void open(int width, int height) {
        driver = Browser.open(width, height);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Types the words into the search form and submits it with Enter; returns on the new page. */
    private void searchFor(String words) {
        WebElement q = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        q.clear();
        q.sendKeys(words, Keys.ENTER);
        wait.until(ExpectedConditions.stalenessOf(q));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results-heading")));
    }

    private String results() {
        return driver.findElement(By.cssSelector("main")).getText();
    }

    @Test
    void aReaderSearchesWithAndWithoutDiacriticsOpensTheAnswerAndSeesItsSignaturesVerified() {
        String marker = "Zb" + UUID.randomUUID().toString().substring(0, 6);
        var accented = dialogues.publish(
                TestPki.shared().business(),
                "thu-tuc-thue",
                "thue",
                "Hoàn thuế xuất khẩu " + marker,
                "Hàng xuất khẩu bị trả lại có được hoàn thuế nhập khẩu đã nộp không?",
                "Hàng xuất khẩu phải tái nhập được hoàn lại thuế xuất khẩu đã nộp, không phải nộp thuế nhập khẩu.");
        var plain = dialogues.publish(
                TestPki.shared().citizen(),
                "dang-ky-kinh-doanh",
                "skhdt",
                "Dang ky ho kinh doanh " + marker,
                "Toi muon dang ky ho kinh doanh ban tap hoa thi can giay to gi?",
                "Ho so gom giay de nghi dang ky ho kinh doanh va ban sao giay to phap ly cua chu ho.");

        open(1280, 900);
        driver.get(url("/portal"));
        wait.until(ExpectedConditions.urlContains("/portal/demo"));
        Accessibility.assertNoSeriousViolations(driver, "portal list");

        searchFor("hoan thue xuat khau " + marker);
        assertThat(results())
                .contains("Hoàn thuế xuất khẩu " + marker)
                .doesNotContain(plain.id().toString());
        assertThat(driver.findElements(By.cssSelector(".results mark"))).isNotEmpty();
        Browser.screenshot(driver, "portal-desktop-1-search-without-diacritics");

        searchFor("đăng ký hộ kinh doanh " + marker);
        assertThat(results()).contains("Dang ky ho kinh doanh " + marker).doesNotContain("Hoàn thuế xuất khẩu");

        assertThat(driver.findElement(By.id("agency")).isDisplayed())
                .as("the filters are folded away while none is chosen")
                .isFalse();
        driver.findElement(By.cssSelector(".more-filters > summary")).click();
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agency")))).selectByValue("thue");
        searchFor(marker);
        assertThat(results()).contains("Hoàn thuế xuất khẩu " + marker).doesNotContain("Dang ky ho kinh doanh");
        Accessibility.assertNoSeriousViolations(driver, "portal search results");
        Browser.screenshot(driver, "portal-desktop-2-filtered");

        driver.findElement(By.linkText("Hoàn thuế xuất khẩu " + marker)).click();
        wait.until(ExpectedConditions.urlContains("/dialogues/" + accented.id()));
        String page = driver.findElement(By.cssSelector("main")).getText();
        assertThat(page)
                .contains("Trả lời của Cục Thuế tỉnh Demo")
                .contains("Đã xác thực")
                .contains("Chữ ký số đã xác thực")
                .doesNotContain("Không xác thực được")
                .doesNotContain("Nguyễn Thị Hương")
                .doesNotContain("Hoàng Long");
        assertThat(driver.findElements(By.cssSelector("a[href$='/signature.p7s']")))
                .hasSize(2);
        Accessibility.assertNoSeriousViolations(driver, "published dialogue");
        Browser.screenshot(driver, "portal-desktop-3-dialogue");
        var bundle = driver.findElement(By.cssSelector(".evidence-bundle"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", bundle);
        assertThat(bundle.findElement(By.cssSelector("a.button")).getAttribute("href"))
                .endsWith("/api/v1/portal/demo/dialogues/" + accented.id() + "/evidence.asice");
        assertThat(bundle.getText()).contains("Tải hồ sơ chứng cứ (.asice)", "java -jar edialog.jar evidence verify");
        Browser.screenshot(driver, "portal-desktop-4-evidence-bundle");

        driver.get(url("/portal/demo/dialogues/" + accented.id() + "?lang=en"));
        assertThat(driver.findElement(By.cssSelector("main")).getText())
                .contains("Verified")
                .contains("Check the signatures yourself")
                .contains("Download the evidence bundle (.asice)");
    }

    @Test
    void onAPhoneTheListTheDialogueAndTheTrackingPageAreUsable() {
        String marker = "Zp" + UUID.randomUUID().toString().substring(0, 6);
        var published = dialogues.publish(
                TestPki.shared().citizen(),
                "phan-anh-kien-nghi",
                "ubnd",
                "Kiến nghị sửa đường liên xã " + marker,
                "Đường liên xã bị sạt lở sau mưa lũ, đề nghị sớm sửa chữa.",
                "Ủy ban nhân dân tỉnh đã bố trí kinh phí khắc phục, dự kiến hoàn thành trong quý này. "
                        + "Người dân đi lại chú ý biển báo tạm thời.");
        var pending =
                dialogues.ask(TestPki.shared().business(), "thu-tuc-thue", "Hỏi về thuế " + marker, "Nội dung", false);
        Api api = new Api(port);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        api.get("/api/v1/tracking/" + pending.trackingCode()).status() == 200);

        open(390, 844);
        driver.get(url("/portal/demo"));
        searchFor("kien nghi sua duong " + marker);
        assertThat(results()).contains("Kiến nghị sửa đường liên xã " + marker);
        assertNoHorizontalScroll("portal list on a phone");
        Accessibility.assertNoSeriousViolations(driver, "portal list on a phone");
        Browser.screenshot(driver, "portal-phone-1-search");

        driver.findElement(By.linkText("Kiến nghị sửa đường liên xã " + marker)).click();
        wait.until(ExpectedConditions.urlContains("/dialogues/" + published.id()));
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Đã xác thực");
        assertNoHorizontalScroll("dialogue on a phone");
        Accessibility.assertNoSeriousViolations(driver, "dialogue on a phone");
        Browser.screenshot(driver, "portal-phone-2-dialogue");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('timeline-heading').scrollIntoView()");
        Browser.screenshot(driver, "portal-phone-3-timeline");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('verify-heading').scrollIntoView()");
        Browser.screenshot(driver, "portal-phone-4-verify-help");

        driver.get(url("/tracking"));
        WebElement code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
        code.sendKeys(pending.trackingCode().toLowerCase(), Keys.ENTER);
        wait.until(ExpectedConditions.stalenessOf(code));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status-heading")));
        String tracking = driver.findElement(By.cssSelector("main")).getText();
        assertThat(tracking)
                .contains(pending.trackingCode())
                .contains("Chờ tiếp nhận")
                .doesNotContain(marker);
        assertNoHorizontalScroll("tracking on a phone");
        Accessibility.assertNoSeriousViolations(driver, "tracking");
        Browser.screenshot(driver, "portal-phone-5-tracking");

        driver.get(url("/portal/demo?from=yesterday"));
        assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText()).contains("không phải là ngày");
        Accessibility.assertNoSeriousViolations(driver, "refused search");
        Browser.screenshot(driver, "portal-phone-6-bad-input");
    }

    private void assertNoHorizontalScroll(String page) {
        Object overflow = ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).longValue())
                .as(page + " fits the screen's width")
                .isLessThanOrEqualTo(0);
    }
}
