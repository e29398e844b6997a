package vn.edialog.command.dialogue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.edialog.command.dialogue.api.AcknowledgeForwardCommand;
import vn.edialog.command.dialogue.api.ActionNotAllowed;
import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.dialogue.api.ActorNotAuthorized;
import vn.edialog.command.dialogue.api.AnswerDialogueCommand;
import vn.edialog.command.dialogue.api.AnswerPublished;
import vn.edialog.command.dialogue.api.AskDialogueCommand;
import vn.edialog.command.dialogue.api.ClarificationProvided;
import vn.edialog.command.dialogue.api.ClarificationRequested;
import vn.edialog.command.dialogue.api.CloseDialogueCommand;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.dialogue.api.DeadlineExtended;
import vn.edialog.command.dialogue.api.DeadlineExtensionRefused;
import vn.edialog.command.dialogue.api.DeadlineExtensionRequested;
import vn.edialog.command.dialogue.api.DialogueAlreadyClosed;
import vn.edialog.command.dialogue.api.DialogueAnswered;
import vn.edialog.command.dialogue.api.DialogueAsked;
import vn.edialog.command.dialogue.api.DialogueClosed;
import vn.edialog.command.dialogue.api.DialogueEscalated;
import vn.edialog.command.dialogue.api.DialogueForwarded;
import vn.edialog.command.dialogue.api.DialogueRejected;
import vn.edialog.command.dialogue.api.DialogueReopened;
import vn.edialog.command.dialogue.api.DialogueStatus;
import vn.edialog.command.dialogue.api.EscalateDialogueCommand;
import vn.edialog.command.dialogue.api.Evidence;
import vn.edialog.command.dialogue.api.EvidenceChain;
import vn.edialog.command.dialogue.api.ExtendDeadlineCommand;
import vn.edialog.command.dialogue.api.ForwardAcknowledged;
import vn.edialog.command.dialogue.api.ForwardDialogueCommand;
import vn.edialog.command.dialogue.api.ForwardReturned;
import vn.edialog.command.dialogue.api.InvalidCommand;
import vn.edialog.command.dialogue.api.ProvideClarificationCommand;
import vn.edialog.command.dialogue.api.PublishAnswerCommand;
import vn.edialog.command.dialogue.api.RateSatisfactionCommand;
import vn.edialog.command.dialogue.api.RefuseDeadlineExtensionCommand;
import vn.edialog.command.dialogue.api.RejectDialogueCommand;
import vn.edialog.command.dialogue.api.ReopenDialogueCommand;
import vn.edialog.command.dialogue.api.RequestClarificationCommand;
import vn.edialog.command.dialogue.api.RequestDeadlineExtensionCommand;
import vn.edialog.command.dialogue.api.ReturnForwardCommand;
import vn.edialog.command.dialogue.api.SatisfactionRated;
import vn.edialog.command.dialogue.api.SignedPayload;
import vn.edialog.command.dialogue.api.TextLimits;

/**
 * One dialogue between an asker and the province. Command handlers check, in order: the inputs, that the dialogue is
 * not closed or rejected, the acting party, then the state; only then is one event applied, linked into the evidence
 * chain. Handlers never read a clock: time comes in the command.
 */
class Dialogue {

    static final String STEP_TRIAGE = "TRIAGE";
    static final String STEP_ANSWER = "ANSWER";

    @AggregateIdentifier
    private UUID dialogueId;

    private String lastHash;
    private DialogueStatus status;
    private ActorKind askerKind;
    private String askerId;
    private String moderatorAgency;
    private boolean confidential;
    private String tenant;
    private String topic;
    private String subject;
    private String question;
    private Instant triageDueAt;

    /** The status to resume when the pending clarification is provided. */
    private DialogueStatus resumeAfterClarification;

    private int forwardCount;
    private boolean forwardOpen;
    private String forwardDepartment;
    private Instant forwardDueAt;
    private boolean forwardAcknowledged;
    private Instant extensionRequestedDueAt;

    private String answer;
    private String answeringAgency;
    private Instant answeredAt;
    private boolean answerPublished;
    private boolean answerRated;

    private Instant reopenableUntil;
    private int triageEscalationLevel;
    private int answerEscalationLevel;

    Dialogue() {
        // For Axon: the aggregate is rebuilt from its events.
    }

