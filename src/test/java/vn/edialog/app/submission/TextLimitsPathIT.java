package vn.edialog.app.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.app.access.OfficialRole;
import vn.edialog.app.access.OfficialsDirectory;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.EngineRest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.SignIn;
import vn.edialog.app.support.TestMail;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.dialogue.api.Attachment;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.dialogue.api.DialogueAsked;
import vn.edialog.command.dialogue.api.Evidence;
import vn.edialog.command.dialogue.api.TextLimits;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.text.Fit;
import vn.edialog.processes.dialogue.DialogueProcessBridge;

/**
 * "Nothing one user sends may stop the product for others": one dialogue whose every text is at its documented
 * maximum (Vietnamese with diacritics and characters outside the BMP: limits count characters) goes through the whole
 * product over its own surfaces: signed asks, clarification, rating and reopening over HTTP; every official's decision
 * in a Camunda Tasklist form over the engine's REST API; the read models; mail through a real SMTP server; the case,
 * asker and portal pages. Column limits are read from the schema (ours and Camunda's), never assumed. Afterwards no
 * event processor is in error and an ordinary dialogue still gets its triage task; the stored events keep every text
 * whole, and only the task names are shortened with "…".
 *
 * <p>The event types and their text fields are found by reflection: a new event or a new text field fails {@link
 * #everyTextFieldOfEveryEventHasADocumentedMaximumAndIsDrivenAtIt} until it has a documented maximum here and the path
 * drives it.
 */
@EDialogIntegrationTest
class TextLimitsPathIT {

    private static final String EVENTS_PACKAGE = DialogueAsked.class.getPackageName();

    /** Free text: the documented maximum of each text field of each event ({@code Type.field}, nested for records). */
    static final Map<String, Integer> TEXT_FIELDS = Map.ofEntries(
            Map.entry("DialogueAsked.subject", TextLimits.SUBJECT_MAX),
            Map.entry("DialogueAsked.body", TextLimits.TEXT_MAX),
            Map.entry("Attachment.name", TextLimits.ATTACHMENT_NAME_MAX),
            Map.entry("Attachment.mediaType", TextLimits.ATTACHMENT_NAME_MAX),
            Map.entry("Actor.name", TextLimits.NAME_MAX),
            Map.entry("ClarificationRequested.request", TextLimits.TEXT_MAX),
            Map.entry("ClarificationProvided.text", TextLimits.TEXT_MAX),
            Map.entry("DialogueForwarded.note", TextLimits.REASON_MAX),
            Map.entry("DeadlineExtensionRequested.reason", TextLimits.REASON_MAX),
            Map.entry("DeadlineExtensionRefused.reason", TextLimits.REASON_MAX),
            Map.entry("ForwardReturned.reason", TextLimits.REASON_MAX),
            Map.entry("DialogueAnswered.answer", TextLimits.TEXT_MAX),
            Map.entry("AnswerPublished.subject", TextLimits.SUBJECT_MAX),
            Map.entry("AnswerPublished.question", TextLimits.TEXT_MAX),
            Map.entry("AnswerPublished.answer", TextLimits.TEXT_MAX),
            Map.entry("SatisfactionRated.comment", TextLimits.REASON_MAX),
            Map.entry("DialogueReopened.reason", TextLimits.REOPEN_REASON_MAX),
            Map.entry("DialogueRejected.reason", TextLimits.REASON_MAX),
            Map.entry("AnswerKeptPrivate.reason", TextLimits.REASON_MAX),
            Map.entry("PublicationWithdrawn.reason", TextLimits.REASON_MAX),
            Map.entry("PersonalDataErased.reason", TextLimits.REASON_MAX));

    /** Not free text: codes and identifiers the aggregate checks against a pattern or the tenant catalog. */
    static final Set<String> CODE_FIELDS = Set.of(
            "tenant",
            "trackingCode",
            "topic",
            "moderatorAgency",
            "department",
            "requestedBy",
            "answeringAgency",
            "responsibleAgency",
            "escalatedTo",
            "step",
            "Actor.id",
            "Actor.agency",
            "Attachment.sha256",
            "Redaction.questionSha256",
            "Redaction.answerSha256");

