package vn.edialog.query.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.dialogue.api.AnswerKeptPrivate;
import vn.edialog.command.dialogue.api.AnswerPublished;
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
import vn.edialog.command.dialogue.api.PublicationWithdrawn;
import vn.edialog.command.dialogue.api.Redaction;
import vn.edialog.command.dialogue.api.RejectionReason;
import vn.edialog.command.dialogue.api.SatisfactionRated;

/**
 * Builds one dialogue's events as the aggregate would record them: sequence numbers from 0, the evidence hash chain,
 * and payloads really signed with the test PKI. It tracks just enough state (open forward, due dates, the answer) to
 * fill each event; it does not re-check the aggregate's rules.
 */
public final class Story {

    private final UUID id;
    private final List<Recorded> events = new ArrayList<>();
    private String lastHash = EvidenceChain.GENESIS;

    private String tenant = Parties.TENANT;
    private String moderator = Parties.UBND;
    private String topic = "thue";
    private boolean confidential;
    private String trackingCode;

    private Actor asker;
    private String subject;
    private String question;
    private Instant triageDueAt;
    private DialogueStatus status;
    private DialogueStatus resumeAfterClarification;
    private int forwards;
    private String department;
    private Instant forwardDueAt;
    private boolean forwardOpen;
    private String answer;
    private String answeringAgency;
    private Instant answeredAt;

    private Story(String name) {
        this.id = UUID.nameUUIDFromBytes(("dialogue:" + name).getBytes(StandardCharsets.UTF_8));
        this.trackingCode = "HS-" + name.toUpperCase().replaceAll("[^A-Z0-9]", "");
    }

    /** A dialogue whose id (and tracking code) derive from {@code name}: the same name gives the same dialogue. */
    public static Story dialogue(String name) {
        return new Story(name);
    }

    public Story tenant(String tenant) {
        this.tenant = tenant;
        return this;
    }

    public Story topic(String topic) {
        this.topic = topic;
        return this;
    }

    public Story confidential() {
        this.confidential = true;
        return this;
    }

    public Story asked(Actor asker, String subject, String question, Instant at, Instant triageDueAt) {
        this.asker = asker;
        this.subject = subject;
        this.question = question;
        this.triageDueAt = triageDueAt;
        this.status = DialogueStatus.AWAITING_TRIAGE;
        return record(
                asker,
                at,
                evidence -> new DialogueAsked(
                        id,
                        tenant,
                        trackingCode,
                        topic,
                        subject,
                        question,
                        confidential,
                        List.of(),
                        moderator,
                        triageDueAt,
                        asker,
                        at,
                        evidence));
    }

    public Story clarificationRequested(Instant at, Instant dueAt) {
        String by = forwardOpen ? department : moderator;
        resumeAfterClarification = status;
        status = DialogueStatus.AWAITING_CLARIFICATION;
        Actor actor = Parties.official(by);
        return record(
                actor,
                at,
                evidence -> new ClarificationRequested(id, "Đề nghị bổ sung giấy tờ", dueAt, by, actor, at, evidence));
    }

    public Story clarificationProvided(Instant at) {
        DialogueStatus resumed = resumeAfterClarification;
        status = resumed;
        return record(asker, at, evidence -> new ClarificationProvided(id, "Đã bổ sung", resumed, asker, at, evidence));
    }

    public Story forwarded(String department, Instant at, Instant dueAt) {
        this.forwards++;
        this.department = department;
        this.forwardDueAt = dueAt;
        this.forwardOpen = true;
        this.status = DialogueStatus.FORWARDED;
        int number = forwards;
        Actor actor = Parties.official(moderator);
        return record(
                actor,
                at,
                evidence ->
                        new DialogueForwarded(id, number, department, "Đề nghị trả lời", dueAt, actor, at, evidence));
    }

