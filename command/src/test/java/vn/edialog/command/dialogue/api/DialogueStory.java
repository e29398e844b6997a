package vn.edialog.command.dialogue.api;

import static vn.edialog.command.dialogue.api.DialogueTestData.BUSINESS;
import static vn.edialog.command.dialogue.api.DialogueTestData.DEPARTMENT_AGENCY;
import static vn.edialog.command.dialogue.api.DialogueTestData.MODERATOR;
import static vn.edialog.command.dialogue.api.DialogueTestData.MODERATOR_AGENCY;
import static vn.edialog.command.dialogue.api.DialogueTestData.SYSTEM;
import static vn.edialog.command.dialogue.api.DialogueTestData.TENANT;
import static vn.edialog.command.dialogue.api.DialogueTestData.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Builds one dialogue's commands with plausible data and the events they should produce, keeping the evidence chain
 * and the few facts events derive (forward number, due dates, who answered). Each command moves the story's clock
 * one hour on; {@link #advance(Duration)} jumps further.
 *
 * <pre>{@code
 * var story = new DialogueStory();
 * story.happened(story.ask(), story.forward());
 * var command = story.acknowledge(DEPARTMENT);
 * fixture.given(story.history()).when(command).expectEvents(story.then(command));
 * }</pre>
 */
public final class DialogueStory {

    public static final Instant T0 = Instant.parse("2025-03-03T02:00:00Z");
    public static final Duration TRIAGE_TIME = Duration.ofDays(3);
    public static final Duration FORWARD_TIME = Duration.ofDays(10);
    public static final Duration CLARIFICATION_TIME = Duration.ofDays(5);
    public static final Duration REOPEN_WINDOW = Duration.ofDays(30);

    private final UUID id;
    private Instant clock = T0;
    private String lastHash = EvidenceChain.GENESIS;
    private final List<Object> history = new ArrayList<>();
    /** Made by a confidential ask: every message is then sealed and its free text left out of the command. */
    private boolean confidential;

    // What the events derive, mirrored from the history.
    private DialogueAsked asked;
    private DialogueStatus status;
    private DialogueStatus resume;
    private Instant triageDueAt;
    private int forwards;
    private String department;
    private Instant forwardDueAt;
    private Instant requestedDueAt;
    private DialogueAnswered answered;

    public DialogueStory() {
        this(UUID.fromString("5f0c2a4e-8d1b-4c7a-9e3f-2b6d8a1c0e47"));
    }

    public DialogueStory(UUID id) {
        this.id = id;
    }

    public UUID id() {
        return id;
    }

    public Instant now() {
        return clock;
    }

    public DialogueStatus status() {
        return status;
    }

    public Instant triageDueAt() {
        return triageDueAt;
    }

    public Instant forwardDueAt() {
        return forwardDueAt;
    }

    /** The hash of the last event so far: the previous hash of the next one. */
    public String lastHash() {
        return lastHash;
    }

    /** The events so far (a copy), for {@code fixture.given(...)}. */
    public List<Object> history() {
        return List.copyOf(history);
    }

    public DialogueStory advance(Duration duration) {
        clock = clock.plus(duration);
        return this;
    }

    /** Records the event of a command made by this story, as if it had happened. */
    public DialogueStory happened(Object command) {
        history.add(then(command));
        return this;
    }

    /** Records several commands' events in order. */
    public DialogueStory happened(Object... commands) {
        for (Object command : commands) {
            happened(command);
        }
        return this;
    }

    private Instant tick() {
        clock = clock.plus(Duration.ofHours(1));
        return clock;
    }

    // ---- commands ---------------------------------------------------------------------------------------------

    public AskDialogueCommand ask() {
        return ask(BUSINESS, false);
    }

    public AskDialogueCommand ask(Actor asker, boolean confidential) {
        return ask(asker, confidential, true);
    }

    public AskDialogueCommand ask(Actor asker, boolean confidential, boolean publicationConsent) {
        Instant at = clock;
        this.confidential = confidential;
        return new AskDialogueCommand(
                id,
                TENANT,
                "DEMO-2025-000123",
                "dang-ky-kinh-doanh",
                text("Thủ tục thay đổi ngành nghề kinh doanh"),
                text("Công ty chúng tôi muốn bổ sung ngành nghề bán buôn thiết bị y tế. Xin hỏi hồ sơ gồm những gì, "
                        + "nộp ở đâu và mất bao nhiêu ngày làm việc?"),
                confidential,
                publicationConsent,
                confidential
                        ? List.of()
                        : List.of(attachment(
                                "giay-chung-nhan-dkdn.pdf", "application/pdf", "Giấy chứng nhận đăng ký doanh nghiệp")),
                MODERATOR_AGENCY,
                at.plus(TRIAGE_TIME),
                asker,
                at,
                sign("AskDialogue", at, asker));
    }

    public RequestClarificationCommand requestClarification(Actor by) {
        Instant at = tick();
        return new RequestClarificationCommand(
                id,
                text("Đề nghị bổ sung: (1) bản sao điều lệ công ty; (2) mã ngành cấp 4 dự kiến bổ sung."),
                at.plus(CLARIFICATION_TIME),
                by,
                at,
                sign("RequestClarification", at, by));
    }

    public ProvideClarificationCommand provideClarification(Actor by) {
        Instant at = tick();
        return new ProvideClarificationCommand(
                id,
                text("Mã ngành dự kiến: 4649 — Bán buôn đồ dùng khác cho gia đình; điều lệ đính kèm."),
                by,
                at,
                sign("ProvideClarification", at, by));
    }

    public ForwardDialogueCommand forward() {
        return forward(MODERATOR, DEPARTMENT_AGENCY);
    }

    public ForwardDialogueCommand forward(Actor by, String toDepartment) {
        Instant at = tick();
        return new ForwardDialogueCommand(
                id,
                toDepartment,
                text("Chuyển Sở xem xét, trả lời doanh nghiệp theo thẩm quyền."),
                at.plus(FORWARD_TIME),
                by,
                at,
                sign("ForwardDialogue", at, by));
    }

    public AcknowledgeForwardCommand acknowledge(Actor by) {
        Instant at = tick();
        return new AcknowledgeForwardCommand(id, by, at, sign("AcknowledgeForward", at, by));
    }

    public ReturnForwardCommand returnForward(Actor by) {
        Instant at = tick();
        return new ReturnForwardCommand(
                id,
                text("Nội dung thuộc thẩm quyền của Sở Tài nguyên và Môi trường, đề nghị chuyển lại."),
                at.plus(Duration.ofDays(2)),
                by,
                at,
                sign("ReturnForward", at, by));
    }

    public RequestDeadlineExtensionCommand requestExtension(Actor by, Instant requested) {
        Instant at = tick();
        return new RequestDeadlineExtensionCommand(
                id,
                requested,
                text("Cần lấy ý kiến của Sở Y tế về điều kiện kinh doanh thiết bị y tế."),
                by,
                at,
                sign("RequestDeadlineExtension", at, by));
    }

    public RequestDeadlineExtensionCommand requestExtension(Actor by) {
        return requestExtension(by, forwardDueAt.plus(Duration.ofDays(7)));
    }

    public ExtendDeadlineCommand extend(Actor by, Instant newDueAt) {
        Instant at = tick();
        return new ExtendDeadlineCommand(id, newDueAt, by, at, sign("ExtendDeadline", at, by));
    }

    public RefuseDeadlineExtensionCommand refuseExtension(Actor by) {
        Instant at = tick();
        return new RefuseDeadlineExtensionCommand(
                id,
                text("Nội dung đơn giản, đề nghị Sở trả lời đúng hạn."),
                by,
                at,
                sign("RefuseDeadlineExtension", at, by));
    }

    public AnswerDialogueCommand answer(Actor by) {
        Instant at = tick();
        return new AnswerDialogueCommand(
                id,
                text("Doanh nghiệp nộp Thông báo thay đổi nội dung đăng ký doanh nghiệp qua Cổng thông tin quốc gia về "
                        + "đăng ký doanh nghiệp; thời hạn giải quyết 03 ngày làm việc."),
                by,
                at,
                sign("AnswerDialogue", at, by));
    }

    public PublishAnswerCommand publish(Actor by) {
        Instant at = tick();
        return new PublishAnswerCommand(id, by, at, sign("PublishAnswer", at, by));
    }

    public PublishRedactedAnswerCommand publishRedacted(Actor by) {
        return publishRedacted(by, payloadSha256(asked.evidence()), payloadSha256(answered.evidence()));
    }

    public PublishRedactedAnswerCommand publishRedacted(Actor by, String questionSha256, String answerSha256) {
        Instant at = tick();
        return new PublishRedactedAnswerCommand(
                id,
                "Thủ tục thay đổi ngành nghề kinh doanh",
                "Công ty [đã ẩn] muốn bổ sung ngành nghề bán buôn thiết bị y tế. Hồ sơ gồm những gì?",
                "Doanh nghiệp nộp Thông báo thay đổi nội dung đăng ký doanh nghiệp; thời hạn 03 ngày làm việc.",
                questionSha256,
                answerSha256,
                by,
                at,
                sign("PublishRedactedAnswer", at, by));
    }

    public KeepAnswerPrivateCommand keepPrivate(Actor by) {
        Instant at = tick();
        return new KeepAnswerPrivateCommand(
                id, text("Nội dung liên quan bí mật kinh doanh."), by, at, sign("KeepAnswerPrivate", at, by));
    }

    public WithdrawPublicationCommand withdraw(Actor by) {
        Instant at = tick();
        return new WithdrawPublicationCommand(
                id, text("Văn bản hướng dẫn đã hết hiệu lực."), by, at, sign("WithdrawPublication", at, by));
    }

    public RejectDialogueCommand reject(Actor by) {
        Instant at = tick();
        return new RejectDialogueCommand(
                id,
                RejectionReason.DUPLICATE,
                text("Trùng nội dung với đối thoại DEMO-2025-000098 đã được trả lời."),
                by,
                at,
                sign("RejectDialogue", at, by));
    }

    public EscalateDialogueCommand escalate(String step, int level) {
        return escalate(SYSTEM, step, level);
    }

    public EscalateDialogueCommand escalate(Actor by, String step, int level) {
        Instant at = tick();
        return new EscalateDialogueCommand(
                id,
                EscalationStep.parse(step),
                level,
                "lanh-dao-ubnd",
                at.minus(Duration.ofMinutes(5)),
                by,
                at,
                sign("EscalateDialogue", at, by));
    }

    public RateSatisfactionCommand rate(Actor by, int rating) {
        Instant at = tick();
        return new RateSatisfactionCommand(
                id, rating, text("Trả lời rõ ràng, đúng hạn. Cảm ơn Sở."), by, at, sign("RateSatisfaction", at, by));
    }

    public ReopenDialogueCommand reopen(Actor by) {
        Instant at = tick();
        return new ReopenDialogueCommand(
                id,
                text("Chưa rõ có cần giấy phép con cho thiết bị y tế loại B hay không."),
                at.plus(TRIAGE_TIME),
                by,
                at,
                sign("ReopenDialogue", at, by));
    }

    /** The erasure of a confidential dialogue's content: never sealed, so its record stays readable. */
    public ErasePersonalDataCommand erase(Actor by) {
        Instant at = tick();
        return new ErasePersonalDataCommand(
                id,
                "Người hỏi yêu cầu xóa dữ liệu cá nhân (Nghị định 13/2023).",
                by,
                at,
                DialogueTestData.signed("ErasePersonalData", id, at, by));
    }

    public CloseDialogueCommand close(Actor by, CloseReason reason) {
        Instant at = tick();
        return new CloseDialogueCommand(id, reason, at.plus(REOPEN_WINDOW), by, at, sign("CloseDialogue", at, by));
    }

    /** The lowercase hex SHA-256 of an event's signed payload bytes, as a third party computes it. */
    public static String payloadSha256(Evidence evidence) {
        if (evidence.signed().sealed()) {
            return evidence.signed().payloadSha256();
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(Base64.getDecoder().decode(evidence.signed().payload())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message's free text, or nothing in a confidential story (its text is in the sealed payload). */
    private String text(String value) {
        return confidential ? null : value;
    }

    /** The story's signed payload for a message: sealed in a confidential story. */
    private SignedPayload sign(String type, Instant at, Actor by) {
        SignedPayload signed = DialogueTestData.signed(type, id, at, by);
        if (!confidential) {
            return signed;
        }
        try {
            return signed.seal(HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(Base64.getDecoder().decode(signed.payload()))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- events -----------------------------------------------------------------------------------------------

    /** The event the aggregate should apply for this command, given the story so far; moves the chain on. */
    public Object then(Object command) {
        return eventFor(command);
    }

    private Evidence link(SignedPayload signed) {
        Evidence evidence = EvidenceChain.link(lastHash, signed);
        lastHash = evidence.hash();
        return evidence;
    }

    private Object eventFor(Object command) {
        if (command instanceof ErasePersonalDataCommand c) {
            return new PersonalDataErased(id, c.reason(), c.actor(), c.at(), link(c.signed()));
        }
        if (command instanceof AskDialogueCommand c) {
            lastHash = EvidenceChain.GENESIS;
            asked = new DialogueAsked(
                    c.dialogueId(),
                    c.tenant(),
                    c.trackingCode(),
                    c.topic(),
                    c.subject(),
                    c.body(),
                    c.confidential(),
                    c.publicationConsent(),
                    c.attachments(),
                    c.moderatorAgency(),
                    c.triageDueAt(),
                    c.actor(),
                    c.at(),
                    link(c.signed()));
            status = DialogueStatus.AWAITING_TRIAGE;
            triageDueAt = c.triageDueAt();
            return asked;
        }
        if (command instanceof RequestClarificationCommand c) {
            resume = status;
            status = DialogueStatus.AWAITING_CLARIFICATION;
            return new ClarificationRequested(
                    id, c.request(), c.dueAt(), c.actor().agency(), c.actor(), c.at(), link(c.signed()));
        }
        if (command instanceof ProvideClarificationCommand c) {
            status = resume;
            return new ClarificationProvided(id, c.text(), resume, c.actor(), c.at(), link(c.signed()));
        }
        if (command instanceof ForwardDialogueCommand c) {
            status = DialogueStatus.FORWARDED;
            forwards++;
            department = c.department();
            forwardDueAt = c.dueAt();
            requestedDueAt = null;
            return new DialogueForwarded(
                    id, forwards, c.department(), c.note(), c.dueAt(), c.actor(), c.at(), link(c.signed()));
        }
        if (command instanceof AcknowledgeForwardCommand c) {
            return new ForwardAcknowledged(id, forwards, department, forwardDueAt, c.actor(), c.at(), link(c.signed()));
        }
        if (command instanceof ReturnForwardCommand c) {
            status = DialogueStatus.AWAITING_TRIAGE;
            requestedDueAt = null;
            triageDueAt = c.triageDueAt().isAfter(triageDueAt) ? c.triageDueAt() : triageDueAt;
            return new ForwardReturned(
                    id, forwards, department, c.reason(), triageDueAt, c.actor(), c.at(), link(c.signed()));
        }
        if (command instanceof RequestDeadlineExtensionCommand c) {
            requestedDueAt = c.requestedDueAt();
            return new DeadlineExtensionRequested(
                    id,
                    forwards,
                    department,
                    forwardDueAt,
                    c.requestedDueAt(),
                    c.reason(),
                    c.actor(),
                    c.at(),
                    link(c.signed()));
        }
        if (command instanceof ExtendDeadlineCommand c) {
            Instant previous = forwardDueAt;
            forwardDueAt = c.newDueAt();
            requestedDueAt = null;
            return new DeadlineExtended(
                    id, forwards, department, previous, c.newDueAt(), c.actor(), c.at(), link(c.signed()));
        }
        if (command instanceof RefuseDeadlineExtensionCommand c) {
            Instant requested = requestedDueAt;
            requestedDueAt = null;
            return new DeadlineExtensionRefused(
                    id, forwards, department, requested, c.reason(), c.actor(), c.at(), link(c.signed()));
        }
        if (command instanceof AnswerDialogueCommand c) {
            boolean viaForward = status == DialogueStatus.FORWARDED;
            Instant dueAt = viaForward ? forwardDueAt : triageDueAt;
            status = DialogueStatus.ANSWERED;
            requestedDueAt = null;
            answered = new DialogueAnswered(
                    id,
                    c.answer(),
                    c.actor().agency(),
                    viaForward,
                    dueAt,
                    !c.at().isAfter(dueAt),
                    c.actor(),
                    c.at(),
                    link(c.signed()));
            return answered;
        }
        if (command instanceof PublishAnswerCommand c) {
            return new AnswerPublished(
                    id,
                    asked.tenant(),
                    asked.topic(),
                    asked.subject(),
                    asked.body(),
                    answered.answer(),
                    answered.answeringAgency(),
                    answered.at(),
                    c.actor(),
                    c.at(),
                    link(c.signed()));
        }
        if (command instanceof PublishRedactedAnswerCommand c) {
            return new AnswerPublished(
                    id,
                    asked.tenant(),
                    asked.topic(),
                    c.subject(),
                    c.question(),
                    c.answer(),
                    answered.answeringAgency(),
                    answered.at(),
                    new Redaction(c.questionSha256(), c.answerSha256()),
                    c.actor(),
                    c.at(),
                    link(c.signed()));
        }
        if (command instanceof KeepAnswerPrivateCommand c) {
            return new AnswerKeptPrivate(id, c.reason(), answered.at(), c.actor(), c.at(), link(c.signed()));
        }
        if (command instanceof WithdrawPublicationCommand c) {
            return new PublicationWithdrawn(id, c.reason(), c.actor(), c.at(), link(c.signed()));
        }
        if (command instanceof RejectDialogueCommand c) {
            status = DialogueStatus.REJECTED;
            return new DialogueRejected(id, c.code(), c.reason(), c.actor(), c.at(), link(c.signed()));
        }
        if (command instanceof EscalateDialogueCommand c) {
            String responsible = c.step() == EscalationStep.TRIAGE ? asked.moderatorAgency() : department;
            return new DialogueEscalated(
                    id,
                    c.step(),
                    c.level(),
                    c.escalatedTo(),
                    c.dueAt(),
                    responsible,
                    c.actor(),
                    c.at(),
                    link(c.signed()));
        }
        if (command instanceof RateSatisfactionCommand c) {
            return new SatisfactionRated(
                    id, c.rating(), c.comment(), answered.answeringAgency(), c.actor(), c.at(), link(c.signed()));
        }
        if (command instanceof ReopenDialogueCommand c) {
            status = DialogueStatus.AWAITING_TRIAGE;
            triageDueAt = c.triageDueAt();
            return new DialogueReopened(id, c.reason(), c.triageDueAt(), c.actor(), c.at(), link(c.signed()));
        }
        if (command instanceof CloseDialogueCommand c) {
            status = DialogueStatus.CLOSED;
            requestedDueAt = null;
            return new DialogueClosed(id, c.reason(), c.reopenableUntil(), c.actor(), c.at(), link(c.signed()));
        }
        throw new IllegalArgumentException("not a dialogue command: " + command);
    }
}
