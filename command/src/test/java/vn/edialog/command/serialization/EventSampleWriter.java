package vn.edialog.command.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.dialogue.api.AnswerKeptPrivate;
import vn.edialog.command.dialogue.api.AnswerPublished;
import vn.edialog.command.dialogue.api.Attachment;
import vn.edialog.command.dialogue.api.ClarificationProvided;
import vn.edialog.command.dialogue.api.ClarificationRequested;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.dialogue.api.DeadlineExtended;
import vn.edialog.command.dialogue.api.DeadlineExtensionRefused;
import vn.edialog.command.dialogue.api.DeadlineExtensionRequested;
import vn.edialog.command.dialogue.api.DialogueAnswered;
import vn.edialog.command.dialogue.api.DialogueAsked;
import vn.edialog.command.dialogue.api.DialogueClosed;
import vn.edialog.command.dialogue.api.DialogueEscalated;
import vn.edialog.command.dialogue.api.DialogueForwarded;
import vn.edialog.command.dialogue.api.DialogueRejected;
import vn.edialog.command.dialogue.api.DialogueReopened;
import vn.edialog.command.dialogue.api.DialogueStatus;
import vn.edialog.command.dialogue.api.EscalationStep;
import vn.edialog.command.dialogue.api.Evidence;
import vn.edialog.command.dialogue.api.EvidenceChain;
import vn.edialog.command.dialogue.api.ForwardAcknowledged;
import vn.edialog.command.dialogue.api.ForwardReturned;
import vn.edialog.command.dialogue.api.PersonalDataErased;
import vn.edialog.command.dialogue.api.PublicationWithdrawn;
import vn.edialog.command.dialogue.api.Redaction;
import vn.edialog.command.dialogue.api.RejectionReason;
import vn.edialog.command.dialogue.api.SatisfactionRated;
import vn.edialog.command.dialogue.api.SignedPayload;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.signature.CanonicalJson;

/**
 * Writes the stored samples that {@link StoredEventSamplesTest} re-reads: two dialogues whose events cover every event
 * type, each signed for real (asker, agency or system key of a freshly generated PKI) and chained, in the exact JSON
 * the event store holds, plus the PKI's root certificate. Run it when an event gets a new revision, keeping the old
 * samples: {@code java -cp <test classpath> vn.edialog.command.serialization.EventSampleWriter
 * command/src/test/resources/event-samples/<date>}.
 */
public final class EventSampleWriter {

    private static final ObjectMapper JSON = EventJson.mapper();

