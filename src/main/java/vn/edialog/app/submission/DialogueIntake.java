package vn.edialog.app.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.app.web.RateLimits;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.dialogue.api.AskDialogueCommand;
import vn.edialog.command.dialogue.api.Attachment;
import vn.edialog.command.dialogue.api.ProvideClarificationCommand;
import vn.edialog.command.dialogue.api.RateSatisfactionCommand;
import vn.edialog.command.dialogue.api.ReopenDialogueCommand;
import vn.edialog.command.dialogue.api.SignedPayload;
import vn.edialog.command.dialogue.api.TextLimits;
import vn.edialog.command.signature.Envelope;
import vn.edialog.command.signature.EnvelopeVerifier;
import vn.edialog.command.signature.SignerIdentity;
import vn.edialog.command.signature.VerifiedEnvelope;
import vn.edialog.command.tenant.FormField;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.command.tenant.Topic;
import vn.edialog.command.text.Fit;

/**
 * Accepts the signed commands of businesses and citizens. Everything happens in one transaction: the signature is
 * verified, the nonce consumed, the tracking code allocated, the command handled and its event appended; a refusal at
 * any step rolls all of it back, so a refused command changes nothing.
 */
@Service
public class DialogueIntake {

    /**
     * Working days the moderator has to triage a new, returned or reopened dialogue (the processes' DMN refines this).
     */
    public static final int TRIAGE_WORKING_DAYS = 2;

    /** The fields each command takes beside the common ones; any other is refused. */
    private static final java.util.Map<String, Set<String>> FIELDS = java.util.Map.of(
            "ask", Set.of("topic", "subject", "body", "form", "confidential", "publicationConsent", "attachments"),
            "clarify", Set.of("text"),
            "rate", Set.of("rating", "comment"),
            "reopen", Set.of("reason"));

