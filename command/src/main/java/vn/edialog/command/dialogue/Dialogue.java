package vn.edialog.command.dialogue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import vn.edialog.command.dialogue.api.AcknowledgeForwardCommand;
import vn.edialog.command.dialogue.api.ActionNotAllowed;
import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.dialogue.api.ActorNotAuthorized;
import vn.edialog.command.dialogue.api.AnswerDialogueCommand;
import vn.edialog.command.dialogue.api.AnswerKeptPrivate;
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
import vn.edialog.command.dialogue.api.ErasePersonalDataCommand;
import vn.edialog.command.dialogue.api.EscalateDialogueCommand;
import vn.edialog.command.dialogue.api.EscalationStep;
import vn.edialog.command.dialogue.api.Evidence;
import vn.edialog.command.dialogue.api.EvidenceChain;
import vn.edialog.command.dialogue.api.ExtendDeadlineCommand;
import vn.edialog.command.dialogue.api.ForwardAcknowledged;
import vn.edialog.command.dialogue.api.ForwardDialogueCommand;
import vn.edialog.command.dialogue.api.ForwardReturned;
import vn.edialog.command.dialogue.api.InvalidCommand;
import vn.edialog.command.dialogue.api.KeepAnswerPrivateCommand;
import vn.edialog.command.dialogue.api.PersonalDataErased;
import vn.edialog.command.dialogue.api.ProvideClarificationCommand;
import vn.edialog.command.dialogue.api.PublicationWithdrawn;
import vn.edialog.command.dialogue.api.PublishAnswerCommand;
import vn.edialog.command.dialogue.api.PublishRedactedAnswerCommand;
import vn.edialog.command.dialogue.api.RateSatisfactionCommand;
import vn.edialog.command.dialogue.api.Recorded;
import vn.edialog.command.dialogue.api.Redaction;
import vn.edialog.command.dialogue.api.RefuseDeadlineExtensionCommand;
import vn.edialog.command.dialogue.api.RejectDialogueCommand;
import vn.edialog.command.dialogue.api.ReopenDialogueCommand;
import vn.edialog.command.dialogue.api.RequestClarificationCommand;
import vn.edialog.command.dialogue.api.RequestDeadlineExtensionCommand;
import vn.edialog.command.dialogue.api.ReturnForwardCommand;
import vn.edialog.command.dialogue.api.SatisfactionRated;
import vn.edialog.command.dialogue.api.SignedPayload;
import vn.edialog.command.dialogue.api.TextLimits;
import vn.edialog.command.dialogue.api.WithdrawPublicationCommand;
import vn.edialog.command.dialogue.lifecycle.Action;
import vn.edialog.command.dialogue.lifecycle.DialogueLifecycle;
import vn.edialog.command.dialogue.lifecycle.Stage;

/**
 * One dialogue between an asker and the province. Command handlers check, in order: the inputs, that the dialogue is
 * not closed or rejected, the acting party, then the stage ({@link DialogueLifecycle}, the one transition table);
 * only then is one event applied, linked into the evidence chain. Every event moves the stage by the same table.
 * Every handler answers with the {@link Recorded} sequence and hash of its event. Handlers never read a clock: time
 * comes in the command.
 */
class Dialogue {

    @AggregateIdentifier
    private UUID dialogueId;

    /** The sequence number of the last event applied: -1 before the first, as Axon numbers events from 0. */
    private long sequence = -1;

    private String lastHash;
    private Stage stage;
    private ActorKind askerKind;
    private String askerId;
    private String moderatorAgency;
    private boolean confidential;
    /**
     * The ask was sealed, and so is every later message (a confidential dialogue asked before its content was
     * encrypted keeps its payloads, and goes on so).
     */
    private boolean sealed;
    /** A sealed dialogue whose content was erased: final, whatever its stage. */
    private boolean erased;

    private String tenant;
    private String topic;
    private String subject;
    private String question;
    private Instant triageDueAt;

