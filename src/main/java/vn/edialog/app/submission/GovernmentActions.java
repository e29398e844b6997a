package vn.edialog.app.submission;

import static vn.edialog.app.submission.Submission.unlessSealed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.edialog.app.access.Official;
import vn.edialog.app.confidential.ConfidentialContents;
import vn.edialog.app.pki.ServerSigners;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.dialogue.api.AcknowledgeForwardCommand;
import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.dialogue.api.AnswerDialogueCommand;
import vn.edialog.command.dialogue.api.CloseDialogueCommand;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.dialogue.api.DialogueAnswered;
import vn.edialog.command.dialogue.api.DialogueAsked;
import vn.edialog.command.dialogue.api.ErasePersonalDataCommand;
import vn.edialog.command.dialogue.api.EscalateDialogueCommand;
import vn.edialog.command.dialogue.api.EscalationStep;
import vn.edialog.command.dialogue.api.ExtendDeadlineCommand;
import vn.edialog.command.dialogue.api.ForwardDialogueCommand;
import vn.edialog.command.dialogue.api.KeepAnswerPrivateCommand;
import vn.edialog.command.dialogue.api.PublishAnswerCommand;
import vn.edialog.command.dialogue.api.PublishRedactedAnswerCommand;
import vn.edialog.command.dialogue.api.RefuseDeadlineExtensionCommand;
import vn.edialog.command.dialogue.api.RejectDialogueCommand;
import vn.edialog.command.dialogue.api.RejectionReason;
import vn.edialog.command.dialogue.api.RequestClarificationCommand;
import vn.edialog.command.dialogue.api.RequestDeadlineExtensionCommand;
import vn.edialog.command.dialogue.api.ReturnForwardCommand;
import vn.edialog.command.dialogue.api.SignedPayload;
import vn.edialog.command.dialogue.api.WithdrawPublicationCommand;
import vn.edialog.command.signature.CanonicalJson;
import vn.edialog.command.signature.CmsSigner;

/**
 * Government and system actions. The server writes the action as a canonical JSON payload (the same shape an asker
 * signs, plus the official who acted), signs it with the acting agency's key (the system key for automatic actions),
 * and submits it on the one path of {@link Submission}, all in one transaction. The event therefore carries a
 * signature that anyone can re-verify, naming both the agency and the official.
 */
@Service
public class GovernmentActions {

    private final ServerSigners signers;
    private final Submission submission;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final WorkingDayCalendar calendar;
    private final ConfidentialContents contents;

