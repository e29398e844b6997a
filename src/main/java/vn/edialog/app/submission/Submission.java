package vn.edialog.app.submission;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.edialog.app.confidential.ConfidentialContents;
import vn.edialog.app.evidence.AcceptanceTimeStamps;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.command.dialogue.api.Recorded;
import vn.edialog.command.dialogue.api.SignedPayload;
import vn.edialog.command.signature.Envelope;

/**
 * The one path every signed message takes into the record, whoever signed it: an asker's envelope verified by
 * {@link AskerMessages}, or an action the server signed for an agency or the system in {@link GovernmentActions}. In
 * the caller's transaction, in this order:
 *
 * <ol>
 *   <li>the nonce is recorded, and a nonce seen before refuses the message as a replay;
 *   <li>the dialogue: an ask must name a new one, every other message one of its province's dialogues (another
 *       province's reads as unknown: agency codes and ids repeat nowhere, but an official never acts across
 *       provinces);
 *   <li>the tracking code is allocated (an ask) or looked up;
 *   <li>a message of a confidential dialogue is sealed: its payload stored encrypted ({@link ConfidentialContents}),
 *       the command and its event keep only the payload's digest and the signature;
 *   <li>when the policy requires it, the signature is time-stamped, and a message no authority stamps is refused
 *       ({@link AcceptanceTimeStamps});
 *   <li>the command is sent, and the aggregate answers where its event was recorded ({@link Recorded}); a required
 *       time-stamp is kept beside the event;
 *   <li>a message from outside (an asker's) gets a receipt signed by the system key, kept beside the event. The server
 *       needs no receipt from itself for what it signed.
 * </ol>
 *
 * A refusal at any step rolls the whole transaction back, so a refused message changes nothing.
 */
@Service
public class Submission {

    /**
     * Working days the moderator has to triage a new, returned or reopened dialogue (the processes' DMN refines this).
     */
    public static final int TRIAGE_WORKING_DAYS = 2;

    /** The one message of a confidential dialogue never sealed: the erasure's record stays readable without keys. */
    static final String NEVER_SEALED = "erase-personal-data";

    private final NonceRegistry nonces;
    private final TrackingCodes trackingCodes;
    private final Receipts receipts;
    private final CommandGateway commands;
    private final AcceptanceTimeStamps timeStamps;
    private final ConfidentialContents confidential;
    private final Tenants tenants;

    Submission(
            NonceRegistry nonces,
            TrackingCodes trackingCodes,
            Receipts receipts,
            CommandGateway commands,
            AcceptanceTimeStamps timeStamps,
            ConfidentialContents confidential,
            Tenants tenants) {
        this.confidential = confidential;
        this.tenants = tenants;
        this.timeStamps = timeStamps;
        this.nonces = nonces;
        this.trackingCodes = trackingCodes;
        this.receipts = receipts;
        this.commands = commands;
    }

    /** Who signed a message: an asker (who gets a receipt) or the server itself. */
    public enum Signer {
        ASKER,
        SERVER
    }

    /**
     * One signed message on its way into the record.
     *
     * @param type the payload's type ({@code ask}, {@code forward}, ...); {@code ask} opens a dialogue
     * @param envelopeSha256 SHA-256 over the payload bytes then the signature bytes: names the exact envelope
     * @param confidential an ask that opens a confidential dialogue (later messages follow their dialogue)
     */
    public record Message(
            Signer signer,
            String tenant,
            UUID dialogueId,
            String type,
            UUID nonce,
            Instant at,
            SignedPayload signed,
            String envelopeSha256,
            boolean confidential) {

        public Message(
                Signer signer,
                String tenant,
                UUID dialogueId,
                String type,
                UUID nonce,
                Instant at,
                SignedPayload signed) {
            this(signer, tenant, dialogueId, type, nonce, at, signed, false);
        }

        public Message(
                Signer signer,
                String tenant,
                UUID dialogueId,
                String type,
                UUID nonce,
                Instant at,
                SignedPayload signed,
                boolean confidential) {
            this(signer, tenant, dialogueId, type, nonce, at, signed, Submission.envelopeSha256(signed), confidential);
        }

        boolean opensDialogue() {
            return "ask".equals(type);
        }
    }