    private static final String MODERATOR = "limits.moderator";
    private static final String OFFICER = "limits.officer";
    /**
     * The department forwarded to. Not stttt: NotificationIT gives a member of that group an address and replays every
     * event, so forwards of this test there would be mailed again to that new member.
     */
    private static final String DEPARTMENT = "skhdt";

    private static final String OFFICER_GROUP = OfficialRole.OFFICERS.groupId("demo", DEPARTMENT);
    private static final String MODERATOR_GROUP = OfficialRole.MODERATORS.groupId("demo", "ubnd");

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GovernmentActions government;

    @Autowired
    OfficialsDirectory officials;

    @Autowired
    EventProcessingConfiguration processing;

    GreenMail smtp = TestMail.server();

    Api api;
    Api asker;
    String officerEmail;

    /** Officials whose first and last names and e-mail address have the lengths Camunda's user table allows. */
    @BeforeEach
    void officialsAtTheLimitsOfTheirAccounts() {
        api = new Api(port);
        asker = new Api(port);
        assertThat(SignIn.asker(asker, TestPki.shared().business(), "demo").status())
                .isEqualTo(200);
        int first = limit("act_id_user", "first_");
        int last = limit("act_id_user", "last_");
        officerEmail = ascii("officer", limit("act_id_user", "email_") - "@skhdt.demo.invalid".length())
                + "@skhdt.demo.invalid";
        official(MODERATOR, MODERATOR_GROUP, text(first), text(last), null);
        official(OFFICER, OFFICER_GROUP, text(first), text(last), officerEmail);
    }