    GovernmentActions(
            ServerSigners signers,
            Submission submission,
            JdbcClient jdbc,
            ObjectMapper json,
            Clock clock,
            WorkingDayCalendar calendar,
            ConfidentialContents contents) {
        this.contents = contents;
        this.signers = signers;
        this.submission = submission;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** The system itself, for automatic actions (escalation, closing after a window). */
    public static final Actor SYSTEM = new Actor(ActorKind.SYSTEM, "system", "eDialog", null);

    @Transactional
    public Submission.Accepted requestClarification(UUID dialogueId, Official official, String request, Instant dueAt) {
        return perform(
                "request-clarification",
                dialogueId,
                official,
                f -> f.put("request", request).put("dueAt", dueAt.toString()),
                (signed, at) -> new RequestClarificationCommand(
                        dialogueId, unlessSealed(signed, request), dueAt, official.actor(), at, signed));
    }

    @Transactional
    public Submission.Accepted forward(
            UUID dialogueId, Official official, String department, String note, Instant dueAt) {
        Submission.Accepted accepted = perform(
                "forward",
                dialogueId,
                official,
                f -> f.put("department", department).put("note", note).put("dueAt", dueAt.toString()),
                (signed, at) -> new ForwardDialogueCommand(
                        dialogueId, department, unlessSealed(signed, note), dueAt, official.actor(), at, signed));
        // A confidential dialogue's department reads it with its own key from now on.
        contents.grant(dialogueId, official.tenant(), department, accepted.receivedAt());
        return accepted;
    }

    /**
     * Erases a finished confidential dialogue's content (Decree 13/2023): records the signed erasure, by a leader of
     * the People's Committee ({@code official}) or by the system ({@code official} null: the operator's {@code erase}
     * command), then destroys the dialogue's data keys, in one transaction.
     */
    @Transactional
    public Submission.Accepted erasePersonalData(UUID dialogueId, Official official, String reason) {
        Function<ObjectNode, ObjectNode> fields = f -> f.put("reason", reason);
        Submission.Accepted accepted = official == null
                ? perform(
                        Submission.NEVER_SEALED,
                        dialogueId,
                        SYSTEM,
                        fields,
                        (signed, at) -> new ErasePersonalDataCommand(dialogueId, reason, SYSTEM, at, signed))
                : perform(
                        Submission.NEVER_SEALED,
                        dialogueId,
                        official,
                        fields,
                        (signed, at) -> new ErasePersonalDataCommand(dialogueId, reason, official.actor(), at, signed));
        contents.erase(dialogueId, accepted.receivedAt());
        return accepted;
    }

    @Transactional
    public Submission.Accepted acknowledge(UUID dialogueId, Official official) {
        return perform(
                "acknowledge",
                dialogueId,
                official,
                f -> f,
                (signed, at) -> new AcknowledgeForwardCommand(dialogueId, official.actor(), at, signed));
    }

    @Transactional
    public Submission.Accepted returnForward(UUID dialogueId, Official official, String reason) {
        // Triage starts again: the moderator gets the triage period from now, as for a new or reopened dialogue (the
        // aggregate keeps the recorded deadline when that is later).
        Instant triageDueAt = calendar.dueAt(clock.instant(), Submission.TRIAGE_WORKING_DAYS);
        return perform(
                "return",
                dialogueId,
                official,
                f -> f.put("reason", reason).put("triageDueAt", triageDueAt.toString()),
                (signed, at) -> new ReturnForwardCommand(
                        dialogueId, unlessSealed(signed, reason), triageDueAt, official.actor(), at, signed));
    }

    @Transactional
    public Submission.Accepted requestExtension(
            UUID dialogueId, Official official, Instant requestedDueAt, String reason) {
        return perform(
                "request-extension",
                dialogueId,
                official,
                f -> f.put("requestedDueAt", requestedDueAt.toString()).put("reason", reason),
                (signed, at) -> new RequestDeadlineExtensionCommand(
                        dialogueId, requestedDueAt, unlessSealed(signed, reason), official.actor(), at, signed));
    }

    @Transactional
    public Submission.Accepted extend(UUID dialogueId, Official official, Instant newDueAt) {
        return perform(
                "extend",
                dialogueId,
                official,
                f -> f.put("newDueAt", newDueAt.toString()),
                (signed, at) -> new ExtendDeadlineCommand(dialogueId, newDueAt, official.actor(), at, signed));
    }

    @Transactional
    public Submission.Accepted refuseExtension(UUID dialogueId, Official official, String reason) {
        return perform(
                "refuse-extension",
                dialogueId,
                official,
                f -> f.put("reason", reason),
                (signed, at) -> new RefuseDeadlineExtensionCommand(
                        dialogueId, unlessSealed(signed, reason), official.actor(), at, signed));
    }

    @Transactional
    public Submission.Accepted answer(UUID dialogueId, Official official, String answer) {
        return perform(
                "answer",
                dialogueId,
                official,
                f -> f.put("answer", answer),
                (signed, at) -> new AnswerDialogueCommand(
                        dialogueId, unlessSealed(signed, answer), official.actor(), at, signed));
    }

    @Transactional
    public Submission.Accepted publish(UUID dialogueId, Official official) {
        return perform(
                "publish",
                dialogueId,
                official,
                f -> f,
                (signed, at) -> new PublishAnswerCommand(dialogueId, official.actor(), at, signed));
    }

    /**
     * Publishes the latest answer with the moderator's redacted texts. The signed payload carries the texts and, under
     * {@code redaction}, the SHA-256 of the original signed question (DialogueAsked) and answer (DialogueAnswered)
     * payloads, so that anyone can check that the People's Committee vouches for this text as derived from exactly
     * those originals; the aggregate refuses hashes that are not its own.
     */
    @Transactional
    public Submission.Accepted publishRedacted(
            UUID dialogueId, Official official, String subject, String question, String answer) {
        // Missing originals (unknown dialogue, no answer yet) are refused below: by the tenant check, or by the
        // aggregate.
        String questionSha256 = latestSignedPayloadSha256(dialogueId, DialogueAsked.class);
        String answerSha256 = latestSignedPayloadSha256(dialogueId, DialogueAnswered.class);
        return perform(
                "publish-redacted",
                dialogueId,
                official,
                f -> {
                    f.put("subject", subject).put("question", question).put("answer", answer);
                    f.putObject("redaction")
                            .put("questionSha256", questionSha256)
                            .put("answerSha256", answerSha256);
                    return f;
                },
                (signed, at) -> new PublishRedactedAnswerCommand(
                        dialogueId,
                        subject,
                        question,
                        answer,
                        questionSha256,
                        answerSha256,
                        official.actor(),
                        at,
                        signed));
    }

    /** Records, signed, that the latest answer stays off the portal and why (auditors read the reason). */
    @Transactional
    public Submission.Accepted keepPrivate(UUID dialogueId, Official official, String reason) {
        return perform(
                "keep-private",
                dialogueId,
                official,
                f -> f.put("reason", reason),
                (signed, at) -> new KeepAnswerPrivateCommand(
                        dialogueId, unlessSealed(signed, reason), official.actor(), at, signed));
    }

    /** Withdraws the published answer from the portal, its search and its feed, signed with a reason. */
    @Transactional
    public Submission.Accepted withdrawPublication(UUID dialogueId, Official official, String reason) {
        return perform(
                "withdraw-publication",
                dialogueId,
                official,
                f -> f.put("reason", reason),
                (signed, at) -> new WithdrawPublicationCommand(
                        dialogueId, unlessSealed(signed, reason), official.actor(), at, signed));
    }

    @Transactional
    public Submission.Accepted reject(UUID dialogueId, Official official, RejectionReason code, String reason) {
        return perform(
                "reject",
                dialogueId,
                official,
                f -> f.put("code", code.name()).put("reason", reason),
                (signed, at) -> new RejectDialogueCommand(
                        dialogueId, code, unlessSealed(signed, reason), official.actor(), at, signed));
    }

    @Transactional
    public Submission.Accepted close(UUID dialogueId, Official official, CloseReason reason, Instant reopenableUntil) {
        return perform(
                "close",
                dialogueId,
                official,
                f -> f.put("reason", reason.name()).put("reopenableUntil", reopenableUntil.toString()),
                (signed, at) ->
                        new CloseDialogueCommand(dialogueId, reason, reopenableUntil, official.actor(), at, signed));
    }

    /** Closes automatically (rating window elapsed, clarification never came), signed by the system key. */
    @Transactional
    public Submission.Accepted closeAutomatically(UUID dialogueId, CloseReason reason, Instant reopenableUntil) {
        Actor actor = SYSTEM;
        return perform(
                "close",
                dialogueId,
                actor,
                f -> f.put("reason", reason.name()).put("reopenableUntil", reopenableUntil.toString()),
                (signed, at) -> new CloseDialogueCommand(dialogueId, reason, reopenableUntil, actor, at, signed));
    }

    @Transactional
    public Submission.Accepted escalate(
            UUID dialogueId, EscalationStep step, int level, String escalatedTo, Instant dueAt) {
        return perform(
                "escalate",
                dialogueId,
                SYSTEM,
                f -> f.put("step", step.name())
                        .put("level", level)
                        .put("escalatedTo", escalatedTo)
                        .put("dueAt", dueAt.toString()),
                (signed, at) ->
                        new EscalateDialogueCommand(dialogueId, step, level, escalatedTo, dueAt, SYSTEM, at, signed));
    }

    private interface CommandFactory {
        Object create(SignedPayload signed, Instant at);
    }

    private Submission.Accepted perform(
            String type,
            UUID dialogueId,
            Official official,
            Function<ObjectNode, ObjectNode> fields,
            CommandFactory factory) {
        String tenant = submission.tenantOf(dialogueId);
        if (!tenant.equals(official.tenant())) {
            // Agency codes repeat across provinces: an official never acts on another province's dialogue.
            throw ApiProblem.unknownDialogue(dialogueId);
        }
        return signAndSubmit(tenant, type, dialogueId, official.actor(), fields, factory);
    }

    private Submission.Accepted perform(
            String type,
            UUID dialogueId,
            Actor system,
            Function<ObjectNode, ObjectNode> fields,
            CommandFactory factory) {
        return signAndSubmit(submission.tenantOf(dialogueId), type, dialogueId, system, fields, factory);
    }

    /**
     * Writes the action as the canonical JSON payload an asker would sign, plus the acting official, signs it with the
     * agency's key (the system's for automatic actions) and submits it.
     */
    private Submission.Accepted signAndSubmit(
            String tenant,
            String type,
            UUID dialogueId,
            Actor actor,
            Function<ObjectNode, ObjectNode> fields,
            CommandFactory factory) {
        Instant at = clock.instant();
        UUID nonce = UUID.randomUUID();
        ObjectNode payload = json.createObjectNode()
                .put("type", type)
                .put("tenant", tenant)
                .put("dialogueId", dialogueId.toString())
                .put("nonce", nonce.toString())
                .put("signedAt", at.toString());
        ObjectNode actorNode = payload.putObject("actor")
                .put("kind", actor.kind().name())
                .put("id", actor.id())
                .put("name", actor.name());
        if (actor.agency() != null) {
            actorNode.put("agency", actor.agency());
        }
        fields.apply(payload);
        byte[] bytes = CanonicalJson.canonicalize(payload);
        CmsSigner signer = actor.kind() == ActorKind.SYSTEM ? signers.system() : signers.agency(tenant, actor.agency());
        SignedPayload signed = SignedPayload.of(bytes, signer.sign(bytes), signer.chain());
        return submission.submit(
                new Submission.Message(Submission.Signer.SERVER, tenant, dialogueId, type, nonce, at, signed),
                (trackingCode, stored) -> factory.create(stored, at));
    }

    /**
     * The lowercase hex SHA-256 of the signed payload bytes of the dialogue's latest event of this type (what a third
     * party computes from the event's downloaded payload), or empty when the dialogue has none.
     */
    private String latestSignedPayloadSha256(UUID dialogueId, Class<?> eventType) {
        return jdbc.sql(
                        """
                        select convert_from(payload, 'UTF8')::jsonb -> 'evidence' -> 'signed' ->> 'payload'
                        from domainevententry where aggregateidentifier = :id and payloadtype = :type
                        order by sequencenumber desc limit 1
                        """)
                .param("id", dialogueId.toString())
                .param("type", eventType.getName())
                .query(String.class)
                .optional()
                .map(base64 -> {
                    try {
                        return HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256")
                                        .digest(Base64.getDecoder().decode(base64)));
                    } catch (NoSuchAlgorithmException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .orElse("");
    }
}