    public Story acknowledged(Instant at) {
        Actor actor = Parties.official(department);
        int number = forwards;
        String dept = department;
        Instant due = forwardDueAt;
        return record(actor, at, evidence -> new ForwardAcknowledged(id, number, dept, due, actor, at, evidence));
    }

    /** A return as revision 1 recorded it: triage due again at the recorded triage deadline. */
    public Story returned(String reason, Instant at) {
        return returned(reason, at, null);
    }

    /** A return that gives the moderator triage again until {@code triageDueAt}. */
    public Story returned(String reason, Instant at, Instant triageDueAt) {
        Actor actor = Parties.official(department);
        int number = forwards;
        String dept = department;
        forwardOpen = false;
        status = DialogueStatus.AWAITING_TRIAGE;
        if (triageDueAt != null) {
            this.triageDueAt = triageDueAt;
        }
        return record(
                actor, at, evidence -> new ForwardReturned(id, number, dept, reason, triageDueAt, actor, at, evidence));
    }

    public Story extensionRequested(Instant at, Instant requestedDueAt) {
        Actor actor = Parties.official(department);
        int number = forwards;
        String dept = department;
        Instant current = forwardDueAt;
        return record(
                actor,
                at,
                evidence -> new DeadlineExtensionRequested(
                        id, number, dept, current, requestedDueAt, "Cần xin ý kiến liên ngành", actor, at, evidence));
    }

    public Story extended(Instant at, Instant newDueAt) {
        Actor actor = Parties.official(moderator);
        int number = forwards;
        String dept = department;
        Instant previous = forwardDueAt;
        forwardDueAt = newDueAt;
        return record(
                actor, at, evidence -> new DeadlineExtended(id, number, dept, previous, newDueAt, actor, at, evidence));
    }

    public Story extensionRefused(Instant at, Instant requestedDueAt) {
        Actor actor = Parties.official(moderator);
        int number = forwards;
        String dept = department;
        return record(
                actor,
                at,
                evidence -> new DeadlineExtensionRefused(
                        id, number, dept, requestedDueAt, "Không đủ căn cứ", actor, at, evidence));
    }

    public Story answered(String answer, Instant at) {
        boolean viaForward = forwardOpen;
        String agency = viaForward ? department : moderator;
        Instant due = viaForward ? forwardDueAt : triageDueAt;
        this.answer = answer;
        this.answeringAgency = agency;
        this.answeredAt = at;
        this.forwardOpen = false;
        this.status = DialogueStatus.ANSWERED;
        Actor actor = Parties.official(agency);
        return record(
                actor,
                at,
                evidence -> new DialogueAnswered(
                        id, answer, agency, viaForward, due, !at.isAfter(due), actor, at, evidence));
    }

    /** The moderator publishes the current answer (the command side would refuse for a confidential dialogue). */
    public Story published(Instant at) {
        Actor actor = Parties.official(moderator);
        String text = answer;
        String agency = answeringAgency;
        Instant answered = answeredAt;
        return record(
                actor,
                at,
                evidence -> new AnswerPublished(
                        id, tenant, topic, subject, question, text, agency, answered, actor, at, evidence));
    }

    /** The moderator publishes redacted texts of the current answer (hashes as the command side would name them). */
    public Story publishedRedacted(String redactedQuestion, String redactedAnswer, Instant at) {
        Actor actor = Parties.official(moderator);
        String agency = answeringAgency;
        Instant answered = answeredAt;
        Redaction redaction = new Redaction("a1".repeat(32), "b2".repeat(32));
        return record(
                actor,
                at,
                evidence -> new AnswerPublished(
                        id,
                        tenant,
                        topic,
                        subject,
                        redactedQuestion,
                        redactedAnswer,
                        agency,
                        answered,
                        redaction,
                        actor,
                        at,
                        evidence));
    }

    /** The moderator keeps the current answer off the portal. */
    public Story keptPrivate(Instant at) {
        Actor actor = Parties.official(moderator);
        Instant answered = answeredAt;
        return record(
                actor,
                at,
                evidence -> new AnswerKeptPrivate(id, "Hồ sơ cá nhân của người hỏi", answered, actor, at, evidence));
    }

