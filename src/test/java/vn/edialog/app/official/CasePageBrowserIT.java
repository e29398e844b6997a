package vn.edialog.app.official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.edialog.app.access.Official;
import vn.edialog.app.access.OfficialRole;
import vn.edialog.app.submission.GovernmentActions;
import vn.edialog.app.support.Accessibility;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.Browser;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.TestOfficials;
import vn.edialog.command.dialogue.api.RejectionReason;
import vn.edialog.command.pki.TestPki;

/**
 * An official opens a case link (as from a Tasklist task) in headless chromium: he is sent to the sign-in page, signs
 * in with the form, comes back to the case and reads its facts and signed timeline; on a desktop and a phone-sized
 * screen, scanned by axe-core. Screenshots go to target/screenshots.
 */
@EDialogIntegrationTest
class CasePageBrowserIT {

    private static final String OFFICER = "case.browser.officer";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    GovernmentActions government;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @Test
    void anOfficialSignsInByTheFormAndReadsTheCaseOnADesktopAndAPhone() {
        String group = OfficialRole.OFFICERS.groupId("demo", "thue");
        TestOfficials.ensure(identity, OFFICER, group, "secret", "Lê Thị", "Cúc");
        UUID id = UUID.randomUUID();
        Api api = new Api(port);
        var ask = Envelopes.ask(id, "thu-tuc-thue")
                .put(
                        "subject",
                        "Quyết toán thuế thu nhập doanh nghiệp " + id.toString().substring(0, 6))
                .put("body", "Doanh nghiệp chuyển trụ sở giữa năm thì quyết toán thuế ở đâu?");
        assertThat(api.post(
                                "/api/v1/dialogues",
                                Envelopes.signed(TestPki.shared().business(), ask))
                        .status())
                .isEqualTo(201);
        government.forward(
                id,
                new Official("case.browser.moderator", "Trần Văn Bình", "demo", "ubnd"),
                "thue",
                "Đề nghị Cục Thuế trả lời",
                Instant.now().plus(10, ChronoUnit.DAYS));
        government.acknowledge(id, new Official(OFFICER, "Lê Thị Cúc", "demo", "thue"));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.withBasicAuth(OFFICER, "secret")
                .get("/api/v1/dialogues/" + id)
                .body()
                .contains("FORWARDED"));

        driver = Browser.open(1280, 900);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get("http://localhost:" + port + "/cases/" + id);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(OFFICER);
        driver.findElement(By.id("password")).sendKeys("secret");
        Browser.screenshot(driver, "case-desktop-1-sign-in");
        driver.findElement(By.id("staff-submit")).click();
        wait.until(ExpectedConditions.urlContains("/cases/" + id));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            driver.navigate().refresh();
            return driver.findElement(By.id("timeline-heading")).getText().startsWith("3 ");
        });
        String page = driver.findElement(By.cssSelector("main")).getText();
        assertThat(page)
                .contains("Quyết toán thuế thu nhập doanh nghiệp")
                .contains("Doanh nghiệp chuyển trụ sở giữa năm")
                .contains("Đã chuyển xử lý")
                .contains("Cục Thuế tỉnh Demo")
                .contains("Xác nhận tiếp nhận")
                .contains("Lê Thị Cúc, thay mặt Cục Thuế tỉnh Demo")
                .contains("Đề nghị Cục Thuế trả lời")
                .contains("Cả 3 sự kiện đã xác thực");
        Accessibility.assertNoSeriousViolations(driver, "case page");
        Browser.screenshot(driver, "case-desktop-2-case");

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline-heading")));
        Object overflow = ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).longValue())
                .as("the case page fits a phone's width")
                .isLessThanOrEqualTo(0);
        Accessibility.assertNoSeriousViolations(driver, "case page on a phone");
        Browser.screenshot(driver, "case-phone-1-case");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('timeline-heading').scrollIntoView()");
        Browser.screenshot(driver, "case-phone-2-timeline");
    }

    @Test
    void aLeaderErasesAFinishedConfidentialDialogueFromItsCasePage() {
        String leader = "case.browser.leader";
        TestOfficials.ensure(
                identity, leader, OfficialRole.LEADERS.groupId("demo", "ubnd"), "secret", "Phạm Văn", "Dũng");
        UUID id = UUID.randomUUID();
        Api api = new Api(port);
        var ask = Envelopes.ask(id)
                .put("subject", "Phản ánh riêng " + id.toString().substring(0, 6))
                .put("body", "Thông tin cá nhân của tôi")
                .put("confidential", true);
        assertThat(api.post(
                                "/api/v1/dialogues",
                                Envelopes.signed(TestPki.shared().citizen(), ask))
                        .status())
                .isEqualTo(201);
        government.reject(
                id,
                new Official("case.browser.moderator", "Trần Văn Bình", "demo", "ubnd"),
                RejectionReason.OUT_OF_SCOPE,
                "Không thuộc thẩm quyền");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.withBasicAuth(leader, "secret")
                .get("/api/v1/dialogues/" + id)
                .body()
                .contains("REJECTED"));

        driver = Browser.open(1280, 900);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get("http://localhost:" + port + "/cases/" + id);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(leader);
        driver.findElement(By.id("password")).sendKeys("secret");
        driver.findElement(By.id("staff-submit")).click();
        wait.until(ExpectedConditions.urlContains("/cases/" + id));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            driver.navigate().refresh();
            return !driver.findElements(By.id("erase-reason")).isEmpty();
        });
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Thông tin cá nhân của tôi");
        Accessibility.assertNoSeriousViolations(driver, "case page with the erasure form");
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("erase-reason")));
        Browser.screenshot(driver, "case-erase-1-form");
        driver.findElement(By.id("erase-reason")).sendKeys("Người dân yêu cầu xóa dữ liệu cá nhân");
        driver.findElement(By.cssSelector(".erase-content button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("erasure=done"));
        String page = driver.findElement(By.cssSelector("main")).getText();
        assertThat(page)
                .contains("Đã xóa nội dung của đối thoại.")
                .contains("đã được xóa vĩnh viễn")
                .doesNotContain("Thông tin cá nhân của tôi");
        assertThat(driver.findElements(By.id("erase-reason"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".evidence-bundle")))
                .as("no bundle is offered for erased content")
                .isEmpty();
        Accessibility.assertNoSeriousViolations(driver, "erased case page");
        Browser.screenshot(driver, "case-erase-2-erased");
    }
}
