package vn.edialog.app.official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.edialog.app.access.OfficialRole;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.Browser;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.TestOfficials;
import vn.edialog.command.pki.TestPki;
import vn.edialog.processes.dialogue.DialogueProcess;

/**
 * The moderator's day in the real Camunda Tasklist, in headless chromium: log in, open the triage queue (the saved
 * filter "Chờ phân loại"), open a new dialogue's triage task, and forward it through the rendered Camunda Form. The
 * completion must send the signed forward, visible as the dialogue's FORWARDED status in eDialog's API. Screenshots
 * (and the page source next to each) are saved under target/screenshots for a person to look at.
 */
@EDialogIntegrationTest
class TasklistBrowserIT {

    private static final String MODERATOR = "browser.moderator";
    private static final String PASSWORD = "secret";
    private static final String TRIAGE_QUEUE = "Chờ phân loại";
    private static final String DEPARTMENT = "skhdt";
    private static final String DEPARTMENT_NAME = "Sở Kế hoạch và Đầu tư";
    private static final String NOTE = "Đề nghị Sở Kế hoạch và Đầu tư trả lời theo thẩm quyền";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    Api api;
    WebDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void moderator() {
        api = new Api(port);
        String group = OfficialRole.MODERATORS.groupId("demo", "ubnd");
        TestOfficials.ensure(identity, MODERATOR, group, PASSWORD, "Cán bộ", "Phân loại");
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @Test
    void aModeratorFindsANewDialogueInTheTriageQueueAndForwardsItThroughTheRenderedForm() {
        Dialogue dialogue = askAndAwaitTriage();

        open(1366, 900);
        logIn("desktop-1-login");
        WebElement listed = openTriageQueue(dialogue);
        assertThat(listed.getText()).startsWith("Phân loại: " + dialogue.subject() + " — ");
        snapshot("desktop-2-triage-queue");

        click(By.xpath(taskLink(dialogue)));
        WebElement decision = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class,'fjs-form-field-radio')]/label[contains(@class,'fjs-form-field-label')"
                        + " and starts-with(normalize-space(.),'Quyết định')]")));
        assertThat(decision.getText()).startsWith("Quyết định");
        // The asker's subject is shown as plain text in a disabled field, never rendered as Markdown: its link
        // stays text and the only link in the form is the case page's.
        assertThat(driver.findElement(By.cssSelector("textarea[id$='Field_Subject']"))
                        .getDomProperty("value"))
                .isEqualTo(dialogue.subject());
        assertThat(driver.findElements(By.cssSelector(".fjs-container a")))
                .extracting(a -> a.getDomAttribute("href"))
                .as("links in the form besides form-js's own bpmn.io badge")
                .filteredOn(href -> !"https://bpmn.io".equals(href))
                .containsExactly("/cases/" + dialogue.id());
        assertThat(driver.findElement(By.cssSelector("input[id$='Field_TriageDue']"))
                        .getDomProperty("value"))
                .matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(driver.findElement(By.cssSelector("input[id$='Field_Topic']"))
                        .getDomProperty("value"))
                .isEqualTo("Đăng ký doanh nghiệp, hộ kinh doanh");
        assertThat(driver.findElement(By.cssSelector(".fjs-container")).getText())
                .contains("Chuyển sở, ngành (forward)")
                .contains("Trả lời trực tiếp (answer)")
                .contains("Yêu cầu bổ sung (request clarification)")
                .contains("Từ chối (reject)");
        assertThat(driver.findElements(By.cssSelector("[id$='Field_ReturnedReason']")))
                .as("a dialogue nobody returned shows no return reason")
                .isEmpty();
        assertThat(driver.findElements(By.cssSelector("[id$='Field_ForwardTo']")))
                .as("the department field is hidden until the moderator chooses to forward")
                .isEmpty();
        snapshot("desktop-3-triage-form");
        // The Tasklist around the form speaks Vietnamese, and Camunda's "migrate to Camunda 8" banner is hidden.
        assertThat(driver.findElement(By.cssSelector("button.claim")).getText()).contains("Nhận việc");
        assertThat(driver.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);

        // Tasklist completes only a task assigned to the user: claim it, then fill the re-rendered form.
        click(By.cssSelector("button.claim"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
        By forward = By.xpath(
                "//label[contains(@class,'fjs-form-field-label')][normalize-space(.)='Chuyển sở, ngành (forward)']");
        // The department is a choice of the province's departments by name, preselected with the DMN suggestion.
        WebElement forwardTo = wait.until(d -> {
            List<WebElement> shown = d.findElements(By.cssSelector("[id$='Field_ForwardTo-display']"));
            if (!shown.isEmpty() && shown.get(0).isDisplayed()) {
                return shown.get(0);
            }
            // Not shown yet, or the form was re-rendered after the claim: choose "forward" (again).
            WebElement option = d.findElement(forward);
            scrollToCentre(option);
            option.click();
            return null;
        });
        wait.until(d -> DEPARTMENT_NAME.equals(forwardTo.getText()));
        scrollToCentre(forwardTo);
        new org.openqa.selenium.interactions.Actions(driver)
                .clickAndHold(forwardTo)
                .release()
                .perform();
        List<WebElement> choices = wait.until(ExpectedConditions.visibilityOfAllElementsLocatedBy(
                By.cssSelector(".fjs-dropdownlist .fjs-dropdownlist-item")));
        assertThat(choices)
                .extracting(WebElement::getText)
                .contains(DEPARTMENT_NAME, "Sở Tài nguyên và Môi trường", "Cục Thuế tỉnh Demo")
                .doesNotContain("skhdt", "Ủy ban nhân dân tỉnh Demo");
        choices.stream()
                .filter(c -> DEPARTMENT_NAME.equals(c.getText()))
                .findFirst()
                .orElseThrow()
                .click();
        WebElement note =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[id$='Field_Note']")));
        replaceText(note, NOTE);
        wait.until(d -> DEPARTMENT_NAME.equals(d.findElement(By.cssSelector("[id$='Field_ForwardTo-display']"))
                        .getText())
                && NOTE.equals(d.findElement(By.cssSelector("textarea[id$='Field_Note']"))
                        .getDomProperty("value")));
        snapshot("desktop-4-forward-filled");

        String reached =
                clickTargetWhenScrolledToTheBottom(By.xpath("//button[@ng-click='complete()' and not(@disabled)]"));
        snapshot("desktop-4b-complete-button-at-the-bottom");
        assertThat(reached)
                .as("the form's complete button, scrolled to the bottom of its pane, is not under the footer")
                .isEqualTo("the element");
        click(By.xpath("//button[@ng-click='complete()' and not(@disabled)]"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(taskLink(dialogue))));
        snapshot("desktop-5-completed");

        // The moderator reads the dialogue's status through the API with the same account (HTTP Basic).
        Api moderator = new Api(port).withBasicAuth(MODERATOR, PASSWORD);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode summary =
                    moderator.get("/api/v1/dialogues/" + dialogue.id()).json();
            assertThat(summary.path("status").asText()).isEqualTo("FORWARDED");
            assertThat(summary.path("handlingAgency").asText()).isEqualTo(DEPARTMENT);
        });
        assertThat(tasks.createTaskQuery().taskId(dialogue.triageTaskId()).count())
                .as("the triage task is completed")
                .isZero();
    }

    @Test
    void aModeratorPublishesFromTheRenderedPublicationFormAndTheAnswerIsFoundOnThePortalWithoutDiacritics() {
        Dialogue dialogue = askAndAwaitTriage("Quảng cáo ngoài trời ");
        String answer = "Hồ sơ cấp phép quảng cáo nộp tại Sở Văn hóa, thời hạn năm ngày làm việc.";
        // Set-up: the moderator answers in triage (the triage form has its own browser test above).
        identity.setAuthentication(MODERATOR, List.of(OfficialRole.MODERATORS.groupId("demo", "ubnd")));
        try {
            tasks.complete(dialogue.triageTaskId(), Map.of("decision", "answer", "answer", answer));
        } finally {
            identity.clearAuthentication();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(dialogue.id().toString())
                                .taskDefinitionKey(DialogueProcess.TASK_PUBLISH_ANSWER)
                                .count()
                        == 1);

        open(1366, 900);
        logIn("publication-1-login");
        click(By.xpath("//div[contains(@class,'task-filter')]/h4[contains(@class,'name')]/a[starts-with("
                + "normalize-space(.),'Chờ công bố')]"));
        String link = "//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[normalize-space(.)='Công bố: "
                + dialogue.subject() + "']";
        click(By.xpath(link));
        WebElement shownAnswer = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[id$='Field_PublicAnswer']")));
        assertThat(shownAnswer.getDomProperty("value")).isEqualTo(answer);
        assertThat(shownAnswer.getDomProperty("readOnly")).isEqualTo("true");
        assertThat(driver.findElement(By.cssSelector("input[id$='Field_PublicSubject']"))
                        .getDomProperty("value"))
                .isEqualTo(dialogue.subject());
        assertThat(driver.findElement(By.cssSelector("input[id$='Field_AnsweredBy']"))
                        .getDomProperty("value"))
                .as("the agency's name, not its code")
                .isEqualTo("Ủy ban nhân dân tỉnh Demo");
        assertThat(driver.findElement(By.cssSelector("input[id$='Field_AnsweredAt']"))
                        .getDomProperty("value"))
                .matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        snapshot("publication-2-form");

        click(By.cssSelector("button.claim"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
        By publish = By.xpath(
                "//label[contains(@class,'fjs-form-field-label')][normalize-space(.)='Công bố nguyên văn (publish)']");
        wait.until(d -> {
            WebElement option = d.findElement(publish);
            scrollToCentre(option);
            option.click();
            List<WebElement> radio = d.findElements(By.cssSelector("input[type=radio][id$='Field_Decision-0']"));
            return !radio.isEmpty() && radio.get(0).isSelected();
        });
        snapshot("publication-3-publish-chosen");
        click(By.xpath("//button[@ng-click='complete()' and not(@disabled)]"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(link)));
        snapshot("publication-4-completed");

        String marker = dialogue.id().toString().substring(0, 8);
        String[] found = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            driver.get("http://localhost:" + port + "/portal/demo");
            WebElement q = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
            q.sendKeys("quang cao ngoai troi " + marker, Keys.ENTER);
            wait.until(ExpectedConditions.stalenessOf(q));
            List<WebElement> links = driver.findElements(By.linkText(dialogue.subject()));
            found[0] = links.isEmpty() ? null : links.get(0).getDomAttribute("href");
            return found[0] != null;
        });
        Browser.screenshot(driver, "tasklist-publication-5-portal-search");
        driver.findElement(By.linkText(dialogue.subject())).click();
        wait.until(ExpectedConditions.urlContains("/portal/demo/dialogues/" + dialogue.id()));
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains(answer);
        Browser.screenshot(driver, "tasklist-publication-6-portal-answer");
    }

    @Test
    void theTriageQueueListsTheNewDialogueOnAPhoneSizedScreen() {
        Dialogue dialogue = askAndAwaitTriage();

        open(390, 844);
        logIn("phone-1-login");
        WebElement listed = openTriageQueue(dialogue);
        assertThat(listed.getText()).startsWith("Phân loại: " + dialogue.subject() + " — ");
        snapshot("phone-2-triage-queue");
    }

    private record Dialogue(UUID id, String subject, String triageTaskId) {}

    /** Asks a dialogue with a unique subject over HTTP and waits for its triage task. */
    private Dialogue askAndAwaitTriage() {
        return askAndAwaitTriage("Chuyển trụ sở chính ");
    }

    private Dialogue askAndAwaitTriage(String subjectStart) {
        UUID id = UUID.randomUUID();
        // A link and an image in the subject must stay text in the forms.
        String subject = subjectStart + id.toString().substring(0, 8)
                + " [xem](https://example.invalid/x) ![anh](https://example.invalid/i.png)";
        var payload = Envelopes.ask(id).put("subject", subject);
        Api.Response asked =
                api.post("/api/v1/dialogues", Envelopes.signed(TestPki.shared().business(), payload));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        Task[] triage = new Task[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Task> found = tasks.createTaskQuery()
                    .processInstanceBusinessKey(id.toString())
                    .taskDefinitionKey(DialogueProcess.TASK_TRIAGE)
                    .list();
            triage[0] = found.size() == 1 ? found.get(0) : null;
            return triage[0] != null;
        });
        assertThat(triage[0].getName()).startsWith("Phân loại: " + subject + " — ");
        return new Dialogue(id, subject, triage[0].getId());
    }

    private void open(int width, int height) {
        driver = Browser.open(width, height);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class);
    }

    /** The login form of Camunda 7's webapps: no ids, AngularJS models on the inputs. */
    private void logIn(String screenshot) {
        driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
        wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/default/"));
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name=signinForm] input[ng-model=username]")));
        username.sendKeys(MODERATOR);
        driver.findElement(By.cssSelector("form[name=signinForm] input[type=password]"))
                .sendKeys(PASSWORD);
        assertThat(driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]"))
                        .getText())
                .isEqualTo("Đăng nhập");
        snapshot(screenshot);
        driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));
    }

    /** Focuses the saved filter "Chờ phân loại" and returns the dialogue's task link in the list. */
    private WebElement openTriageQueue(Dialogue dialogue) {
        click(By.xpath("//div[contains(@class,'task-filter')]/h4[contains(@class,'name')]/a[starts-with("
                + "normalize-space(.),'" + TRIAGE_QUEUE + "')]"));
        wait.until(ExpectedConditions.attributeContains(
                By.xpath("//div[contains(@class,'task-filter')][h4/a[starts-with(normalize-space(.),'" + TRIAGE_QUEUE
                        + "')]]"),
                "class",
                "active"));
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(taskLink(dialogue))));
    }

    private static String taskLink(Dialogue dialogue) {
        return "//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[contains(normalize-space(.),'"
                + dialogue.subject() + "')]";
    }

    /** Clicks once the element is clickable, retrying while AngularJS re-renders it or a tooltip covers it. */
    private void click(By locator) {
        wait.until(d -> {
            WebElement element =
                    ExpectedConditions.elementToBeClickable(locator).apply(d);
            if (element == null) {
                return false;
            }
            scrollToCentre(element);
            element.click();
            return true;
        });
    }

    /** Replaces a form-js field's value by typing, so that its input events fire (a suggestion may prefill it). */
    private void replaceText(WebElement field, String text) {
        scrollToCentre(field);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(text);
    }

    /** Tasklist's fixed footer covers the bottom of the task pane: bring the element to the middle of its pane. */
    private void scrollToCentre(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /**
     * Scrolls the element as far down as its pane lets it go (its bottom at the bottom of the viewport, or the pane's
     * end) and tells what a click at its centre reaches: "the element", or the tag and class of what covers it.
     */
    private String clickTargetWhenScrolledToTheBottom(By locator) {
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
        return (String) ((JavascriptExecutor) driver)
                .executeScript(
                        "const e = arguments[0]; e.scrollIntoView({block: 'end'});"
                                + " const r = e.getBoundingClientRect();"
                                + " const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                                + " return hit === e || e.contains(hit) ? 'the element'"
                                + " : (hit ? hit.tagName + '.' + hit.className + ' ' + JSON.stringify(r) : 'nothing');",
                        element);
    }

    /** A screenshot and the page source, both under target/screenshots. */
    private void snapshot(String name) {
        Path png = Browser.screenshot(driver, "tasklist-" + name);
        try {
            Files.writeString(
                    png.resolveSibling("tasklist-" + name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