    private void official(String id, String group, String first, String last, String email) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            user.setEmail(email);
            user.setPassword("secret");
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
    }

    @Test
    void everyTextFieldOfEveryEventHasADocumentedMaximumAndIsDrivenAtIt() {
        Map<String, Type> found = new TreeMap<>();
        for (Class<?> event : eventTypes()) {
            textFields(event.getSimpleName(), event, found);
        }
        assertThat(found).as("the scan found the events").containsKey("DialogueAsked.subject");
        Set<String> unclassified = new TreeSet<>();
        for (String field : found.keySet()) {
            String bare = field.substring(field.indexOf('.') + 1);
            boolean nested =
                    field.startsWith("Actor.") || field.startsWith("Attachment.") || field.startsWith("Redaction.");
            if (!TEXT_FIELDS.containsKey(field) && !CODE_FIELDS.contains(nested ? field : bare)) {
                unclassified.add(field);
            }
        }
        assertThat(unclassified)
                .as("text fields without a documented maximum in TextLimitsPathIT.TEXT_FIELDS (or CODE_FIELDS)")
                .isEmpty();
        assertThat(found.keySet()).as("every documented field still exists").containsAll(TEXT_FIELDS.keySet());
    }

    @Test
    void aDialogueWithEveryTextAtItsMaximumGoesThroughAndStopsNoOne() throws Exception {
        assertThat(limit("asker_contact", "email"))
                .as("the contact address fits its column")
                .isGreaterThanOrEqualTo(TextLimits.EMAIL_MAX);
        assertThat(limit("mail_outbox", "recipient")).isGreaterThanOrEqualTo(TextLimits.EMAIL_MAX);
        int taskNameMax = Math.min(limit("act_ru_task", "name_"), limit("act_hi_taskinst", "name_"));
        Map<String, String> sent = new HashMap<>();

        // The asker: every field of the signed ask at its maximum, and the longest contact address.
        UUID id = UUID.randomUUID();
        String subject = text(TextLimits.SUBJECT_MAX);
        String body = text(TextLimits.TEXT_MAX);
        ObjectNode ask = Envelopes.ask(id).put("subject", subject).put("body", body);
        ObjectNode form = ask.putObject("form");
        for (String field : List.of("loaiHinhDoanhNghiep", "maSoDoanhNghiep", "nganhNghe")) {
            form.put(field, text(TextLimits.FORM_VALUE_MAX));
        }
        String attachmentName = text(TextLimits.ATTACHMENT_NAME_MAX);
        String mediaType = "application/" + ascii("x", TextLimits.ATTACHMENT_NAME_MAX - "application/".length());
        var attachments = ask.putArray("attachments");
        for (int i = 0; i < 20; i++) {
            attachments
                    .addObject()
                    .put("name", attachmentName)
                    .put("mediaType", mediaType)
                    .put("size", 1)
                    .put("sha256", "%064x".formatted(i));
        }
        sent.put("DialogueAsked.subject", subject);
        sent.put("DialogueAsked.body", body);
        sent.put("Attachment.name", attachmentName);
        sent.put("Attachment.mediaType", mediaType);
        String contact =
                ascii("hoi", 64) + "@" + ascii("d", TextLimits.EMAIL_MAX - 64 - 1 - ".invalid".length()) + ".invalid";
        assertThat(TextLimits.length(contact)).isEqualTo(TextLimits.EMAIL_MAX);
        ObjectNode envelope = (ObjectNode)
                Envelopes.JSON.readTree(Envelopes.signed(TestPki.shared().business(), ask));
        envelope.putObject("contact").put("email", contact);
        Api.Response asked = api.post("/api/v1/dialogues", envelope.toString());
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String code = asked.json().path("trackingCode").asText();

        // Triage: the task name is shortened to Camunda's column; the moderator asks for a clarification.
        JsonNode triage = awaitTask(MODERATOR, MODERATOR_GROUP, id, "Task_TriageDialogue");
        String name = triage.path("name").asText();
        assertThat(TextLimits.length(name)).isLessThanOrEqualTo(taskNameMax);
        assertThat(name).startsWith("Phân loại: " + subject.substring(0, 100)).endsWith(Fit.ELLIPSIS);
        assertNoBrokenSurrogate(name);
        String request = text(TextLimits.TEXT_MAX);
        sent.put("ClarificationRequested.request", request);
        submit(MODERATOR, triage, Map.of("decision", "clarify", "clarificationRequest", request));
        awaitStatus(id, "AWAITING_CLARIFICATION");
        MimeMessage clarification = awaitMail(contact, code, "cần bổ sung");
        assertThat((String) clarification.getContent()).contains(request);

        String clarificationText = text(TextLimits.TEXT_MAX);
        sent.put("ClarificationProvided.text", clarificationText);
        signed("/clarifications", Envelopes.base("clarify", id).put("text", clarificationText));

        // Forward with the longest note; the department asks for more time, the moderator refuses, it returns.
        String note = text(TextLimits.REASON_MAX);
        sent.put("DialogueForwarded.note", note);
        submit(
                MODERATOR,
                awaitTask(MODERATOR, MODERATOR_GROUP, id, "Task_TriageDialogue"),
                Map.of("decision", "forward", "forwardTo", DEPARTMENT, "note", note));
        JsonNode answerTask = awaitTask(OFFICER, OFFICER_GROUP, id, "Task_AnswerForward");
        assertThat(TextLimits.length(answerTask.path("name").asText())).isLessThanOrEqualTo(taskNameMax);
        assertThat((String) awaitMail(officerEmail, code, "được chuyển").getContent())
                .contains(note);
        String extensionReason = text(TextLimits.REASON_MAX);
        sent.put("DeadlineExtensionRequested.reason", extensionReason);
        LocalDate later = OffsetDateTime.parse(
                        answerTask.path("due").asText(), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
                .atZoneSameInstant(WorkingDayCalendar.VIETNAM)
                .toLocalDate()
                .plusDays(1);
        submit(
                OFFICER,
                answerTask,
                Map.of(
                        "decision",
                        "requestExtension",
                        "requestedDueDate",
                        later.toString(),
                        "extensionReason",
                        extensionReason));
        JsonNode decide = awaitTask(MODERATOR, MODERATOR_GROUP, id, "Task_DecideExtension");
        assertThat(TextLimits.length(decide.path("name").asText())).isLessThanOrEqualTo(taskNameMax);
        String refusal = text(TextLimits.REASON_MAX);
        sent.put("DeadlineExtensionRefused.reason", refusal);
        submit(MODERATOR, decide, Map.of("decision", "refuse", "refusalReason", refusal));
        awaitEvents(id, "DeadlineExtensionRefused");
        String returnReason = text(TextLimits.REASON_MAX);
        sent.put("ForwardReturned.reason", returnReason);
        submit(
                OFFICER,
                awaitTask(OFFICER, OFFICER_GROUP, id, "Task_AnswerForward"),
                Map.of("decision", "return", "returnReason", returnReason));

        // Forwarded again: acknowledged, then answered at the maximum from the Tasklist form.
        submit(
                MODERATOR,
                awaitTask(MODERATOR, MODERATOR_GROUP, id, "Task_TriageDialogue"),
                Map.of("decision", "forward", "forwardTo", DEPARTMENT, "note", note));
        submit(OFFICER, awaitTask(OFFICER, OFFICER_GROUP, id, "Task_AnswerForward"), Map.of("decision", "acknowledge"));
        awaitEvents(id, "ForwardAcknowledged");
        String answer = text(TextLimits.TEXT_MAX);
        sent.put("DialogueAnswered.answer", answer);
        submit(
                OFFICER,
                awaitTask(OFFICER, OFFICER_GROUP, id, "Task_AnswerForward"),
                Map.of("decision", "answer", "answer", answer));
        awaitStatus(id, "ANSWERED");
        assertThat((String) awaitMail(contact, code, "đã được trả lời").getContent())
                .contains(answer);

        // Published redacted from the moderators' publication task, with every redacted text at its maximum, then
        // withdrawn from the case page with the longest reason.
        String redactedSubject = text(TextLimits.SUBJECT_MAX);
        String redactedBody = text(TextLimits.TEXT_MAX);
        String redactedAnswer = text(TextLimits.TEXT_MAX);
        JsonNode publication = awaitTask(MODERATOR, MODERATOR_GROUP, id, "Task_PublishAnswer");
        assertThat(TextLimits.length(publication.path("name").asText())).isLessThanOrEqualTo(taskNameMax);
        submit(
                MODERATOR,
                publication,
                Map.of(
                        "decision",
                        "publish-redacted",
                        "redactedSubject",
                        redactedSubject,
                        "redactedBody",
                        redactedBody,
                        "redactedAnswer",
                        redactedAnswer));
        awaitEvents(id, "AnswerPublished");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> new Api(port).get("/portal/demo/dialogues/" + id).status() == 200);
        assertThat(new Api(port).get("/portal/demo/dialogues/" + id).body()).contains(redactedSubject, redactedAnswer);
        sent.put("AnswerPublished.subject", redactedSubject);
        sent.put("AnswerPublished.question", redactedBody);
        sent.put("AnswerPublished.answer", redactedAnswer);
        String withdrawal = text(TextLimits.REASON_MAX);
        sent.put("PublicationWithdrawn.reason", withdrawal);
        government.withdrawPublication(id, officials.require(MODERATOR), withdrawal);
        awaitEvents(id, "PublicationWithdrawn");

        // Rated, closed, reopened; the moderator answers the reopening himself and keeps that answer private.
        String comment = text(TextLimits.REASON_MAX);
        sent.put("SatisfactionRated.comment", comment);
        signed("/ratings", Envelopes.base("rate", id).put("rating", 2).put("comment", comment));
        government.close(
                id,
                officials.require(MODERATOR),
                CloseReason.ANSWERED,
                Instant.now().plus(30, ChronoUnit.DAYS));
        awaitStatus(id, "CLOSED");
        String reopenReason = text(TextLimits.REOPEN_REASON_MAX);
        sent.put("DialogueReopened.reason", reopenReason);
        signed("/reopenings", Envelopes.base("reopen", id).put("reason", reopenReason));
        submit(
                MODERATOR,
                awaitTask(MODERATOR, MODERATOR_GROUP, id, "Task_TriageDialogue"),
                Map.of("decision", "answer", "answer", text(TextLimits.TEXT_MAX)));
        String keptPrivate = text(TextLimits.REASON_MAX);
        sent.put("AnswerKeptPrivate.reason", keptPrivate);
        submit(
                MODERATOR,
                awaitTask(MODERATOR, MODERATOR_GROUP, id, "Task_PublishAnswer"),
                Map.of("decision", "keep-private", "keepPrivateReason", keptPrivate));
        awaitEvents(id, "AnswerKeptPrivate");

        // A second ask, rejected on its triage with the longest reason.
        UUID rejected = UUID.randomUUID();
        assertThat(api.post(
                                "/api/v1/dialogues",
                                Envelopes.signed(TestPki.shared().business(), Envelopes.ask(rejected)))
                        .status())
                .isEqualTo(201);
        String rejection = text(TextLimits.REASON_MAX);
        sent.put("DialogueRejected.reason", rejection);
        submit(
                MODERATOR,
                awaitTask(MODERATOR, MODERATOR_GROUP, rejected, "Task_TriageDialogue"),
                Map.of("decision", "reject", "rejectionCode", "OUT_OF_SCOPE", "rejectionReason", rejection));
        awaitStatus(rejected, "REJECTED");

        // A confidential ask, rejected, then its content erased with the longest reason (the erasure's own record is
        // never sealed; the confidential dialogue's other texts are, and are not in its events).
        UUID erased = UUID.randomUUID();
        assertThat(api.post(
                                "/api/v1/dialogues",
                                Envelopes.signed(
                                        TestPki.shared().business(),
                                        Envelopes.ask(erased).put("confidential", true)))
                        .status())
                .isEqualTo(201);
        submit(
                MODERATOR,
                awaitTask(MODERATOR, MODERATOR_GROUP, erased, "Task_TriageDialogue"),
                Map.of(
                        "decision",
                        "reject",
                        "rejectionCode",
                        "OUT_OF_SCOPE",
                        "rejectionReason",
                        "Không thuộc thẩm quyền"));
        awaitStatus(erased, "REJECTED");
        String erasure = text(TextLimits.REASON_MAX);
        sent.put("PersonalDataErased.reason", erasure);
        government.erasePersonalData(erased, officials.require(MODERATOR), erasure);

        // The events keep every text whole: exactly what was sent, nothing shortened.
        Map<String, List<String>> stored = storedTexts(id);
        stored.put("DialogueRejected.reason", storedTexts(rejected).get("DialogueRejected.reason"));
        stored.put("PersonalDataErased.reason", storedTexts(erased).get("PersonalDataErased.reason"));
        for (var field : sent.entrySet()) {
            assertThat(stored.get(field.getKey()))
                    .as("%s kept whole in the event", field.getKey())
                    .isNotEmpty()
                    .allMatch(field.getValue()::equals);
        }
        for (var field : TEXT_FIELDS.entrySet()) {
            List<String> values = stored.getOrDefault(field.getKey(), List.of());
            assertThat(values).as("%s was driven", field.getKey()).isNotEmpty();
            assertThat(values.stream().mapToInt(TextLimits::length).max().orElse(0))
                    .as("%s at its documented maximum", field.getKey())
                    .isEqualTo(field.getValue());
        }
        assertThat(stored.get("Actor.name"))
                .as("the officials' names (first and last name of their accounts) shortened for the record")
                .anyMatch(actorName -> actorName.endsWith(Fit.ELLIPSIS));

        // The pages render the whole texts.
        Api staff = new Api(port);
        assertThat(SignIn.staff(staff, MODERATOR, "secret").status()).isLessThan(400);
        Api.Response casePage = staff.get("/cases/" + id);
        assertThat(casePage.status()).isEqualTo(200);
        assertThat(casePage.body()).contains(subject, answer);
        Api.Response askerPage = asker.get("/my/dialogues/" + id);
        assertThat(askerPage.status()).isEqualTo(200);
        assertThat(askerPage.body()).contains(subject, answer);
        assertThat(asker.get("/my/dialogues").body()).contains(subject);
        assertThat(new Api(port).get("/portal/demo/dialogues/" + id).status())
                .as("withdrawn from the portal")
                .isEqualTo(404);
        assertThat(new Api(port).get("/portal/demo").status()).isEqualTo(200);

        // Nothing stopped: every processor runs without error and an ordinary dialogue gets its triage task.
        UUID next = UUID.randomUUID();
        assertThat(api.post(
                                "/api/v1/dialogues",
                                Envelopes.signed(TestPki.shared().business(), Envelopes.ask(next)))
                        .status())
                .isEqualTo(201);
        awaitTask(MODERATOR, MODERATOR_GROUP, next, "Task_TriageDialogue");
        awaitStatus(next, "AWAITING_TRIAGE");
        for (var processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming) {
                assertThat(streaming.processingStatus().values())
                        .as("processor %s", streaming.getName())
                        .noneMatch(status -> status.isErrorState());
            }
        }
        assertThat(jdbc.sql("select count(*) from mail_outbox where sent_at is null and attempts > 0")
                        .query(Long.class)
                        .single())
                .as("no mail failed")
                .isZero();
    }

    // --- the path's surfaces

    private void signed(String path, ObjectNode payload) {
        Api.Response response = asker.post(
                "/api/v1/dialogues/" + payload.path("dialogueId").asText() + path,
                Envelopes.signed(TestPki.shared().business(), payload));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private Api.Response engine(String user, String method, String path, String body) {
        return new EngineRest(api, port).call(user, method, path, body);
    }

    /** Submits a task's form as Tasklist does: claimed by the official, the fields as String variables. */
    private void submit(String user, JsonNode task, Map<String, String> fields) {
        String taskId = task.path("id").asText();
        Api.Response claimed = engine(user, "POST", "/task/" + taskId + "/claim", "{\"userId\": \"" + user + "\"}");
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
        ObjectNode variables = Envelopes.JSON.createObjectNode();
        ObjectNode values = variables.putObject("variables");
        fields.forEach(
                (name, value) -> values.putObject(name).put("value", value).put("type", "String"));
        Api.Response submitted = engine(user, "POST", "/task/" + taskId + "/submit-form", variables.toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    }

    private JsonNode awaitTask(String user, String group, UUID dialogueId, String taskKey) {
        return new EngineRest(api, port).awaitTask(user, group, dialogueId, taskKey);
    }

    private void awaitStatus(UUID id, String status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(asker.get("/api/v1/dialogues/" + id)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo(status));
    }

    /**
     * Waits for the event, and for the process bridge to have handled it: a form submitted while the bridge still
     * correlates the event with the same process instance would collide with it (Camunda's optimistic locking).
     */
    private void awaitEvents(UUID id, String payloadType) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql(
                                        "select count(*) from domainevententry where aggregateidentifier = :id and payloadtype like :type")
                                .param("id", id.toString())
                                .param("type", "%." + payloadType)
                                .query(Long.class)
                                .single()
                        > 0);
        long last = jdbc.sql("select max(globalindex) from domainevententry where aggregateidentifier = :id")
                .param("id", id.toString())
                .query(Long.class)
                .single();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                        """
                                select count(*) > 0 and bool_and(
                                    (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint >= :last
                                    and not coalesce((convert_from(token, 'UTF8')::jsonb -> 'gaps') @> to_jsonb(:last), false))
                                from tokenentry where processorname = :group and token is not null""")
                .param("group", DialogueProcessBridge.PROCESSING_GROUP)
                .param("last", last)
                .query(Boolean.class)
                .single());
    }

    private MimeMessage awaitMail(String to, String code, String subjectPart) {
        MimeMessage[] found = new MimeMessage[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (message.getRecipients(Message.RecipientType.TO)[0]
                                .toString()
                                .equals(to)
                        && message.getSubject().contains(code)
                        && message.getSubject().contains(subjectPart)) {
                    found[0] = message;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    // --- the stored events and the schema

    /** Every text value of the dialogue's stored events, by {@code Type.field} as {@link #textFields} names them. */
    private Map<String, List<String>> storedTexts(UUID id) throws Exception {
        Map<String, List<String>> texts = new HashMap<>();
        var rows = jdbc.sql("select payloadtype, convert_from(payload, 'UTF8') from domainevententry"
                        + " where aggregateidentifier = :id order by sequencenumber")
                .param("id", id.toString())
                .query((row, n) -> new String[] {row.getString(1), row.getString(2)})
                .list();
        for (String[] row : rows) {
            Class<?> type = Class.forName(row[0]);
            collect(type.getSimpleName(), type, Envelopes.JSON.readTree(row[1]), texts);
        }
        return texts;
    }

    private static void collect(String owner, Class<?> type, JsonNode node, Map<String, List<String>> texts) {
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode value = node.path(component.getName());
            Class<?> nested = nestedRecord(component.getGenericType());
            if (component.getType() == String.class && value.isTextual()) {
                texts.computeIfAbsent(owner + "." + component.getName(), k -> new ArrayList<>())
                        .add(value.textValue());
            } else if (nested != null && nested != Evidence.class) {
                for (JsonNode item : value.isArray() ? value : List.of(value)) {
                    collect(nested.getSimpleName(), nested, item, texts);
                }
            }
        }
    }

    /** The String components of a record, recursing into record components and lists of records (not evidence). */
    private static void textFields(String owner, Class<?> type, Map<String, Type> found) {
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> nested = nestedRecord(component.getGenericType());
            if (component.getType() == String.class) {
                found.put(owner + "." + component.getName(), String.class);
            } else if (nested != null && nested != Evidence.class) {
                textFields(nested.getSimpleName(), nested, found);
            }
        }
    }

    private static Class<?> nestedRecord(Type type) {
        if (type instanceof Class<?> c && c.isRecord()) {
            return c;
        }
        if (type instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> c
                && c.isRecord()) {
            return c;
        }
        return null;
    }

    /** The event records of the command API: every record with evidence (commands carry a signed payload instead). */
    private static List<Class<?>> eventTypes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        List<Class<?>> events = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents(EVENTS_PACKAGE)) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                if (type.isRecord()
                        && java.util.Arrays.stream(type.getRecordComponents())
                                .anyMatch(c -> c.getType() == Evidence.class)) {
                    events.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(events).as("event types found").hasSizeGreaterThan(10).contains(DialogueAsked.class);
        assertThat(Actor.class.isRecord() && Attachment.class.isRecord()).isTrue();
        return events;
    }

    private int limit(String table, String column) {
        return jdbc.sql("select character_maximum_length from information_schema.columns"
                        + " where table_schema = current_schema() and table_name = :table and column_name = :column")
                .param("table", table)
                .param("column", column)
                .query(Integer.class)
                .single();
    }

    // --- texts

    /** Exactly {@code codePoints} characters of Vietnamese with diacritics and a character outside the BMP. */
    static String text(int codePoints) {
        String unit = "Ngập lụt ở Đồng Tháp, xin hỗ trợ khẩn 🌊 ";
        StringBuilder text = new StringBuilder();
        while (text.codePointCount(0, text.length()) < codePoints) {
            text.append(unit);
        }
        String exact = text.substring(0, text.offsetByCodePoints(0, codePoints));
        // Form fields are stripped (Tasklist pads them): end on a letter so that the value sent is the value kept.
        return exact.endsWith(" ") ? exact.substring(0, exact.length() - 1) + "." : exact;
    }

    private static String ascii(String prefix, int length) {
        return (prefix + "x".repeat(length)).substring(0, length);
    }

    private static void assertNoBrokenSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1)))
                        .isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).as("lone low surrogate").isFalse();
            }
        }
    }
}