    @CommandHandler
    Dialogue(AskDialogueCommand command) {
        Inputs.required("dialogueId", command.dialogueId());
        Inputs.envelope(command.actor(), command.at(), command.signed());
        Inputs.code("tenant", command.tenant());
        Inputs.text("trackingCode", command.trackingCode(), Inputs.CODE_MAX);
        Inputs.code("topic", command.topic());
        Inputs.text("subject", command.subject(), Inputs.SUBJECT_MAX);
        Inputs.text("body", command.body(), Inputs.TEXT_MAX);
        Inputs.attachments(command.attachments());
        Inputs.code("moderatorAgency", command.moderatorAgency());
        Inputs.after("triageDueAt", command.triageDueAt(), command.at());
        if (!Inputs.isAsker(command.actor().kind())) {
            throw ActorNotAuthorized.forbidden("ask", command.actor(), "a business or a citizen");
        }
        apply(new DialogueAsked(
                command.dialogueId(),
                command.tenant(),
                command.trackingCode(),
                command.topic(),
                command.subject(),
                command.body(),
                command.confidential(),
                command.attachments(),
                command.moderatorAgency(),
                command.triageDueAt(),
                command.actor(),
                command.at(),
                EvidenceChain.link(EvidenceChain.GENESIS, command.signed())));
    }