    /**
     * The command a message asks for, made once its dialogue's tracking code is known, with the envelope as the event
     * keeps it ({@code stored}: sealed in a confidential dialogue, whose command then leaves its free text out); it may
     * still refuse the message's fields ({@link ApiProblem}).
     */
    @FunctionalInterface
    public interface CommandFactory {
        Object create(String trackingCode, SignedPayload stored);
    }

    /** What the sender gets back: the dialogue, its tracking code, the stored event and, for an asker, the receipt. */
    public record Accepted(
            UUID dialogueId,
            String trackingCode,
            long sequence,
            String eventHash,
            Instant receivedAt,
            Envelope receipt) {}

    /** Takes one message into the record (see the class description for the steps). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Accepted submit(Message message, CommandFactory command) {
        if (!nonces.consume(
                message.nonce(),
                message.tenant(),
                message.dialogueId(),
                message.type(),
                message.envelopeSha256(),
                message.at())) {
            throw ApiProblem.replayedNonce(message.nonce());
        }
        String trackingCode;
        if (message.opensDialogue()) {
            if (trackingCodes.tenantOf(message.dialogueId()).isPresent()) {
                throw ApiProblem.dialogueExists(message.dialogueId());
            }
            // Taken in this transaction: a refusal below gives the number back, so the sequence has no gaps.
            trackingCode = trackingCodes.allocate(message.tenant(), message.dialogueId(), message.at());
        } else {
            requireDialogueOf(message.tenant(), message.dialogueId());
            trackingCode = trackingCodes.codeOf(message.dialogueId()).orElseThrow();
        }
        SignedPayload stored = message.signed();
        if (!NEVER_SEALED.equals(message.type())
                && (message.opensDialogue()
                        ? message.confidential()
                        : confidential.isConfidential(message.dialogueId()))) {
            stored = message.opensDialogue()
                    ? confidential.sealAsk(
                            message.tenant(),
                            tenants.find(message.tenant()).orElseThrow().moderatorAgency(),
                            message.dialogueId(),
                            message.signed(),
                            message.at())
                    : confidential.seal(message.dialogueId(), message.signed(), message.at());
        }
        Object created = command.create(trackingCode, stored);
        Optional<AcceptanceTimeStamps.Stamp> stamp = timeStamps.beforeAcceptance(message.signed());
        Recorded recorded = commands.sendAndWait(created);
        stamp.ifPresent(s -> timeStamps.keep(message.dialogueId(), recorded.sequence(), message.at(), s));
        Envelope receipt = null;
        if (message.signer() == Signer.ASKER) {
            receipt = receipts.sign(
                    message.tenant(),
                    message.dialogueId(),
                    trackingCode,
                    message.type(),
                    message.envelopeSha256(),
                    message.at(),
                    recorded.sequence(),
                    recorded.hash());
            receipts.keep(
                    message.tenant(), message.dialogueId(), recorded.sequence(), message.type(), message.at(), receipt);
        }
        return new Accepted(
                message.dialogueId(), trackingCode, recorded.sequence(), recorded.hash(), message.at(), receipt);
    }

    /** A message's free text as its command carries it: none when the envelope is sealed (a confidential dialogue). */
    public static String unlessSealed(SignedPayload stored, String text) {
        return stored.sealed() ? null : text;
    }

    /** The province of an existing dialogue; an unknown dialogue is refused. */
    public String tenantOf(UUID dialogueId) {
        return trackingCodes.tenantOf(dialogueId).orElseThrow(() -> ApiProblem.unknownDialogue(dialogueId));
    }

    /** Refuses a dialogue that does not exist or belongs to another province, alike. */
    public void requireDialogueOf(String tenant, UUID dialogueId) {
        if (!tenantOf(dialogueId).equals(tenant)) {
            throw ApiProblem.unknownDialogue(dialogueId);
        }
    }

    /** SHA-256 over the payload bytes then the signature bytes: names the exact envelope accepted. */
    public static String envelopeSha256(SignedPayload signed) {
        Base64.Decoder base64 = Base64.getDecoder();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(base64.decode(signed.payload()));
            digest.update(base64.decode(signed.signature()));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
