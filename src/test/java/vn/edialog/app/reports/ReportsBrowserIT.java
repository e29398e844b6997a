package vn.edialog.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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
import vn.edialog.command.pki.TestPki;
import vn.edialog.query.sla.SlaFactsQueries;

/**
 * A leader of the People's Committee in headless chromium: signs in with the form, reads the report, sees the charts
 * drawn, downloads the CSV with the browser's own session and finds the page's figures in it; the page on a phone; the
 * public on-time page. Each page passes the axe scan. Screenshots under target/screenshots are for a person to look
 * at.
 */
@EDialogIntegrationTest
class ReportsBrowserIT {

    private static final String LEADER = "browser.ubnd.leader";
    private static final String PASSWORD = "secret";
    private static final Official MODERATOR = new Official("browser.rep.moderator", "Đỗ Văn N", "demo", "ubnd");
    private static final Official DPI = new Official("browser.rep.dpi", "Ngô Thị P", "demo", "skhdt");

    private static boolean answered;

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    GovernmentActions government;

    @Autowired
    SlaFactsQueries sla;

    WebDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void leaderAndAnAnswer() {
        String group = OfficialRole.LEADERS.groupId("demo", "ubnd");
        TestOfficials.ensure(identity, LEADER, group, PASSWORD, "Lãnh đạo", "Ủy ban");
        if (!answered) {
            Api api = new Api(port);
            for (int i = 0; i < 2; i++) {
                UUID id = UUID.randomUUID();
                assertThat(api.post(
                                        "/api/v1/dialogues",
                                        Envelopes.signed(TestPki.shared().business(), Envelopes.ask(id)))
                                .status())
                        .isEqualTo(201);
                government.forward(
                        id,
                        MODERATOR,
                        "skhdt",
                        "Đề nghị Sở trả lời",
                        Instant.now().plus(10, ChronoUnit.DAYS));
                government.answer(id, DPI, "Trả lời số " + i);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> sla.facts("demo", id).stream().anyMatch(f -> f.answeredAt() != null));
            }
            answered = true;
        }
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @Test
    void aLeaderSignsInReadsTheReportSeesTheChartsAndDownloadsTheSameFiguresAsCsv() {
        open(1280, 900);
        driver.get(base() + "/reports");
        signIn();
        wait.until(ExpectedConditions.urlContains("/reports"));
        WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertThat(heading.getText()).isEqualTo("Báo cáo thời hạn giải quyết");
        Browser.screenshot(driver, "reports-desktop-1-top");
        scrollTo(driver.findElement(By.id("ranking")));
        Browser.screenshot(driver, "reports-desktop-3-figures-and-ranking");

        List<WebElement> charts = driver.findElements(By.cssSelector("svg.chart[role=img]")).stream()
                .filter(WebElement::isDisplayed)
                .toList();
        assertThat(charts).as("one drawing of each chart for this screen").hasSize(3);
        for (WebElement chart : charts) {
            scrollTo(chart);
            assertThat(chart.getSize().getWidth()).as("the chart is drawn").isGreaterThan(300);
            assertThat(chart.getSize().getHeight()).isGreaterThan(100);
            assertThat(chart.findElement(By.tagName("title")).getDomProperty("textContent"))
                    .isNotBlank();
        }
        assertThat(driver.findElements(By.cssSelector("#chart-answers-figure rect")))
                .as("bars for the answers on time")
                .isNotEmpty();
        WebElement volumeTable = driver.findElement(By.cssSelector("#chart-volume-figure details"));
        scrollTo(volumeTable);
        volumeTable.findElement(By.tagName("summary")).click();
        assertThat(volumeTable.findElement(By.tagName("table")).isDisplayed()).isTrue();
        Browser.screenshot(driver, "reports-desktop-2-charts");

        String received = driver.findElement(By.cssSelector("#figures tfoot td[data-column=RECEIVED]"))
                .getText();
        String answeredOnTime = driver.findElement(By.cssSelector("#figures tfoot td[data-column=ANSWERED_ON_TIME]"))
                .getText();
        String href = driver.findElement(By.linkText("Tải về CSV")).getDomAttribute("href");
        @SuppressWarnings("unchecked")
        Map<String, Object> download = (Map<String, Object>) ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        """
                        const done = arguments[arguments.length - 1];
                        fetch(arguments[0], {credentials: 'same-origin'})
                          .then(r => r.text().then(t => done({status: r.status, type: r.headers.get('content-type'),
                                disposition: r.headers.get('content-disposition'), text: t})))
                          .catch(e => done({status: -1, text: String(e)}));
                        """,
                        href);
        assertThat(((Number) download.get("status")).intValue()).isEqualTo(200);
        assertThat((String) download.get("disposition")).contains("edialog-sla-demo-");
        List<List<String>> csv = ReportsIT.parseCsv(((String) download.get("text")).replace("\uFEFF", ""));
        List<String> total = csv.get(csv.size() - 1);
        List<String> header = csv.get(0);
        assertThat(total.get(1)).isEqualTo("Toàn tỉnh");
        assertThat(ReportsIT.number(received, true)).isEqualByComparingTo(total.get(header.indexOf("Tiếp nhận")));
        assertThat(ReportsIT.number(answeredOnTime, true))
                .isEqualByComparingTo(total.get(header.indexOf("Trả lời đúng hạn")));
        assertThat(Long.parseLong(total.get(header.indexOf("Trả lời đúng hạn"))))
                .isGreaterThanOrEqualTo(2);