    private static final Set<String> ATTACHMENT_FIELDS = Set.of("name", "mediaType", "size", "sha256");

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern EMAIL =
            Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,255}\\.[^@\\s.\\p{Cntrl}]{2,63}");

    private final EnvelopeVerifier verifier;
    private final Tenants tenants;
    private final NonceRegistry nonces;
    private final TrackingCodes trackingCodes;
    private final Receipts receipts;
    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final RateLimits rateLimits;

    DialogueIntake(
            EnvelopeVerifier verifier,
            Tenants tenants,
            NonceRegistry nonces,
            TrackingCodes trackingCodes,
            Receipts receipts,
            CommandGateway commands,
            JdbcClient jdbc,
            WorkingDayCalendar calendar,
            Clock clock,
            RateLimits rateLimits) {
        this.rateLimits = rateLimits;
        this.verifier = verifier;
        this.tenants = tenants;
        this.nonces = nonces;
        this.trackingCodes = trackingCodes;
        this.receipts = receipts;
        this.commands = commands;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** What the sender gets back: the dialogue, its tracking code and the signed receipt. */
    public record Accepted(
            UUID dialogueId,
            String trackingCode,
            long sequence,
            String eventHash,
            Instant receivedAt,
            Envelope receipt) {}

    /**
     * Verifies and handles one envelope.
     *
     * @param expectedType the command type the endpoint takes ({@code ask}, {@code clarify}, {@code rate}, {@code
     *     reopen})
     * @param pathDialogueId the dialogue named by the URL, or {@code null} for an ask
     * @param contactEmail where to mail the asker (asks only), or {@code null}
     */
    @Transactional
    public Accepted accept(String expectedType, UUID pathDialogueId, Envelope envelope, String contactEmail) {
        // At most the column's 320 characters: the pattern alone would let 384 through.
        if (contactEmail != null
                && (TextLimits.length(contactEmail) > TextLimits.EMAIL_MAX
                        || !EMAIL.matcher(contactEmail).matches())) {
            throw ApiProblem.badPayload("contact.email is not an e-mail address");
        }
        refuseUnknownTenant(envelope);
        VerifiedEnvelope verified = verifier.verify(envelope);
        Instant receivedAt = clock.instant();
        Payloads.refuseNul(verified.payload(), "payload");
        java.security.cert.X509Certificate certificate = verified.chain().get(0);
        RateLimits.Decision perCertificate = rateLimits.consume(
                RateLimits.Kind.SIGNED_COMMAND_CERTIFICATE,
                RateLimits.sha256(certificate.getIssuerX500Principal().getName() + "|"
                        + certificate.getSerialNumber().toString(16)));
        if (!perCertificate.allowed()) {
            throw ApiProblem.rateLimited(perCertificate.retryAfterSeconds());
        }
        if (!expectedType.equals(verified.type())) {
            throw ApiProblem.badPayload(
                    "This endpoint takes '" + expectedType + "' payloads, not '" + verified.type() + "'");
        }
        if (pathDialogueId != null && !pathDialogueId.equals(verified.dialogueId())) {
            throw ApiProblem.badPayload("The payload's dialogueId does not match the dialogue of the URL");
        }
        Tenant tenant = tenants.find(verified.tenant()).orElseThrow(() -> ApiProblem.unknownTenant(verified.tenant()));
        Actor actor = asker(verified.signer());
        UUID dialogueId = verified.dialogueId();
        String envelopeSha256 = sha256(verified.payloadBytes(), verified.signatureBytes());
        if (!nonces.consume(verified.nonce(), tenant.code(), dialogueId, expectedType, envelopeSha256, receivedAt)) {
            throw ApiProblem.replayedNonce(verified.nonce());
        }
        if (!"ask".equals(expectedType)) {
            String owner = trackingCodes.tenantOf(dialogueId).orElseThrow(() -> ApiProblem.unknownDialogue(dialogueId));
            if (!owner.equals(tenant.code())) {
                throw ApiProblem.unknownDialogue(dialogueId);
            }
        } else if (trackingCodes.tenantOf(dialogueId).isPresent()) {
            throw ApiProblem.dialogueExists(dialogueId);
        }
        SignedPayload signed = signedPayload(verified);
        JsonNode payload = verified.payload();
        Payloads.refuseUnknownFields(payload, FIELDS.getOrDefault(expectedType, Set.of()), "payload");
        String trackingCode;
        switch (expectedType) {
            case "ask" -> {
                String topic = Payloads.text(payload, "topic", TextLimits.CODE_MAX);
                if (tenant.topics().stream().noneMatch(t -> t.code().equals(topic))) {
                    throw ApiProblem.unknownTopic(tenant.code(), topic);
                }
                String subject = Payloads.text(payload, "subject", TextLimits.SUBJECT_MAX);
                String body = Payloads.text(payload, "body", TextLimits.TEXT_MAX);
                checkForm(tenant.topic(topic).orElseThrow(), payload.get("form"));
                boolean confidential = Payloads.bool(payload, "confidential", false);
                // The asker's signed choice whether the answer may be published; absent means "agrees".
                boolean publicationConsent = Payloads.bool(payload, "publicationConsent", true);
                List<Attachment> attachments = Payloads.array(payload, "attachments", 20).stream()
                        .map(DialogueIntake::attachment)
                        .toList();
                trackingCode = trackingCodes.allocate(tenant.code(), dialogueId, receivedAt);
                if (contactEmail != null) {
                    jdbc.sql("insert into asker_contact (dialogue_id, email) values (:id, :email)")
                            .param("id", dialogueId)
                            .param("email", contactEmail)
                            .update();
                }
                commands.sendAndWait(new AskDialogueCommand(
                        dialogueId,
                        tenant.code(),
                        trackingCode,
                        topic,
                        subject,
                        body,
                        confidential,
                        publicationConsent,
                        attachments,
                        tenant.moderatorAgency(),
                        calendar.dueAt(receivedAt, TRIAGE_WORKING_DAYS),
                        actor,
                        receivedAt,
                        signed));
            }
            case "clarify" -> {
                trackingCode = trackingCodes.codeOf(dialogueId).orElseThrow();
                commands.sendAndWait(new ProvideClarificationCommand(
                        dialogueId, Payloads.text(payload, "text", TextLimits.TEXT_MAX), actor, receivedAt, signed));
            }
            case "rate" -> {
                trackingCode = trackingCodes.codeOf(dialogueId).orElseThrow();
                commands.sendAndWait(new RateSatisfactionCommand(
                        dialogueId,
                        Payloads.integer(payload, "rating", 1, 5),
                        Payloads.optionalText(payload, "comment", TextLimits.REASON_MAX)
                                .orElse(null),
                        actor,
                        receivedAt,
                        signed));
            }
            case "reopen" -> {
                trackingCode = trackingCodes.codeOf(dialogueId).orElseThrow();
                commands.sendAndWait(new ReopenDialogueCommand(
                        dialogueId,
                        Payloads.text(payload, "reason", TextLimits.REOPEN_REASON_MAX),
                        calendar.dueAt(receivedAt, TRIAGE_WORKING_DAYS),
                        actor,
                        receivedAt,
                        signed));
            }
            default -> throw new IllegalArgumentException("Unknown command type " + expectedType);
        }
        // The event was appended in this transaction: read its sequence and chain hash for the receipt.
        StoredEvent last = lastEvent(dialogueId);
        Envelope receipt = receipts.sign(
                tenant.code(),
                dialogueId,
                trackingCode,
                expectedType,
                envelopeSha256,
                receivedAt,
                last.sequence(),
                last.hash());
        receipts.keep(tenant.code(), dialogueId, last.sequence(), expectedType, receivedAt, receipt);
        return new Accepted(dialogueId, trackingCode, last.sequence(), last.hash(), receivedAt, receipt);
    }

    /** The sequence number and chain hash of a dialogue's last stored event. */
    public record StoredEvent(long sequence, String hash) {}

    /** The last event of a dialogue, as stored (also inside the transaction that appended it). */
    public StoredEvent lastEvent(UUID dialogueId) {
        return jdbc.sql(
                        """
                        select sequencenumber, convert_from(payload, 'UTF8')::jsonb -> 'evidence' ->> 'hash' as hash
                        from domainevententry where aggregateidentifier = :id
                        order by sequencenumber desc limit 1
                        """)
                .param("id", dialogueId.toString())
                .query((rows, n) -> new StoredEvent(rows.getLong(1), rows.getString(2)))
                .single();
    }

    /**
     * The lowercase hex SHA-256 of the signed payload bytes of the dialogue's latest event of this type (what a third
     * party computes from the event's downloaded payload), if the dialogue has one.
     */
    public Optional<String> latestSignedPayloadSha256(UUID dialogueId, Class<?> eventType) {
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
                                        .digest(java.util.Base64.getDecoder().decode(base64)));
                    } catch (NoSuchAlgorithmException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    /** The tenant a dialogue belongs to. */
    public Optional<String> tenantOf(UUID dialogueId) {
        return trackingCodes.tenantOf(dialogueId);
    }

    /** Consumes a nonce for a server-signed action; a collision means a replay and refuses the action. */
    public void consumeNonce(
            UUID nonce, String tenant, UUID dialogueId, String type, String envelopeSha256, Instant at) {
        if (!nonces.consume(nonce, tenant, dialogueId, type, envelopeSha256, at)) {
            throw ApiProblem.replayedNonce(nonce);
        }
    }

    /**
     * The payload's tenant chooses the trust anchors, so an unknown tenant would read as "untrusted": name the real
     * problem first. Anything unreadable here is left for the verifier to refuse with its precise reason.
     */
    private void refuseUnknownTenant(Envelope envelope) {
        String tenant;
        try {
            byte[] bytes = Base64.getDecoder().decode(envelope.payload());
            tenant = bytes.length > 1_000_000
                    ? null
                    : TENANT_READER.readTree(bytes).path("tenant").textValue();
        } catch (IllegalArgumentException | IOException e) {
            return;
        }
        if (tenant != null && tenants.find(tenant).isEmpty()) {
            throw ApiProblem.unknownTenant(tenant);
        }
    }

    private static final ObjectMapper TENANT_READER = new ObjectMapper();

    /**
     * The topic form's values ({@code form}: field name → text): only the topic's fields, each a string of at most
     * {@link TextLimits#FORM_VALUE_MAX} characters, every required one filled, also when the payload has no
     * {@code form}. They stay in the signed bytes.
     */
    static void checkForm(Topic topic, JsonNode given) {
        // Without a form, the topic's required fields are still required.
        JsonNode form = given == null || given.isNull() ? TENANT_READER.createObjectNode() : given;
        if (!form.isObject()) {
            throw ApiProblem.badPayload("form must be an object of field name to text");
        }
        Set<String> known = topic.fields().stream().map(FormField::name).collect(Collectors.toSet());
        form.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw ApiProblem.badPayload("form field '" + name + "' is not a field of topic " + topic.code());
            }
            JsonNode value = form.get(name);
            if (!value.isTextual() || TextLimits.length(value.textValue()) > TextLimits.FORM_VALUE_MAX) {
                throw ApiProblem.badPayload("form field '" + name + "' must be text of at most "
                        + TextLimits.FORM_VALUE_MAX + " characters");
            }
        });
        for (FormField field : topic.fields()) {
            if (field.required() && form.path(field.name()).asText("").isBlank()) {
                throw ApiProblem.badPayload("form field '" + field.name() + "' (" + field.labelEn() + ") is required");
            }
        }
    }

    /** The asker is the certificate's subject: a business by its tax code, a citizen by the ID number. */
    public static Actor asker(SignerIdentity signer) {
        ActorKind kind =
                switch (signer.scheme()) {
                    case MST -> ActorKind.BUSINESS;
                    case CCCD, CMND -> ActorKind.CITIZEN;
                    case MNS -> throw ApiProblem.identityMismatch(
                            "An agency certificate (" + signer.id() + ") cannot act as a business or citizen");
                };
        String name =
                kind == ActorKind.BUSINESS && signer.organization() != null ? signer.organization() : signer.name();
        // The asker cannot change the certificate: a name longer than the documented maximum is shortened for
        // display, never refused; the certificate itself stays in the signed evidence.
        return new Actor(kind, signer.id(), Fit.shorten(name, TextLimits.NAME_MAX), null);
    }

    static SignedPayload signedPayload(VerifiedEnvelope verified) {
        return SignedPayload.of(verified.payloadBytes(), verified.signatureBytes(), verified.chain());
    }

    private static Attachment attachment(JsonNode node) {
        if (!node.isObject()) {
            throw ApiProblem.badPayload("Each attachment must be an object");
        }
        Payloads.refuseUnknownFields(node, ATTACHMENT_FIELDS, "an attachment");
        String sha256 = Payloads.text(node, "sha256", 64);
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw ApiProblem.badPayload("An attachment's sha256 must be 64 lowercase hex digits");
        }
        return new Attachment(
                Payloads.text(node, "name", TextLimits.ATTACHMENT_NAME_MAX),
                Payloads.text(node, "mediaType", TextLimits.ATTACHMENT_NAME_MAX),
                Payloads.integer(node, "size", 0, Integer.MAX_VALUE),
                sha256);
    }

    /** SHA-256 over the payload bytes then the signature bytes: names the exact envelope accepted. */
    public static String sha256(byte[] payload, byte[] signature) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(payload);
            digest.update(signature);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