    private int forwardCount;
    private String forwardDepartment;
    private Instant forwardDueAt;
    private boolean forwardAcknowledged;
    private Instant extensionRequestedDueAt;

    private String answer;
    private String answeringAgency;
    private Instant answeredAt;
    /** The moderator decided (published or kept private) on the latest answer. */
    private boolean publicationDecided;
    /** Some answer of this dialogue is on the portal (published and not withdrawn). */
    private boolean onPortal;

    private boolean publicationConsent;
    private String askedPayloadSha256;
    private String answeredPayloadSha256;
    private boolean answerRated;

    private Instant reopenableUntil;
    private int triageEscalationLevel;
    private int answerEscalationLevel;

    Dialogue() {
        // For Axon: the aggregate is rebuilt from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    Recorded handle(AskDialogueCommand command) {
        Inputs.required("dialogueId", command.dialogueId());
        Inputs.envelope(command.actor(), command.at(), command.signed());
        Inputs.code("tenant", command.tenant());
        Inputs.text("trackingCode", command.trackingCode(), Inputs.CODE_MAX);
        Inputs.code("topic", command.topic());
        if (command.signed().sealed() != command.confidential()) {
            throw new InvalidCommand(
                    "signed",
                    command.confidential()
                            ? "a confidential ask keeps its payload sealed"
                            : "only a confidential dialogue's messages are sealed");
        }
        if (command.confidential()) {
            sealedContent("subject", command.subject());
            sealedContent("body", command.body());
            if (!command.attachments().isEmpty()) {
                throw new InvalidCommand(
                        "attachments", "a confidential ask lists its attachments in the sealed payload");
            }
        } else {
            Inputs.text("subject", command.subject(), Inputs.SUBJECT_MAX);
            Inputs.text("body", command.body(), Inputs.TEXT_MAX);
            Inputs.attachments(command.attachments());
        }
        Inputs.code("moderatorAgency", command.moderatorAgency());
        Inputs.after("triageDueAt", command.triageDueAt(), command.at());
        if (!Inputs.isAsker(command.actor().kind())) {
            throw ActorNotAuthorized.forbidden("ask", command.actor(), "a business or a citizen");
        }
        return record(new DialogueAsked(
                command.dialogueId(),
                command.tenant(),
                command.trackingCode(),
                command.topic(),
                command.subject(),
                command.body(),
                command.confidential(),
                command.publicationConsent(),
                command.attachments(),
                command.moderatorAgency(),
                command.triageDueAt(),
                command.actor(),
                command.at(),
                EvidenceChain.link(EvidenceChain.GENESIS, command.signed())));
    }