    @CommandHandler
    void handle(RequestClarificationCommand command) {
        String action = "request-clarification";
        Inputs.envelope(command.actor(), command.at(), command.signed());
        Inputs.text("request", command.request(), Inputs.TEXT_MAX);
        Inputs.after("dueAt", command.dueAt(), command.at());
        refuseWhenFinished(action);
        if (status == DialogueStatus.AWAITING_TRIAGE) {
            requireModerator(action, command.actor());
        } else if (status == DialogueStatus.FORWARDED) {
            requireDepartment(action, command.actor());
        } else {
            throw new ActionNotAllowed(status, action);
        }
        apply(new ClarificationRequested(
                dialogueId,
                command.request(),
                command.dueAt(),
                command.actor().agency(),
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    void handle(ProvideClarificationCommand command) {
        String action = "provide-clarification";
        Inputs.envelope(command.actor(), command.at(), command.signed());
        Inputs.text("text", command.text(), Inputs.TEXT_MAX);
        refuseWhenFinished(action);
        requireAsker(action, command.actor());
        requireStatus(action, DialogueStatus.AWAITING_CLARIFICATION);
        apply(new ClarificationProvided(
                dialogueId,
                command.text(),
                resumeAfterClarification,
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    void handle(ForwardDialogueCommand command) {
        String action = "forward";
        Inputs.envelope(command.actor(), command.at(), command.signed());
        Inputs.code("department", command.department());
        Inputs.text("note", command.note(), Inputs.REASON_MAX);
        Inputs.after("dueAt", command.dueAt(), command.at());
        refuseWhenFinished(action);
        requireModerator(action, command.actor());
        requireStatus(action, DialogueStatus.AWAITING_TRIAGE);
        if (command.department().equals(moderatorAgency)) {
            throw new InvalidCommand("department", "the moderator cannot forward to itself");
        }
        apply(new DialogueForwarded(
                dialogueId,
                forwardCount + 1,
                command.department(),
                command.note(),
                command.dueAt(),
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    void handle(AcknowledgeForwardCommand command) {
        String action = "acknowledge-forward";
        Inputs.envelope(command.actor(), command.at(), command.signed());
        refuseWhenFinished(action);
        requireOpenForward(action);
        requireDepartment(action, command.actor());
        if (forwardAcknowledged) {
            throw new ActionNotAllowed(status, action, "forward " + forwardCount + " is already acknowledged");
        }
        apply(new ForwardAcknowledged(
                dialogueId,
                forwardCount,
                forwardDepartment,
                forwardDueAt,
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    void handle(ReturnForwardCommand command) {
        String action = "return-forward";
        Inputs.envelope(command.actor(), command.at(), command.signed());
        Inputs.text("reason", command.reason(), Inputs.REASON_MAX);
        refuseWhenFinished(action);
        requireOpenForward(action);
        requireDepartment(action, command.actor());
        requireStatus(action, DialogueStatus.FORWARDED);
        apply(new ForwardReturned(
                dialogueId,
                forwardCount,
                forwardDepartment,
                command.reason(),
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    void handle(RequestDeadlineExtensionCommand command) {
        String action = "request-deadline-extension";
        Inputs.envelope(command.actor(), command.at(), command.signed());
        Inputs.after("requestedDueAt", command.requestedDueAt(), command.at());
        Inputs.text("reason", command.reason(), Inputs.REASON_MAX);
        refuseWhenFinished(action);
        requireOpenForward(action);
        requireDepartment(action, command.actor());
        if (extensionRequestedDueAt != null) {
            throw new ActionNotAllowed(status, action, "an extension request is already pending");
        }
        if (!command.requestedDueAt().isAfter(forwardDueAt)) {
            throw new InvalidCommand("requestedDueAt", "must be after the current due date " + forwardDueAt);
        }
        apply(new DeadlineExtensionRequested(
                dialogueId,
                forwardCount,
                forwardDepartment,
                forwardDueAt,
                command.requestedDueAt(),
                command.reason(),
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    void handle(ExtendDeadlineCommand command) {
        String action = "extend-deadline";
        Inputs.envelope(command.actor(), command.at(), command.signed());
        Inputs.after("newDueAt", command.newDueAt(), command.at());
        refuseWhenFinished(action);
        requireModerator(action, command.actor());
        requirePendingExtension(action);
        if (!command.newDueAt().isAfter(forwardDueAt)) {
            throw new InvalidCommand("newDueAt", "must be after the current due date " + forwardDueAt);
        }
        apply(new DeadlineExtended(
                dialogueId,
                forwardCount,
                forwardDepartment,
                forwardDueAt,
                command.newDueAt(),
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    void handle(RefuseDeadlineExtensionCommand command) {
        String action = "refuse-deadline-extension";
        Inputs.envelope(command.actor(), command.at(), command.signed());
        Inputs.text("reason", command.reason(), Inputs.REASON_MAX);
        refuseWhenFinished(action);
        requireModerator(action, command.actor());
        requirePendingExtension(action);
        apply(new DeadlineExtensionRefused(
                dialogueId,
                forwardCount,
                forwardDepartment,
                extensionRequestedDueAt,
                command.reason(),
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    void handle(AnswerDialogueCommand command) {
        String action = "answer";
        Inputs.envelope(command.actor(), command.at(), command.signed());
        Inputs.text("answer", command.answer(), Inputs.TEXT_MAX);
        refuseWhenFinished(action);
        boolean viaForward;
        Instant dueAt;
        if (status == DialogueStatus.AWAITING_TRIAGE) {
            requireModerator(action, command.actor());
            viaForward = false;
            dueAt = triageDueAt;
        } else if (status == DialogueStatus.FORWARDED) {
            requireDepartment(action, command.actor());
            viaForward = true;
            dueAt = forwardDueAt;
        } else {
            throw new ActionNotAllowed(status, action);
        }
        apply(new DialogueAnswered(
                dialogueId,
                command.answer(),
                command.actor().agency(),
                viaForward,
                dueAt,
                !command.at().isAfter(dueAt),
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    void handle(PublishAnswerCommand command) {
        String action = "publish-answer";
        Inputs.envelope(command.actor(), command.at(), command.signed());
        refuseWhenFinished(action);
        requireModerator(action, command.actor());
        requireStatus(action, DialogueStatus.ANSWERED);
        if (confidential) {
            throw new ActionNotAllowed(status, action, "a confidential dialogue is never published");
        }
        if (answerPublished) {
            throw new ActionNotAllowed(status, action, "the answer is already published");
        }
        apply(new AnswerPublished(
                dialogueId,
                tenant,
                topic,
                subject,
                question,
                answer,
                answeringAgency,
                answeredAt,
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    void handle(RejectDialogueCommand command) {
        String action = "reject";
        Inputs.envelope(command.actor(), command.at(), command.signed());
        Inputs.required("code", command.code());
        Inputs.text("reason", command.reason(), Inputs.REASON_MAX);
        refuseWhenFinished(action);
        requireModerator(action, command.actor());
        requireStatus(action, DialogueStatus.AWAITING_TRIAGE);
        apply(new DialogueRejected(
                dialogueId,
                command.code(),
                command.reason(),
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    void handle(EscalateDialogueCommand command) {
        String action = "escalate";
        Inputs.envelope(command.actor(), command.at(), command.signed());
        Inputs.required("step", command.step());
        if (!STEP_TRIAGE.equals(command.step()) && !STEP_ANSWER.equals(command.step())) {
            throw new InvalidCommand("step", "expected " + STEP_TRIAGE + " or " + STEP_ANSWER);
        }
        if (command.level() < 1) {
            throw new InvalidCommand("level", "must be at least 1");
        }
        Inputs.text("escalatedTo", command.escalatedTo(), TextLimits.ACTOR_ID_MAX);
        Inputs.required("dueAt", command.dueAt());
        if (command.dueAt().isAfter(command.at())) {
            throw new InvalidCommand("dueAt", "the deadline has not passed at " + command.at());
        }
        refuseWhenFinished(action);
        if (command.actor().kind() != ActorKind.SYSTEM) {
            throw ActorNotAuthorized.forbidden(action, command.actor(), "the system");
        }
        boolean triage = STEP_TRIAGE.equals(command.step());
        // Triage is open until forwarded, answered or rejected, and an answer is owed while a forward is open;
        // a pending clarification does not close either step.
        boolean open = triage
                ? !forwardOpen
                        && (status == DialogueStatus.AWAITING_TRIAGE || status == DialogueStatus.AWAITING_CLARIFICATION)
                : forwardOpen;
        if (!open) {
            throw new ActionNotAllowed(status, action, "step " + command.step() + " is not open");
        }
        int last = triage ? triageEscalationLevel : answerEscalationLevel;
        if (command.level() <= last) {
            throw new ActionNotAllowed(
                    status, action, "step " + command.step() + " is already escalated to level " + last);
        }
        apply(new DialogueEscalated(
                dialogueId,
                command.step(),
                command.level(),
                command.escalatedTo(),
                command.dueAt(),
                triage ? moderatorAgency : forwardDepartment,
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    void handle(RateSatisfactionCommand command) {
        String action = "rate-satisfaction";
        Inputs.envelope(command.actor(), command.at(), command.signed());
        if (command.rating() < 1 || command.rating() > 5) {
            throw new InvalidCommand("rating", "must be between 1 and 5");
        }
        Inputs.optionalText("comment", command.comment(), Inputs.REASON_MAX);
        refuseWhenFinished(action);
        requireAsker(action, command.actor());
        requireStatus(action, DialogueStatus.ANSWERED);
        if (answerRated) {
            throw new ActionNotAllowed(status, action, "the answer is already rated");
        }
        apply(new SatisfactionRated(
                dialogueId,
                command.rating(),
                command.comment(),
                answeringAgency,
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    void handle(ReopenDialogueCommand command) {
        String action = "reopen";
        Inputs.envelope(command.actor(), command.at(), command.signed());
        Inputs.text("reason", command.reason(), TextLimits.REOPEN_REASON_MAX);
        Inputs.after("triageDueAt", command.triageDueAt(), command.at());
        if (status == DialogueStatus.REJECTED) {
            throw new ActionNotAllowed(status, action, "a rejected dialogue is final");
        }
        requireAsker(action, command.actor());
        requireStatus(action, DialogueStatus.CLOSED);
        if (command.at().isAfter(reopenableUntil)) {
            throw new DialogueAlreadyClosed(dialogueId, action, "the reopen window ended at " + reopenableUntil);
        }
        apply(new DialogueReopened(
                dialogueId,
                command.reason(),
                command.triageDueAt(),
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    void handle(CloseDialogueCommand command) {
        String action = "close";
        Inputs.envelope(command.actor(), command.at(), command.signed());
        Inputs.required("reason", command.reason());
        Inputs.required("reopenableUntil", command.reopenableUntil());
        if (command.reopenableUntil().isBefore(command.at())) {
            throw new InvalidCommand("reopenableUntil", "must not be before " + command.at());
        }
        refuseWhenFinished(action);
        if (command.reason() == CloseReason.ANSWERED) {
            requireModerator(action, command.actor());
        } else if (command.actor().kind() != ActorKind.SYSTEM) {
            throw ActorNotAuthorized.forbidden(action, command.actor(), "the system (" + command.reason() + ")");
        }
        DialogueStatus required = command.reason() == CloseReason.CLARIFICATION_TIMEOUT
                ? DialogueStatus.AWAITING_CLARIFICATION
                : DialogueStatus.ANSWERED;
        if (status != required) {
            throw new ActionNotAllowed(status, action, "closing for " + command.reason() + " needs " + required);
        }
        apply(new DialogueClosed(
                dialogueId,
                command.reason(),
                command.reopenableUntil(),
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    // ---- checks -----------------------------------------------------------------------------------------------

    private Evidence evidence(SignedPayload signed) {
        return EvidenceChain.link(lastHash, signed);
    }

    private void refuseWhenFinished(String action) {
        if (status == DialogueStatus.CLOSED) {
            throw new DialogueAlreadyClosed(dialogueId, action, null);
        }
        if (status == DialogueStatus.REJECTED) {
            throw new ActionNotAllowed(status, action, "a rejected dialogue is final");
        }
    }

    private void requireStatus(String action, DialogueStatus required) {
        if (status != required) {
            throw new ActionNotAllowed(status, action);
        }
    }

    private void requireOpenForward(String action) {
        if (!forwardOpen) {
            throw new ActionNotAllowed(status, action, "no open forward");
        }
    }

    private void requirePendingExtension(String action) {
        if (extensionRequestedDueAt == null) {
            throw new ActionNotAllowed(status, action, "no pending extension request");
        }
    }

    private void requireAsker(String action, Actor actor) {
        if (actor.kind() == askerKind && actor.id().equals(askerId)) {
            return;
        }
        if (Inputs.isAsker(actor.kind())) {
            throw ActorNotAuthorized.identityMismatch(action, actor);
        }
        throw ActorNotAuthorized.forbidden(action, actor, "the asker");
    }

    private void requireModerator(String action, Actor actor) {
        if (actor.kind() != ActorKind.OFFICIAL || !moderatorAgency.equals(actor.agency())) {
            throw ActorNotAuthorized.forbidden(action, actor, "the moderator " + moderatorAgency);
        }
    }

    private void requireDepartment(String action, Actor actor) {
        if (!forwardOpen || actor.kind() != ActorKind.OFFICIAL || !forwardDepartment.equals(actor.agency())) {
            throw ActorNotAuthorized.forbidden(
                    action, actor, forwardOpen ? "the department " + forwardDepartment : "a department");
        }
    }

    // ---- state ------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(DialogueAsked event) {
        dialogueId = event.dialogueId();
        status = DialogueStatus.AWAITING_TRIAGE;
        askerKind = event.actor().kind();
        askerId = event.actor().id();
        moderatorAgency = event.moderatorAgency();
        confidential = event.confidential();
        tenant = event.tenant();
        topic = event.topic();
        subject = event.subject();
        question = event.body();
        triageDueAt = event.triageDueAt();
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(ClarificationRequested event) {
        resumeAfterClarification = status;
        status = DialogueStatus.AWAITING_CLARIFICATION;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(ClarificationProvided event) {
        status = event.resumedStatus();
        resumeAfterClarification = null;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(DialogueForwarded event) {
        status = DialogueStatus.FORWARDED;
        forwardCount = event.forwardNumber();
        forwardOpen = true;
        forwardDepartment = event.department();
        forwardDueAt = event.dueAt();
        forwardAcknowledged = false;
        extensionRequestedDueAt = null;
        answerEscalationLevel = 0;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(ForwardAcknowledged event) {
        forwardAcknowledged = true;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(ForwardReturned event) {
        closeForward();
        status = DialogueStatus.AWAITING_TRIAGE;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(DeadlineExtensionRequested event) {
        extensionRequestedDueAt = event.requestedDueAt();
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(DeadlineExtended event) {
        forwardDueAt = event.newDueAt();
        extensionRequestedDueAt = null;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(DeadlineExtensionRefused event) {
        extensionRequestedDueAt = null;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(DialogueAnswered event) {
        closeForward();
        status = DialogueStatus.ANSWERED;
        answer = event.answer();
        answeringAgency = event.answeringAgency();
        answeredAt = event.at();
        answerPublished = false;
        answerRated = false;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(AnswerPublished event) {
        answerPublished = true;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(DialogueRejected event) {
        status = DialogueStatus.REJECTED;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(DialogueEscalated event) {
        if (STEP_TRIAGE.equals(event.step())) {
            triageEscalationLevel = event.level();
        } else {
            answerEscalationLevel = event.level();
        }
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(SatisfactionRated event) {
        answerRated = true;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(DialogueReopened event) {
        status = DialogueStatus.AWAITING_TRIAGE;
        triageDueAt = event.triageDueAt();
        triageEscalationLevel = 0;
        reopenableUntil = null;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(DialogueClosed event) {
        closeForward();
        status = DialogueStatus.CLOSED;
        resumeAfterClarification = null;
        reopenableUntil = event.reopenableUntil();
        chain(event.evidence());
    }

    private void closeForward() {
        forwardOpen = false;
        forwardAcknowledged = false;
        extensionRequestedDueAt = null;
    }

    private void chain(Evidence evidence) {
        lastHash = evidence.hash();
    }
}