    /** The moderator withdraws the published answer from the portal. */
    public Story withdrawn(Instant at) {
        Actor actor = Parties.official(moderator);
        return record(
                actor,
                at,
                evidence -> new PublicationWithdrawn(id, "Văn bản hướng dẫn hết hiệu lực", actor, at, evidence));
    }

    public Story rejected(Instant at) {
        Actor actor = Parties.official(moderator);
        status = DialogueStatus.REJECTED;
        return record(
                actor,
                at,
                evidence -> new DialogueRejected(
                        id, RejectionReason.OUT_OF_SCOPE, "Không thuộc thẩm quyền của tỉnh", actor, at, evidence));
    }

    /** The system escalates the open triage ("TRIAGE") or the open forward ("ANSWER"). */
    public Story escalated(String step, int level, Instant at) {
        boolean triage = "TRIAGE".equals(step);
        String responsible = triage ? moderator : department;
        Instant due = triage ? triageDueAt : forwardDueAt;
        return record(
                Parties.SYSTEM,
                at,
                evidence -> new DialogueEscalated(
                        id,
                        EscalationStep.valueOf(step),
                        level,
                        "lanh-dao-" + responsible,
                        due,
                        responsible,
                        Parties.SYSTEM,
                        at,
                        evidence));
    }

    public Story rated(int rating, Instant at) {
        String agency = answeringAgency;
        return record(asker, at, evidence -> new SatisfactionRated(id, rating, "Cảm ơn", agency, asker, at, evidence));
    }

    public Story reopened(Instant at, Instant triageDueAt) {
        this.triageDueAt = triageDueAt;
        this.status = DialogueStatus.AWAITING_TRIAGE;
        return record(
                asker,
                at,
                evidence -> new DialogueReopened(id, "Câu trả lời chưa rõ", triageDueAt, asker, at, evidence));
    }

    /** Closes the dialogue: by the moderator when answered, by the system when a clarification timed out. */
    public Story closed(Instant at) {
        boolean timeout = status == DialogueStatus.AWAITING_CLARIFICATION;
        Actor actor = timeout ? Parties.SYSTEM : Parties.official(moderator);
        CloseReason reason = timeout ? CloseReason.CLARIFICATION_TIMEOUT : CloseReason.ANSWERED;
        forwardOpen = false;
        status = DialogueStatus.CLOSED;
        Instant until = at.plusSeconds(30L * 24 * 3600);
        return record(actor, at, evidence -> new DialogueClosed(id, reason, until, actor, at, evidence));
    }

    public UUID id() {
        return id;
    }

    public String trackingCode() {
        return trackingCode;
    }

    public List<Recorded> events() {
        return List.copyOf(events);
    }

    private Story record(Actor signer, Instant at, java.util.function.Function<Evidence, Object> event) {
        long sequence = events.size();
        String payload = "{\"dialogueId\":\"" + id + "\",\"sequence\":" + sequence + ",\"signedAt\":\"" + at
                + "\",\"signer\":\"" + signer.id() + "\",\"tenant\":\"" + tenant + "\"}";
        Evidence evidence = EvidenceChain.link(lastHash, TestKeys.sign(signer, payload));
        lastHash = evidence.hash();
        events.add(new Recorded(sequence, event.apply(evidence)));
        return this;
    }

    /** The events of several dialogues interleaved as a processor might see them: ordered per dialogue. */
    public static List<Recorded> interleaved(Story... stories) {
        List<Recorded> all = new ArrayList<>();
        int longest = 0;
        for (Story story : stories) {
            longest = Math.max(longest, story.events.size());
        }
        for (int i = 0; i < longest; i++) {
            for (Story story : stories) {
                if (i < story.events.size()) {
                    all.add(story.events.get(i));
                }
            }
        }
        return all;
    }
}
