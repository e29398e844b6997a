package vn.edialog.app.official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.edialog.app.access.OfficialRole;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.EngineRest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.SignIn;
import vn.edialog.app.support.TestOfficials;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.signature.CanonicalJson;

/**
 * The publication decision driven through Camunda's REST API exactly as the Tasklist drives it, as the People's
 * Committee's moderator: publish, publish redacted, keep private; no task without the asker's consent or for a
 * confidential dialogue; a reopened dialogue's new answer gives a new task; withdrawal from the case page.
 */
@EDialogIntegrationTest
class PublicationTasklistIT {

    private static final String MODERATOR = "pub.moderator";
    private static final String MODERATORS = "demo-ubnd-moderators";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    RuntimeService runtime;

    Api api;
    Api asker;

    @BeforeEach
    void officials() {
        api = new Api(port);
        asker = new Api(port);
        assertThat(SignIn.asker(asker, TestPki.shared().business(), "demo").status())
                .isEqualTo(200);
        TestOfficials.ensure(identity, MODERATOR, OfficialRole.MODERATORS.groupId("demo", "ubnd"), "secret");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** A word no other test's dialogue contains, so that a portal search finds exactly this one. */
    private static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    private Api.Response engine(String method, String path, String body) {
        return new EngineRest(api, port).call(MODERATOR, method, path, body);
    }

    private JsonNode tasks(UUID id, String taskKey) {
        return new EngineRest(api, port).tasks(MODERATOR, MODERATORS, id, taskKey);
    }

    private JsonNode awaitTask(UUID id, String taskKey) {
        return new EngineRest(api, port).awaitTask(MODERATOR, MODERATORS, id, taskKey);
    }

    private void submit(JsonNode task, String variables) {
        Api.Response done = engine(
                "POST", "/task/" + task.path("id").asText() + "/submit-form", "{\"variables\": " + variables + "}");
        assertThat(done.status()).as(done.body()).isEqualTo(204);
    }

    private void awaitStatus(UUID id, String... statuses) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(asker.get("/api/v1/dialogues/" + id)
                        .json()
                        .path("status")
                        .asText())
                .isIn((Object[]) statuses));
    }

    /** Asks as the demo business; {@code consent} null leaves the field out of the signed payload. */
    private ObjectNode ask(UUID id, String subject, Boolean consent, boolean confidential) {
        ObjectNode payload = Envelopes.ask(id).put("subject", subject).put("confidential", confidential);
        if (consent != null) {
            payload.put("publicationConsent", consent);
        }
        Api.Response asked =
                api.post("/api/v1/dialogues", Envelopes.signed(TestPki.shared().business(), payload));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        return payload;
    }

    /** The moderator answers in the triage form, as in the Tasklist. */
    private void answer(UUID id, String text) {
        answer(id, text, "ANSWERED");
    }

    /** The moderator answers in the triage form; the dialogue then reaches one of {@code statuses}. */
    private void answer(UUID id, String text, String... statuses) {
        JsonNode triage = awaitTask(id, "Task_TriageDialogue");
        submit(triage, "{\"decision\": {\"value\": \"answer\"}, \"answer\": {\"value\": \"" + text + "\"}}");
        awaitStatus(id, statuses);
    }

    private JsonNode search(String q) {
        return api.get("/api/v1/portal/demo/dialogues?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .json();
    }

    private List<String> found(String q) {
        return search(q).path("items").findValuesAsText("dialogueId");
    }

    private String feed() {
        return api.get("/api/v1/portal/demo/feed.atom").body();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void theModeratorPublishesFromTheTasklistAndTheAnswerIsFoundWithoutDiacritics() {
        UUID id = UUID.randomUUID();
        String word = uniqueWord();
        ask(id, "Thủ tục cấp giấy phép quảng cáo ngoài trời " + word, null, false);
        answer(id, "Hồ sơ nộp tại Sở Văn hóa, thời hạn năm ngày làm việc.");

        JsonNode task = awaitTask(id, "Task_PublishAnswer");
        assertThat(task.path("name").asText()).isEqualTo("Công bố: Thủ tục cấp giấy phép quảng cáo ngoài trời " + word);
        assertThat(task.path("due").asText()).isNotEmpty();
        JsonNode form = engine("GET", "/task/" + task.path("id").asText() + "/form-variables", null)
                .json();
        assertThat(form.path("publicAnswer").path("value").asText())
                .isEqualTo("Hồ sơ nộp tại Sở Văn hóa, thời hạn năm ngày làm việc.");
        assertThat(form.path("answeringAgencyName").path("value").asText()).doesNotContain("ubnd");
        assertThat(found("quang cao ngoai troi " + word))
                .as("not published yet")
                .isEmpty();

        submit(task, "{\"decision\": {\"value\": \"publish\"}}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(found("quang cao ngoai troi " + word))
                .containsExactly(id.toString()));
        assertThat(feed()).contains(id.toString());
        assertThat(tasks(id, "Task_PublishAnswer")).isEmpty();
    }

    @Test
    void aRedactedPublicationShowsTheSignedRedactionAndKeepsTheOriginalsFromThePublic() throws Exception {
        UUID id = UUID.randomUUID();
        String word = uniqueWord();
        ObjectNode question = ask(id, "Hỏi về hoàn thuế " + word, true, false);
        answer(id, "Ông Nguyễn Văn A được hoàn thuế ngày 20/11.");

        JsonNode task = awaitTask(id, "Task_PublishAnswer");
        submit(
                task,
                """
                {"decision": {"value": "publish-redacted"},
                 "redactedSubject": {"value": "Hỏi về hoàn thuế %s"},
                 "redactedBody": {"value": "Công ty [đã ẩn] hỏi về hồ sơ hoàn thuế."},
                 "redactedAnswer": {"value": "Người nộp thuế [đã ẩn] được hoàn thuế."}}"""
                        .formatted(word));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(found("hoan thue " + word)).containsExactly(id.toString()));

        // The timeline is another read model: wait until it has the publication too.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.get("/api/v1/portal/demo/dialogues/" + id)
                                .json()
                                .path("timeline")
                                .findValuesAsText("eventType"))
                        .contains("AnswerPublished"));
        JsonNode published = api.get("/api/v1/portal/demo/dialogues/" + id).json();
        assertThat(published.path("dialogue").path("question").asText())
                .isEqualTo("Công ty [đã ẩn] hỏi về hồ sơ hoàn thuế.");
        assertThat(published.path("dialogue").path("answer").asText())
                .isEqualTo("Người nộp thuế [đã ẩn] được hoàn thuế.");
        assertThat(published.toString()).doesNotContain("Nguyễn Văn A");
        JsonNode events = published.path("timeline");
        assertThat(events.findValuesAsText("eventType")).containsExactly("AnswerPublished");
        long redaction = events.get(0).path("sequence").asLong();

        String base = "/api/v1/portal/demo/dialogues/" + id + "/events/";
        Api.Response signedBytes = api.get(base + redaction + "/payload");
        assertThat(signedBytes.status()).isEqualTo(200);
        assertThat(api.get(base + redaction + "/signature.p7s").status()).isEqualTo(200);
        JsonNode signed = Envelopes.JSON.readTree(signedBytes.body());
        assertThat(signed.path("question").asText()).isEqualTo("Công ty [đã ẩn] hỏi về hồ sơ hoàn thuế.");
        assertThat(signed.path("actor").path("agency").asText()).isEqualTo("ubnd");
        assertThat(signed.path("redaction").path("questionSha256").asText())
                .as("names exactly the asker's signed question")
                .isEqualTo(sha256(CanonicalJson.canonicalize(question)));

        JsonNode timeline = asker.get("/api/v1/dialogues/" + id + "/timeline").json();
        long answered = -1;
        for (JsonNode item : timeline.findParents("eventType")) {
            if (item.path("eventType").asText().equals("DialogueAnswered")) {
                answered = item.path("sequence").asLong();
            }
        }
        JsonNode original = asker.get("/api/v1/dialogues/" + id + "/events/" + answered + "/evidence")
                .json();
        assertThat(signed.path("redaction").path("answerSha256").asText())
                .as("names exactly the signed answer, which the parties can read")
                .isEqualTo(sha256(Base64.getDecoder()
                        .decode(original.path("signedPayload").asText())));
        assertThat(api.get(base + answered + "/payload").status())
                .as("the original answer is not public")
                .isEqualTo(404);
        assertThat(api.get(base + "1/payload").status()).isEqualTo(404);

        String page = api.get("/portal/demo/dialogues/" + id).body();
        assertThat(page)
                .contains("Công ty [đã ẩn] hỏi về hồ sơ hoàn thuế.")
                .contains("đã được Ủy ban nhân dân biên tập")
                .contains(base + redaction + "/payload")
                .doesNotContain(base + answered + "/")
                .doesNotContain("Nguyễn Văn A");
    }

    @Test
    void keepingPrivateIsRecordedWithTheReasonAndPublishesNothing() {
        UUID id = UUID.randomUUID();
        String word = uniqueWord();
        ask(id, "Hỏi riêng về hồ sơ " + word, true, false);
        answer(id, "Hồ sơ của ông đã được giải quyết.");

        submit(
                awaitTask(id, "Task_PublishAnswer"),
                "{\"decision\": {\"value\": \"keep-private\"}, \"keepPrivateReason\": {\"value\": \"Hồ sơ cá nhân\"}}");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(asker.get("/api/v1/dialogues/" + id + "/timeline")
                                .json()
                                .findValuesAsText("eventType"))
                        .contains("AnswerKeptPrivate"));
        assertThat(tasks(id, "Task_PublishAnswer")).isEmpty();
        assertThat(found("ho so " + word)).isEmpty();
        assertThat(api.get("/api/v1/portal/demo/dialogues/" + id).status()).isEqualTo(404);
    }

    @Test
    void withoutConsentOrWhenConfidentialThereIsNoPublicationTask() {
        UUID refused = UUID.randomUUID();
        ask(refused, "Không đồng ý công khai " + uniqueWord(), false, false);
        answer(refused, "Câu trả lời.");
        UUID confidential = UUID.randomUUID();
        ask(confidential, "Nội dung mật " + uniqueWord(), null, true);
        answer(confidential, "Câu trả lời mật.");

        for (UUID id : List.of(refused, confidential)) {
            // The bridge handled DialogueAnswered once the dialogue's process waits in the rating window.
            await().atMost(Duration.ofSeconds(30)).until(() -> waitsInRatingWindow(id));
            assertThat(tasks(id, "Task_PublishAnswer")).as(id.toString()).isEmpty();
        }
    }

    private boolean waitsInRatingWindow(UUID id) {
        ProcessInstance process = runtime.createProcessInstanceQuery()
                .processDefinitionKey("DialogueProcess")
                .processInstanceBusinessKey(id.toString())
                .singleResult();
        return process != null && runtime.getActiveActivityIds(process.getId()).contains("Gateway_RatingWindow");
    }

    @Test
    void aReopenedDialoguesNewAnswerGivesANewTaskAndReplacesThePublicationThenItIsWithdrawn() {
        UUID id = UUID.randomUUID();
        String word = uniqueWord();
        ask(id, "Đăng ký hộ kinh doanh " + word, true, false);
        answer(id, "Nộp hồ sơ tại Ủy ban nhân dân cấp huyện.");
        submit(awaitTask(id, "Task_PublishAnswer"), "{\"decision\": {\"value\": \"publish\"}}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(found("dang ky ho kinh doanh " + word))
                .containsExactly(id.toString()));

        // Eight days later the rating window has passed: the dialogue closes, and the asker reopens it.
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(8))));
        awaitStatus(id, "CLOSED");
        Api.Response reopened = api.post(
                "/api/v1/dialogues/" + id + "/reopenings",
                Envelopes.signed(
                        TestPki.shared().business(),
                        Envelopes.base("reopen", id).put("reason", "Cần hỏi thêm về lệ phí")));
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(201);
        awaitStatus(id, "AWAITING_TRIAGE");
        assertThat(api.get("/api/v1/portal/demo/dialogues/" + id).status())
                .as("the reopened dialogue keeps its published answer")
                .isEqualTo(200);

        // The engine's clock is eight days ahead: the rating window of this answer, counted from the answer's time,
        // has already passed, so the dialogue may close before the status is read.
        answer(id, "Lệ phí đăng ký hộ kinh doanh là 100.000 đồng.", "ANSWERED", "CLOSED");
        submit(awaitTask(id, "Task_PublishAnswer"), "{\"decision\": {\"value\": \"publish\"}}");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.get("/api/v1/portal/demo/dialogues/" + id)
                                .json()
                                .path("dialogue")
                                .path("answer")
                                .asText())
                        .isEqualTo("Lệ phí đăng ký hộ kinh doanh là 100.000 đồng."));
        assertThat(found("dang ky ho kinh doanh " + word)).containsExactly(id.toString());

        Api staff = new Api(port);
        SignIn.staff(staff, MODERATOR, "secret");
        Api.Response page = staff.get("/cases/" + id);
        assertThat(page.body()).contains("/cases/" + id + "/publication/withdrawal");
        Api.Response blank = withdraw(staff, id, SignIn.csrf(page.body()), " ");
        assertThat(blank.header("Location")).endsWith("?withdrawal=reason");
        assertThat(api.get("/api/v1/portal/demo/dialogues/" + id).status())
                .as("a blank reason changes nothing")
                .isEqualTo(200);

        Api.Response withdrawn =
                withdraw(staff, id, SignIn.csrf(staff.get("/cases/" + id).body()), "Văn bản hướng dẫn hết hiệu lực");
        assertThat(withdrawn.status()).isEqualTo(302);
        assertThat(withdrawn.header("Location")).endsWith("?withdrawal=done");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        api.get("/api/v1/portal/demo/dialogues/" + id).status())
                .isEqualTo(404));
        assertThat(found("dang ky ho kinh doanh " + word)).isEmpty();
        assertThat(feed()).doesNotContain(id.toString());
        assertThat(asker.get("/api/v1/dialogues/" + id + "/timeline").json().findValuesAsText("eventType"))
                .contains("PublicationWithdrawn");
    }

    private Api.Response withdraw(Api staff, UUID id, String csrf, String reason) {
        String form = "reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return staff.send(HttpRequest.newBuilder(URI.create(staff.base() + "/cases/" + id + "/publication/withdrawal"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }
}