        scrollTo(driver.findElement(By.tagName("h1")));
        Accessibility.assertNoSeriousViolations(driver, "/reports");
        driver.get(base() + "/reports?lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Response-time report");
        Accessibility.assertNoSeriousViolations(driver, "/reports?lang=en");
        driver.get(base() + "/reports?lang=vi");
    }

    @Test
    void theReportIsUsableOnAPhone() {
        open(390, 844);
        driver.get(base() + "/sign-in");
        signIn();
        driver.get(base() + "/reports");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("figures")));
        Browser.screenshot(driver, "reports-phone-1-top");
        Long overflow = (Long) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("the page itself does not scroll sideways").isLessThanOrEqualTo(0L);
        scrollTo(driver.findElement(By.id("figures-heading")));
        Browser.screenshot(driver, "reports-phone-2-figures");
        WebElement chart = driver.findElement(By.cssSelector("#chart-answers-figure svg.narrow"));
        scrollTo(chart);
        assertThat(chart.isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("#chart-answers-figure svg.wide"))
                        .isDisplayed())
                .isFalse();
        assertThat(chart.getSize().getWidth()).isBetween(250, 390);
        Browser.screenshot(driver, "reports-phone-3-chart");
        Accessibility.assertNoSeriousViolations(driver, "/reports on a phone");
    }

    @Test
    void thePublicOnTimePageIsReadableAndAccessible() {
        open(390, 844);
        driver.get(base() + "/portal/demo/on-time");
        WebElement list = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("on-time")));
        assertThat(list.getText()).contains("Sở Kế hoạch và Đầu tư");
        assertThat(driver.findElement(By.cssSelector("[data-agency=skhdt] [data-column=answered]"))
                        .getText())
                .isNotEqualTo("0");
        Browser.screenshot(driver, "on-time-phone");
        Accessibility.assertNoSeriousViolations(driver, "/portal/demo/on-time on a phone");
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(base() + "/portal/demo/on-time?lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Answers on time");
        Browser.screenshot(driver, "on-time-desktop");
        Accessibility.assertNoSeriousViolations(driver, "/portal/demo/on-time");
        driver.get(base() + "/portal/demo/on-time?lang=vi");
    }

    private void signIn() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(LEADER);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        WebElement submit = driver.findElement(By.id("staff-submit"));
        scrollTo(submit);
        submit.click();
        wait.until(d -> !d.getCurrentUrl().contains("/sign-in"));
    }

    private void open(int width, int height) {
        driver = Browser.open(width, height);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