    private final TestPki pki = TestPki.generate(URI.create("http://localhost:8080"));
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final List<Object> events = new ArrayList<>();
    private final String tenant = "demo";
    private UUID dialogue;
    private String previous;
    private Instant clock;
    /** The current dialogue is confidential: its messages are sealed. */
    private boolean sealing;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        new EventSampleWriter().write(dir);
    }

    private void write(Path dir) throws Exception {
        Files.createDirectories(dir);
        Credential business = pki.business();
        Credential ubnd = pki.issueAgency("1000101", "Ủy ban nhân dân tỉnh Demo");
        Credential skhdt = pki.issueAgency("1000202", "Sở Kế hoạch và Đầu tư");
        Credential system = pki.system();
        Actor asker = new Actor(
                ActorKind.BUSINESS, "MST:" + TestPki.BUSINESS_MST, "Công ty TNHH Thương mại Hoàng Long", null);
        Actor moderator = new Actor(ActorKind.OFFICIAL, "nguyen.van.a", "Nguyễn Văn A", "ubnd");
        Actor department = new Actor(ActorKind.OFFICIAL, "tran.thi.b", "Trần Thị B", "skhdt");
        Actor robot = new Actor(ActorKind.SYSTEM, "system", "eDialog", null);

        begin();
        Instant triageDue = clock.plus(Duration.ofDays(2));
        Attachment attachment = new Attachment("giay-phep.pdf", "application/pdf", 182_344, "ab".repeat(32));
        String subject = "Thủ tục thay đổi địa chỉ trụ sở chính";
        String body = "Công ty chúng tôi chuyển trụ sở sang huyện khác trong tỉnh. Cần nộp hồ sơ gì, ở đâu?";
        DialogueAsked asked = new DialogueAsked(
                dialogue,
                tenant,
                "DEMO-2026-000001",
                "dang-ky-kinh-doanh",
                subject,
                body,
                false,
                true,
                List.of(attachment),
                "ubnd",
                triageDue,
                asker,
                next(),
                sign(
                        business,
                        "ask",
                        asker,
                        fields().put("topic", "dang-ky-kinh-doanh")
                                .put("subject", subject)
                                .put("body", body)
                                .put("confidential", false)
                                .put("publicationConsent", true)));
        events.add(asked);
        Instant clarifyDue = clock.plus(Duration.ofDays(5));
        events.add(new ClarificationRequested(
                dialogue,
                "Đề nghị bổ sung giấy chứng nhận đăng ký doanh nghiệp",
                clarifyDue,
                "ubnd",
                moderator,
                next(),
                sign(
                        ubnd,
                        "request-clarification",
                        moderator,
                        fields().put("request", "Đề nghị bổ sung giấy chứng nhận đăng ký doanh nghiệp")
                                .put("dueAt", clarifyDue.toString()))));
        events.add(new ClarificationProvided(
                dialogue,
                "Đã đính kèm giấy chứng nhận",
                DialogueStatus.AWAITING_TRIAGE,
                asker,
                next(),
                sign(business, "clarify", asker, fields().put("text", "Đã đính kèm giấy chứng nhận"))));
        Instant due = clock.plus(Duration.ofDays(14));
        events.add(new DialogueForwarded(
                dialogue,
                1,
                "skhdt",
                "Đề nghị Sở trả lời",
                due,
                moderator,
                next(),
                sign(
                        ubnd,
                        "forward",
                        moderator,
                        fields().put("department", "skhdt")
                                .put("note", "Đề nghị Sở trả lời")
                                .put("dueAt", due.toString()))));
        events.add(new ForwardAcknowledged(
                dialogue, 1, "skhdt", due, department, next(), sign(skhdt, "acknowledge", department, fields())));
        Instant longer = due.plus(Duration.ofDays(7));
        events.add(new DeadlineExtensionRequested(
                dialogue,
                1,
                "skhdt",
                due,
                longer,
                "Cần lấy ý kiến Sở Xây dựng",
                department,
                next(),
                sign(
                        skhdt,
                        "request-extension",
                        department,
                        fields().put("requestedDueAt", longer.toString())
                                .put("reason", "Cần lấy ý kiến Sở Xây dựng"))));
        events.add(new DeadlineExtended(
                dialogue,
                1,
                "skhdt",
                due,
                longer,
                moderator,
                next(),
                sign(ubnd, "extend", moderator, fields().put("newDueAt", longer.toString()))));
        Instant evenLonger = longer.plus(Duration.ofDays(7));
        events.add(new DeadlineExtensionRequested(
                dialogue,
                1,
                "skhdt",
                longer,
                evenLonger,
                "Chưa có ý kiến",
                department,
                next(),
                sign(
                        skhdt,
                        "request-extension",
                        department,
                        fields().put("requestedDueAt", evenLonger.toString()).put("reason", "Chưa có ý kiến"))));
        events.add(new DeadlineExtensionRefused(
                dialogue,
                1,
                "skhdt",
                evenLonger,
                "Đã gia hạn một lần",
                moderator,
                next(),
                sign(ubnd, "refuse-extension", moderator, fields().put("reason", "Đã gia hạn một lần"))));
        Instant returnedTriageDue = clock.plus(Duration.ofDays(9));
        events.add(new ForwardReturned(
                dialogue,
                1,
                "skhdt",
                "Không thuộc thẩm quyền",
                returnedTriageDue,
                department,
                next(),
                sign(
                        skhdt,
                        "return",
                        department,
                        fields().put("reason", "Không thuộc thẩm quyền")
                                .put("triageDueAt", returnedTriageDue.toString()))));
        Instant due2 = clock.plus(Duration.ofDays(14));
        events.add(new DialogueForwarded(
                dialogue,
                2,
                "skhdt",
                "Chuyển lại theo chỉ đạo",
                due2,
                moderator,
                next(),
                sign(
                        ubnd,
                        "forward",
                        moderator,
                        fields().put("department", "skhdt")
                                .put("note", "Chuyển lại theo chỉ đạo")
                                .put("dueAt", due2.toString()))));
        events.add(new DialogueEscalated(
                dialogue,
                EscalationStep.ANSWER,
                1,
                "lanh-dao-skhdt",
                due2,
                "skhdt",
                robot,
                next(),
                sign(
                        system,
                        "escalate",
                        robot,
                        fields().put("step", "ANSWER")
                                .put("level", 1)
                                .put("escalatedTo", "lanh-dao-skhdt")
                                .put("dueAt", due2.toString()))));
        String answer = "Doanh nghiệp nộp hồ sơ thay đổi qua Cổng dịch vụ công quốc gia.";
        Instant answeredAt = next();
        events.add(new DialogueAnswered(
                dialogue,
                answer,
                "skhdt",
                true,
                due2,
                true,
                department,
                answeredAt,
                sign(skhdt, "answer", department, fields().put("answer", answer))));
        events.add(new AnswerPublished(
                dialogue,
                tenant,
                "dang-ky-kinh-doanh",
                subject,
                body,
                answer,
                "skhdt",
                answeredAt,
                null,
                moderator,
                next(),
                sign(ubnd, "publish", moderator, fields())));
        events.add(new SatisfactionRated(
                dialogue,
                5,
                "Rõ ràng, nhanh chóng",
                "skhdt",
                asker,
                next(),
                sign(business, "rate", asker, fields().put("rating", 5).put("comment", "Rõ ràng, nhanh chóng"))));
        Instant reopenable = clock.plus(Duration.ofDays(30));
        events.add(new DialogueClosed(
                dialogue,
                CloseReason.ANSWERED,
                reopenable,
                moderator,
                next(),
                sign(
                        ubnd,
                        "close",
                        moderator,
                        fields().put("reason", "ANSWERED").put("reopenableUntil", reopenable.toString()))));
        Instant triageAgain = clock.plus(Duration.ofDays(2));
        events.add(new DialogueReopened(
                dialogue,
                "Cần hỏi thêm về lệ phí",
                triageAgain,
                asker,
                next(),
                sign(business, "reopen", asker, fields().put("reason", "Cần hỏi thêm về lệ phí"))));
        String secondAnswer = "Lệ phí đăng ký thay đổi là 50.000 đồng; nộp trực tuyến được miễn.";
        Instant secondAnsweredAt = next();
        DialogueAnswered secondAnswered = new DialogueAnswered(
                dialogue,
                secondAnswer,
                "ubnd",
                false,
                triageAgain,
                true,
                moderator,
                secondAnsweredAt,
                sign(ubnd, "answer", moderator, fields().put("answer", secondAnswer)));
        events.add(secondAnswered);
        String redactedQuestion = "Công ty [đã ẩn] chuyển trụ sở sang huyện khác trong tỉnh. Cần nộp hồ sơ gì, ở đâu?";
        Redaction redaction = new Redaction(payloadSha256(asked.evidence()), payloadSha256(secondAnswered.evidence()));
        ObjectNode redactionFields = fields().put("subject", subject)
                .put("question", redactedQuestion)
                .put("answer", secondAnswer);
        redactionFields
                .putObject("redaction")
                .put("questionSha256", redaction.questionSha256())
                .put("answerSha256", redaction.answerSha256());
        events.add(new AnswerPublished(
                dialogue,
                tenant,
                "dang-ky-kinh-doanh",
                subject,
                redactedQuestion,
                secondAnswer,
                "ubnd",
                secondAnsweredAt,
                redaction,
                moderator,
                next(),
                sign(ubnd, "publish-redacted", moderator, redactionFields)));
        events.add(new PublicationWithdrawn(
                dialogue,
                "Văn bản hướng dẫn đã hết hiệu lực",
                moderator,
                next(),
                sign(
                        ubnd,
                        "withdraw-publication",
                        moderator,
                        fields().put("reason", "Văn bản hướng dẫn đã hết hiệu lực"))));

        // A confidential dialogue: its messages sealed (the events keep the payloads' digests, not the payloads nor
        // their text), then its content erased by the system, whose own record is never sealed.
        begin();
        sealing = true;
        events.add(new DialogueAsked(
                dialogue,
                tenant,
                "DEMO-2026-000002",
                "phan-anh-kien-nghi",
                null,
                null,
                true,
                false,
                List.of(),
                "ubnd",
                clock.plus(Duration.ofDays(2)),
                asker,
                next(),
                sign(
                        business,
                        "ask",
                        asker,
                        fields().put("topic", "phan-anh-kien-nghi")
                                .put("subject", "Quảng cáo")
                                .put("body", "Nội dung")
                                .put("confidential", true)
                                .put("publicationConsent", false))));
        events.add(new DialogueRejected(
                dialogue,
                RejectionReason.ABUSIVE,
                null,
                moderator,
                next(),
                sign(ubnd, "reject", moderator, fields().put("code", "ABUSIVE").put("reason", "Nội dung quảng cáo"))));
        sealing = false;
        String erasure = "Người hỏi yêu cầu xóa dữ liệu cá nhân";
        events.add(new PersonalDataErased(
                dialogue,
                erasure,
                robot,
                next(),
                sign(system, "erase-personal-data", robot, fields().put("reason", erasure))));

        begin();
        events.add(new DialogueAsked(
                dialogue,
                tenant,
                "DEMO-2026-000003",
                "thue",
                "Hoàn thuế giá trị gia tăng",
                "Hồ sơ hoàn thuế của công ty nộp ngày 02/11 đến nay chưa có kết quả.",
                false,
                true,
                List.of(),
                "ubnd",
                clock.plus(Duration.ofDays(2)),
                asker,
                next(),
                sign(
                        business,
                        "ask",
                        asker,
                        fields().put("topic", "thue")
                                .put("subject", "Hoàn thuế giá trị gia tăng")
                                .put("body", "Hồ sơ hoàn thuế của công ty nộp ngày 02/11 đến nay chưa có kết quả.")
                                .put("confidential", false))));
        String privateAnswer = "Hồ sơ của công ty đã được giải quyết ngày 20/11; quyết định gửi qua bưu điện.";
        Instant privateAnsweredAt = next();
        events.add(new DialogueAnswered(
                dialogue,
                privateAnswer,
                "ubnd",
                false,
                clock.plus(Duration.ofDays(1)),
                true,
                moderator,
                privateAnsweredAt,
                sign(ubnd, "answer", moderator, fields().put("answer", privateAnswer))));
        events.add(new AnswerKeptPrivate(
                dialogue,
                "Chỉ liên quan đến hồ sơ riêng của doanh nghiệp",
                privateAnsweredAt,
                moderator,
                next(),
                sign(
                        ubnd,
                        "keep-private",
                        moderator,
                        fields().put("reason", "Chỉ liên quan đến hồ sơ riêng của doanh nghiệp"))));

        Files.writeString(dir.resolve("root.pem"), pki.root().certificatePem());
        int index = 0;
        for (Object event : events) {
            String revision = event.getClass().getAnnotation(Revision.class).value();
            ObjectNode sample = JSON.createObjectNode()
                    .put("payloadType", event.getClass().getName())
                    .put("revision", revision);
            sample.set("payload", JSON.valueToTree(event));
            String name = "%02d-%s.v%s.json".formatted(++index, event.getClass().getSimpleName(), revision);
            Files.writeString(
                    dir.resolve(name), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sample) + "\n");
        }
    }

    private void begin() {
        dialogue = UUID.randomUUID();
        previous = EvidenceChain.GENESIS;
        clock = start;
    }

    private static String payloadSha256(Evidence evidence) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Base64.getDecoder().decode(evidence.signed().payload())));
    }

    private Instant next() {
        clock = clock.plus(Duration.ofMinutes(37));
        return clock;
    }

    private ObjectNode fields() {
        return JSON.createObjectNode();
    }

    /** The envelope of an action, signed now-ish by {@code signer}, and the evidence linking it into the chain. */
    private Evidence sign(Credential signer, String type, Actor actor, ObjectNode fields) {
        ObjectNode payload = JSON.createObjectNode()
                .put("type", type)
                .put("tenant", tenant)
                .put("dialogueId", dialogue.toString())
                .put("nonce", UUID.randomUUID().toString())
                .put("signedAt", clock.toString());
        if (actor.kind() == ActorKind.OFFICIAL || actor.kind() == ActorKind.SYSTEM) {
            JsonNode actorNode = JSON.valueToTree(actor);
            payload.set("actor", actorNode);
        }
        payload.setAll(fields);
        byte[] bytes = CanonicalJson.canonicalize(payload);
        byte[] signature = signer.signer().sign(bytes);
        SignedPayload signed = SignedPayload.of(bytes, signature, signer.chain());
        if (sealing) {
            signed = signed.seal(EvidenceChain.payloadSha256(signed));
        }
        Evidence evidence = EvidenceChain.link(previous, signed);
        previous = evidence.hash();
        return evidence;
    }
}