    @CommandHandler
    Recorded handle(RequestClarificationCommand command) {
        String action = "request-clarification";
        envelope(command.actor(), command.at(), command.signed());
        content("request", command.request(), Inputs.TEXT_MAX);
        Inputs.after("dueAt", command.dueAt(), command.at());
        refuseWhenFinished(action);
        if (stage == Stage.TRIAGE) {
            requireModerator(action, command.actor());
        } else if (stage == Stage.FORWARDED) {
            requireDepartment(action, command.actor());
        }
        requireStage(Action.REQUEST_CLARIFICATION);
        return record(new ClarificationRequested(
                dialogueId,
                command.request(),
                command.dueAt(),
                command.actor().agency(),
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    Recorded handle(ProvideClarificationCommand command) {
        String action = "provide-clarification";
        envelope(command.actor(), command.at(), command.signed());
        content("text", command.text(), Inputs.TEXT_MAX);
        refuseWhenFinished(action);
        requireAsker(action, command.actor());
        Stage resumed = requireStage(Action.PROVIDE_CLARIFICATION);
        return record(new ClarificationProvided(
                dialogueId,
                command.text(),
                resumed.status(),
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    Recorded handle(ForwardDialogueCommand command) {
        String action = "forward";
        envelope(command.actor(), command.at(), command.signed());
        Inputs.code("department", command.department());
        content("note", command.note(), Inputs.REASON_MAX);
        Inputs.after("dueAt", command.dueAt(), command.at());
        refuseWhenFinished(action);
        requireModerator(action, command.actor());
        requireStage(Action.FORWARD);
        if (command.department().equals(moderatorAgency)) {
            throw new InvalidCommand("department", "the moderator cannot forward to itself");
        }
        return record(new DialogueForwarded(
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
    Recorded handle(AcknowledgeForwardCommand command) {
        String action = "acknowledge-forward";
        envelope(command.actor(), command.at(), command.signed());
        refuseWhenFinished(action);
        requireOpenForward(action);
        requireDepartment(action, command.actor());
        requireStage(Action.ACKNOWLEDGE_FORWARD);
        if (forwardAcknowledged) {
            throw new ActionNotAllowed(status(), action, "forward " + forwardCount + " is already acknowledged");
        }
        return record(new ForwardAcknowledged(
                dialogueId,
                forwardCount,
                forwardDepartment,
                forwardDueAt,
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    Recorded handle(ReturnForwardCommand command) {
        String action = "return-forward";
        envelope(command.actor(), command.at(), command.signed());
        content("reason", command.reason(), Inputs.REASON_MAX);
        Inputs.after("triageDueAt", command.triageDueAt(), command.at());
        refuseWhenFinished(action);
        requireOpenForward(action);
        requireDepartment(action, command.actor());
        requireStage(Action.RETURN_FORWARD);
        return record(new ForwardReturned(
                dialogueId,
                forwardCount,
                forwardDepartment,
                command.reason(),
                // Never earlier than the recorded deadline: a return does not shorten the moderator's time.
                command.triageDueAt().isAfter(triageDueAt) ? command.triageDueAt() : triageDueAt,
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    Recorded handle(RequestDeadlineExtensionCommand command) {
        String action = "request-deadline-extension";
        envelope(command.actor(), command.at(), command.signed());
        Inputs.after("requestedDueAt", command.requestedDueAt(), command.at());
        content("reason", command.reason(), Inputs.REASON_MAX);
        refuseWhenFinished(action);
        requireOpenForward(action);
        requireDepartment(action, command.actor());
        requireStage(Action.REQUEST_EXTENSION);
        if (extensionRequestedDueAt != null) {
            throw new ActionNotAllowed(status(), action, "an extension request is already pending");
        }
        if (!command.requestedDueAt().isAfter(forwardDueAt)) {
            throw new InvalidCommand("requestedDueAt", "must be after the current due date " + forwardDueAt);
        }
        return record(new DeadlineExtensionRequested(
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
    Recorded handle(ExtendDeadlineCommand command) {
        String action = "extend-deadline";
        envelope(command.actor(), command.at(), command.signed());
        Inputs.after("newDueAt", command.newDueAt(), command.at());
        refuseWhenFinished(action);
        requireModerator(action, command.actor());
        requirePendingExtension(action);
        requireStage(Action.EXTEND_DEADLINE);
        if (!command.newDueAt().isAfter(forwardDueAt)) {
            throw new InvalidCommand("newDueAt", "must be after the current due date " + forwardDueAt);
        }
        return record(new DeadlineExtended(
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
    Recorded handle(RefuseDeadlineExtensionCommand command) {
        String action = "refuse-deadline-extension";
        envelope(command.actor(), command.at(), command.signed());
        content("reason", command.reason(), Inputs.REASON_MAX);
        refuseWhenFinished(action);
        requireModerator(action, command.actor());
        requirePendingExtension(action);
        requireStage(Action.REFUSE_EXTENSION);
        return record(new DeadlineExtensionRefused(
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
    Recorded handle(AnswerDialogueCommand command) {
        String action = "answer";
        envelope(command.actor(), command.at(), command.signed());
        content("answer", command.answer(), Inputs.TEXT_MAX);
        refuseWhenFinished(action);
        boolean viaForward = stage == Stage.FORWARDED;
        if (stage == Stage.TRIAGE) {
            requireModerator(action, command.actor());
        } else if (viaForward) {
            requireDepartment(action, command.actor());
        }
        requireStage(Action.ANSWER);
        Instant dueAt = viaForward ? forwardDueAt : triageDueAt;
        return record(new DialogueAnswered(
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
    Recorded handle(PublishAnswerCommand command) {
        String action = "publish-answer";
        envelope(command.actor(), command.at(), command.signed());
        requirePublicationDecision(action, command.actor());
        return record(new AnswerPublished(
                dialogueId,
                tenant,
                topic,
                subject,
                question,
                answer,
                answeringAgency,
                answeredAt,
                null,
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    Recorded handle(PublishRedactedAnswerCommand command) {
        String action = "publish-redacted-answer";
        envelope(command.actor(), command.at(), command.signed());
        Inputs.text("subject", command.subject(), Inputs.SUBJECT_MAX);
        Inputs.text("question", command.question(), Inputs.TEXT_MAX);
        Inputs.text("answer", command.answer(), Inputs.TEXT_MAX);
        Inputs.required("questionSha256", command.questionSha256());
        Inputs.required("answerSha256", command.answerSha256());
        requirePublicationDecision(action, command.actor());
        // The signer vouches for the redaction as derived from exactly these originals: refuse any other hashes.
        if (!command.questionSha256().equals(askedPayloadSha256)) {
            throw new InvalidCommand("questionSha256", "is not the SHA-256 of this dialogue's signed question");
        }
        if (!command.answerSha256().equals(answeredPayloadSha256)) {
            throw new InvalidCommand("answerSha256", "is not the SHA-256 of this dialogue's latest signed answer");
        }
        return record(new AnswerPublished(
                dialogueId,
                tenant,
                topic,
                command.subject(),
                command.question(),
                command.answer(),
                answeringAgency,
                answeredAt,
                new Redaction(command.questionSha256(), command.answerSha256()),
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    Recorded handle(KeepAnswerPrivateCommand command) {
        String action = "keep-answer-private";
        envelope(command.actor(), command.at(), command.signed());
        content("reason", command.reason(), Inputs.REASON_MAX);
        requirePublicationDecision(action, command.actor());
        return record(new AnswerKeptPrivate(
                dialogueId, command.reason(), answeredAt, command.actor(), command.at(), evidence(command.signed())));
    }

    @CommandHandler
    Recorded handle(WithdrawPublicationCommand command) {
        String action = "withdraw-publication";
        envelope(command.actor(), command.at(), command.signed());
        content("reason", command.reason(), Inputs.REASON_MAX);
        requireModerator(action, command.actor());
        requireStage(Action.WITHDRAW_PUBLICATION);
        if (!onPortal) {
            throw new ActionNotAllowed(status(), action, "no answer of this dialogue is published");
        }
        return record(new PublicationWithdrawn(
                dialogueId, command.reason(), command.actor(), command.at(), evidence(command.signed())));
    }

    @CommandHandler
    Recorded handle(ErasePersonalDataCommand command) {
        String action = "erase-personal-data";
        // Never sealed: the record of the erasure must stay readable once the keys are gone.
        Inputs.envelope(command.actor(), command.at(), command.signed());
        if (command.signed().sealed()) {
            throw new InvalidCommand("signed", "the erasure's own record is never sealed");
        }
        Inputs.text("reason", command.reason(), Inputs.REASON_MAX);
        if (command.actor().kind() != ActorKind.SYSTEM) {
            requireModerator(action, command.actor());
        }
        if (!sealed) {
            throw new ActionNotAllowed(
                    status(), action, "only a confidential dialogue's sealed content is kept apart and can be erased");
        }
        if (erased) {
            throw new ActionNotAllowed(status(), action, "its content is erased already");
        }
        requireStage(Action.ERASE_PERSONAL_DATA);
        return record(new PersonalDataErased(
                dialogueId, command.reason(), command.actor(), command.at(), evidence(command.signed())));
    }

    @CommandHandler
    Recorded handle(RejectDialogueCommand command) {
        String action = "reject";
        envelope(command.actor(), command.at(), command.signed());
        Inputs.required("code", command.code());
        content("reason", command.reason(), Inputs.REASON_MAX);
        refuseWhenFinished(action);
        requireModerator(action, command.actor());
        requireStage(Action.REJECT);
        return record(new DialogueRejected(
                dialogueId,
                command.code(),
                command.reason(),
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    Recorded handle(EscalateDialogueCommand command) {
        String action = "escalate";
        envelope(command.actor(), command.at(), command.signed());
        Inputs.required("step", command.step());
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
        boolean triage = command.step() == EscalationStep.TRIAGE;
        // Triage is open until forwarded, answered or rejected, and an answer is owed while a forward is open;
        // a pending clarification does not close either step (the lifecycle's rows say so).
        if (!DialogueLifecycle.allows(stage, triage ? Action.ESCALATE_TRIAGE : Action.ESCALATE_ANSWER)) {
            throw new ActionNotAllowed(status(), action, "step " + command.step() + " is not open");
        }
        int last = triage ? triageEscalationLevel : answerEscalationLevel;
        if (command.level() <= last) {
            throw new ActionNotAllowed(
                    status(), action, "step " + command.step() + " is already escalated to level " + last);
        }
        return record(new DialogueEscalated(
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
    Recorded handle(RateSatisfactionCommand command) {
        String action = "rate-satisfaction";
        envelope(command.actor(), command.at(), command.signed());
        if (command.rating() < 1 || command.rating() > 5) {
            throw new InvalidCommand("rating", "must be between 1 and 5");
        }
        if (sealed) {
            sealedContent("comment", command.comment());
        } else {
            Inputs.optionalText("comment", command.comment(), Inputs.REASON_MAX);
        }
        refuseWhenFinished(action);
        requireAsker(action, command.actor());
        requireStage(Action.RATE);
        if (answerRated) {
            throw new ActionNotAllowed(status(), action, "the answer is already rated");
        }
        return record(new SatisfactionRated(
                dialogueId,
                command.rating(),
                command.comment(),
                answeringAgency,
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    Recorded handle(ReopenDialogueCommand command) {
        String action = "reopen";
        envelope(command.actor(), command.at(), command.signed());
        content("reason", command.reason(), TextLimits.REOPEN_REASON_MAX);
        Inputs.after("triageDueAt", command.triageDueAt(), command.at());
        if (stage == Stage.REJECTED) {
            throw new ActionNotAllowed(status(), action, "a rejected dialogue is final");
        }
        if (erased) {
            throw new ActionNotAllowed(status(), action, "its content was erased: the dialogue is final");
        }
        requireAsker(action, command.actor());
        requireStage(Action.REOPEN);
        if (command.at().isAfter(reopenableUntil)) {
            throw new DialogueAlreadyClosed(dialogueId, action, "the reopen window ended at " + reopenableUntil);
        }
        return record(new DialogueReopened(
                dialogueId,
                command.reason(),
                command.triageDueAt(),
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    @CommandHandler
    Recorded handle(CloseDialogueCommand command) {
        String action = "close";
        envelope(command.actor(), command.at(), command.signed());
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
        boolean timeout = command.reason() == CloseReason.CLARIFICATION_TIMEOUT;
        if (!DialogueLifecycle.allows(stage, timeout ? Action.CLOSE_FOR_CLARIFICATION_TIMEOUT : Action.CLOSE)) {
            throw new ActionNotAllowed(
                    status(),
                    action,
                    "closing for " + command.reason() + " needs "
                            + (timeout ? DialogueStatus.AWAITING_CLARIFICATION : DialogueStatus.ANSWERED));
        }
        return record(new DialogueClosed(
                dialogueId,
                command.reason(),
                command.reopenableUntil(),
                command.actor(),
                command.at(),
                evidence(command.signed())));
    }

    // ---- checks -----------------------------------------------------------------------------------------------

    /** Applies the command's one event and answers where it was recorded. */
    private Recorded record(Object event) {
        apply(event);
        return new Recorded(sequence, lastHash);
    }

    /**
     * The envelope fields every command carries. Every message of a confidential dialogue is sealed (its payload kept
     * encrypted outside the event), and only those.
     */
    private void envelope(Actor actor, Instant at, SignedPayload signed) {
        Inputs.envelope(actor, at, signed);
        if (signed.sealed() != sealed) {
            throw new InvalidCommand(
                    "signed",
                    sealed
                            ? "a confidential dialogue's messages keep their payload sealed"
                            : "only a confidential dialogue's messages are sealed");
        }
    }

    /** A message's free text: checked, or, in a sealed dialogue, absent (it is in the sealed payload). */
    private void content(String field, String value, int max) {
        if (sealed) {
            sealedContent(field, value);
        } else {
            Inputs.text(field, value, max);
        }
    }

    private static void sealedContent(String field, String value) {
        if (value != null) {
            throw new InvalidCommand(field, "a confidential dialogue keeps it in the sealed payload, not in the event");
        }
    }

    private Evidence evidence(SignedPayload signed) {
        return EvidenceChain.link(lastHash, signed);
    }

    private DialogueStatus status() {
        return stage.status();
    }

    private void refuseWhenFinished(String action) {
        if (stage == Stage.CLOSED) {
            throw new DialogueAlreadyClosed(dialogueId, action, null);
        }
        if (stage == Stage.REJECTED) {
            throw new ActionNotAllowed(status(), action, "a rejected dialogue is final");
        }
        if (erased) {
            throw new ActionNotAllowed(status(), action, "its content was erased: the dialogue is final");
        }
    }

    /**
     * Publication decides on the latest answer, whatever the lifecycle did since (closed after the rating window,
     * reopened): only a rejection is final. Confidential dialogues and askers who did not agree are never published.
     */
    private void requirePublicationDecision(String action, Actor actor) {
        if (!DialogueLifecycle.allows(stage, Action.DECIDE_PUBLICATION)) {
            throw new ActionNotAllowed(status(), action, "a rejected dialogue is final");
        }
        requireModerator(action, actor);
        PublicationPolicy.broken(new PublicationPolicy.Facts(
                        answer != null, confidential, publicationConsent, publicationDecided))
                .ifPresent(rule -> {
                    throw new ActionNotAllowed(status(), action, rule.refusal());
                });
    }

    /** The action is allowed in the current stage by the lifecycle: the stage it leads to. */
    private Stage requireStage(Action action) {
        return DialogueLifecycle.next(stage, action).orElseThrow(() -> new ActionNotAllowed(status(), action.id()));
    }

    private void requireOpenForward(String action) {
        if (!stage.forwardOpen()) {
            throw new ActionNotAllowed(status(), action, "no open forward");
        }
    }

    private void requirePendingExtension(String action) {
        if (extensionRequestedDueAt == null) {
            throw new ActionNotAllowed(status(), action, "no pending extension request");
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
        boolean forwardOpen = stage.forwardOpen();
        if (!forwardOpen || actor.kind() != ActorKind.OFFICIAL || !forwardDepartment.equals(actor.agency())) {
            throw ActorNotAuthorized.forbidden(
                    action, actor, forwardOpen ? "the department " + forwardDepartment : "a department");
        }
    }

    // ---- state ------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(DialogueAsked event) {
        dialogueId = event.dialogueId();
        stage = DialogueLifecycle.start();
        askerKind = event.actor().kind();
        askerId = event.actor().id();
        moderatorAgency = event.moderatorAgency();
        confidential = event.confidential();
        sealed = event.evidence().signed().sealed();
        tenant = event.tenant();
        topic = event.topic();
        subject = event.subject();
        question = event.body();
        publicationConsent = event.agreesToPublication();
        askedPayloadSha256 = payloadSha256(event.evidence());
        triageDueAt = event.triageDueAt();
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(ClarificationRequested event) {
        move(Action.REQUEST_CLARIFICATION);
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(ClarificationProvided event) {
        move(Action.PROVIDE_CLARIFICATION);
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(DialogueForwarded event) {
        move(Action.FORWARD);
        forwardCount = event.forwardNumber();
        forwardDepartment = event.department();
        forwardDueAt = event.dueAt();
        forwardAcknowledged = false;
        extensionRequestedDueAt = null;
        answerEscalationLevel = 0;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(ForwardAcknowledged event) {
        move(Action.ACKNOWLEDGE_FORWARD);
        forwardAcknowledged = true;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(ForwardReturned event) {
        move(Action.RETURN_FORWARD);
        closeForward();
        if (event.triageDueAt() != null) {
            triageDueAt = event.triageDueAt();
        }
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(DeadlineExtensionRequested event) {
        move(Action.REQUEST_EXTENSION);
        extensionRequestedDueAt = event.requestedDueAt();
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(DeadlineExtended event) {
        move(Action.EXTEND_DEADLINE);
        forwardDueAt = event.newDueAt();
        extensionRequestedDueAt = null;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(DeadlineExtensionRefused event) {
        move(Action.REFUSE_EXTENSION);
        extensionRequestedDueAt = null;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(DialogueAnswered event) {
        move(Action.ANSWER);
        closeForward();
        answer = event.answer();
        answeringAgency = event.answeringAgency();
        answeredAt = event.at();
        answeredPayloadSha256 = payloadSha256(event.evidence());
        publicationDecided = false;
        answerRated = false;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(AnswerPublished event) {
        move(Action.DECIDE_PUBLICATION);
        publicationDecided = true;
        onPortal = true;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(AnswerKeptPrivate event) {
        move(Action.DECIDE_PUBLICATION);
        publicationDecided = true;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(PublicationWithdrawn event) {
        move(Action.WITHDRAW_PUBLICATION);
        onPortal = false;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(DialogueRejected event) {
        move(Action.REJECT);
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(DialogueEscalated event) {
        if (event.step() == EscalationStep.TRIAGE) {
            move(Action.ESCALATE_TRIAGE);
            triageEscalationLevel = event.level();
        } else {
            move(Action.ESCALATE_ANSWER);
            answerEscalationLevel = event.level();
        }
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(SatisfactionRated event) {
        move(Action.RATE);
        answerRated = true;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(DialogueReopened event) {
        move(Action.REOPEN);
        triageDueAt = event.triageDueAt();
        triageEscalationLevel = 0;
        reopenableUntil = null;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        move(Action.ERASE_PERSONAL_DATA);
        erased = true;
        chain(event.evidence());
    }

    @EventSourcingHandler
    void on(DialogueClosed event) {
        move(
                event.reason() == CloseReason.CLARIFICATION_TIMEOUT
                        ? Action.CLOSE_FOR_CLARIFICATION_TIMEOUT
                        : Action.CLOSE);
        closeForward();
        reopenableUntil = event.reopenableUntil();
        chain(event.evidence());
    }

    /** The stage after a recorded event, by the lifecycle's table. */
    private void move(Action action) {
        stage = DialogueLifecycle.after(stage, action);
    }

    private void closeForward() {
        forwardAcknowledged = false;
        extensionRequestedDueAt = null;
    }

    private void chain(Evidence evidence) {
        sequence++;
        lastHash = evidence.hash();
    }

    /** Lowercase hex SHA-256 of the signed payload bytes an event keeps (or, sealed, names). */
    private static String payloadSha256(Evidence evidence) {
        return EvidenceChain.payloadSha256(evidence.signed());
    }
}
