package vn.edialog.app.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.edialog.app.access.AskerIdentity;
import vn.edialog.app.confidential.ConfidentialContents;
import vn.edialog.app.confidential.TransportEncryption;
import vn.edialog.app.pki.ServerSigners;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.app.web.RateLimits;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.dialogue.api.AskDialogueCommand;
import vn.edialog.command.dialogue.api.Attachment;
import vn.edialog.command.dialogue.api.ProvideClarificationCommand;
import vn.edialog.command.dialogue.api.RateSatisfactionCommand;
import vn.edialog.command.dialogue.api.ReopenDialogueCommand;
import vn.edialog.command.dialogue.api.SignedPayload;
import vn.edialog.command.dialogue.api.TextLimits;
import vn.edialog.command.signature.Envelope;
import vn.edialog.command.signature.EnvelopeVerifier;
import vn.edialog.command.signature.RefusalReason;
import vn.edialog.command.signature.SignatureRefusal;
import vn.edialog.command.signature.VerifiedEnvelope;
import vn.edialog.command.tenant.FormField;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.command.tenant.Topic;

/**
 * The signed messages of businesses and citizens: the envelope's signature verified under the province's trust
 * anchors, the signer's certificate rate-limited, the payload checked against the endpoint and the dialogue of the
 * URL, and its fields read into the command (each kind in {@link Kind}); then the message takes the one path of
 * {@link Submission}, which records it and signs the receipt. All in one transaction: a refused message changes
 * nothing.
 */
@Service
public class AskerMessages {

    /** The messages an asker signs, each with the fields it takes beside the common ones (any other is refused). */
    public enum Kind {
        ASK("ask", "topic", "subject", "body", "form", "confidential", "publicationConsent", "attachments"),
        CLARIFY("clarify", "text"),
        RATE("rate", "rating", "comment"),
        REOPEN("reopen", "reason");

        private final String type;
        private final Set<String> fields;

        Kind(String type, String... fields) {
            this.type = type;
            this.fields = Set.of(fields);
        }

        /** The payload's {@code type}. */
        public String type() {
            return type;
        }
    }

    private static final Set<String> ATTACHMENT_FIELDS = Set.of("name", "mediaType", "size", "sha256");

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern EMAIL =
            Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,255}\\.[^@\\s.\\p{Cntrl}]{2,63}");

    private final EnvelopeVerifier verifier;
    private final Tenants tenants;
    private final Submission submission;
    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final RateLimits rateLimits;
    private final ConfidentialContents contents;

    /** The refusals an opened payload gets as "could not be opened": they would tell about the ciphertext. */
    private static final Set<RefusalReason> UNOPENED = EnumSet.of(
            RefusalReason.BAD_ENCODING,
            RefusalReason.NOT_CANONICAL,
            RefusalReason.BAD_PAYLOAD,
            RefusalReason.BAD_SIGNATURE,
            RefusalReason.TOO_LARGE);

    AskerMessages(
            EnvelopeVerifier verifier,
            Tenants tenants,
            Submission submission,
            JdbcClient jdbc,
            WorkingDayCalendar calendar,
            Clock clock,
            RateLimits rateLimits,
            ConfidentialContents contents) {
        this.contents = contents;
        this.verifier = verifier;
        this.tenants = tenants;
        this.submission = submission;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
        this.rateLimits = rateLimits;
    }

    /**
     * Verifies and records one envelope.
     *
     * @param kind the message the endpoint takes
     * @param pathDialogueId the dialogue named by the URL, or {@code null} for an ask
     * @param contactEmail where to mail the asker (asks only), or {@code null}
     */
    @Transactional
    public Submission.Accepted accept(Kind kind, UUID pathDialogueId, Envelope envelope, String contactEmail) {
        return accept(kind, pathDialogueId, envelope, contactEmail, null);
    }

    /**
     * Verifies and records one envelope that was sent encrypted and opened with {@code openedBy}'s key ({@link
     * vn.edialog.app.pki.ServerSigners#key}): only a confidential dialogue's, encrypted to its People's Committee. An
     * opened payload that is not what was signed is answered exactly like one that did not open.
     */
    @Transactional
    public Submission.Accepted acceptOpened(
            Kind kind, UUID pathDialogueId, Envelope envelope, String contactEmail, String openedBy) {
        return accept(kind, pathDialogueId, envelope, contactEmail, openedBy);
    }

    private Submission.Accepted accept(
            Kind kind, UUID pathDialogueId, Envelope envelope, String contactEmail, String openedBy) {
        // At most the column's 320 characters: the pattern alone would let 384 through.
        if (contactEmail != null
                && (TextLimits.length(contactEmail) > TextLimits.EMAIL_MAX
                        || !EMAIL.matcher(contactEmail).matches())) {
            throw ApiProblem.badPayload("contact.email is not an e-mail address");
        }
        refuseUnknownTenant(envelope);
        VerifiedEnvelope verified;
        try {
            verified = verifier.verify(envelope);
        } catch (SignatureRefusal refusal) {
            if (openedBy != null && UNOPENED.contains(refusal.reason())) {
                throw TransportEncryption.unopenable();
            }
            throw refusal;
        }
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
        if (!kind.type().equals(verified.type())) {
            throw ApiProblem.badPayload(
                    "This endpoint takes '" + kind.type() + "' payloads, not '" + verified.type() + "'");
        }
        if (pathDialogueId != null && !pathDialogueId.equals(verified.dialogueId())) {
            throw ApiProblem.badPayload("The payload's dialogueId does not match the dialogue of the URL");
        }
        Tenant tenant = tenants.find(verified.tenant()).orElseThrow(() -> ApiProblem.unknownTenant(verified.tenant()));
        Actor actor = AskerIdentity.actor(verified.signer());
        SignedPayload signed = SignedPayload.of(verified.payloadBytes(), verified.signatureBytes(), verified.chain());
        JsonNode payload = verified.payload();
        Payloads.refuseUnknownFields(payload, kind.fields, "payload");
        boolean confidentialAsk = kind == Kind.ASK && Payloads.bool(payload, "confidential", false);
        if (openedBy != null) {
            if (!openedBy.equals(ServerSigners.key(tenant.code(), tenant.moderatorAgency()))) {
                throw ApiProblem.badPayload("encryptedPayload must be encrypted to the People's Committee of "
                        + tenant.code() + " (GET /api/v1/tenants/" + tenant.code() + "/encryption-certificate)");
            }
            if (kind == Kind.ASK ? !confidentialAsk : !contents.isConfidential(verified.dialogueId())) {
                throw ApiProblem.badPayload(
                        "encryptedPayload is for a confidential dialogue's messages; send this one as payload");
            }
        }
        Submission.Message message = new Submission.Message(
                Submission.Signer.ASKER,
                tenant.code(),
                verified.dialogueId(),
                kind.type(),
                verified.nonce(),
                receivedAt,
                signed,
                confidentialAsk);
        Submission.Accepted accepted = submission.submit(
                message,
                (trackingCode, stored) ->
                        command(kind, tenant, verified.dialogueId(), trackingCode, payload, actor, receivedAt, stored));
        if (contactEmail != null) {
            jdbc.sql("insert into asker_contact (dialogue_id, email) values (:id, :email)")
                    .param("id", verified.dialogueId())
                    .param("email", contactEmail)
                    .update();
        }
        return accepted;
    }

    /** The command a payload of this kind asks for; its fields are refused here when missing or ill-formed. */
    private Object command(
            Kind kind,
            Tenant tenant,
            UUID dialogueId,
            String trackingCode,
            JsonNode payload,
            Actor actor,
            Instant receivedAt,
            SignedPayload signed) {
        return switch (kind) {
            case ASK -> {
                String topic = Payloads.text(payload, "topic", TextLimits.CODE_MAX);
                if (tenant.topics().stream().noneMatch(t -> t.code().equals(topic))) {
                    throw ApiProblem.unknownTopic(tenant.code(), topic);
                }
                // A confidential ask's text stays in its sealed payload: checked here, never in the event.
                String subject =
                        Submission.unlessSealed(signed, Payloads.text(payload, "subject", TextLimits.SUBJECT_MAX));
                String body = Submission.unlessSealed(signed, Payloads.text(payload, "body", TextLimits.TEXT_MAX));
                checkForm(tenant.topic(topic).orElseThrow(), payload.get("form"));
                boolean confidential = Payloads.bool(payload, "confidential", false);
                // The asker's signed choice whether the answer may be published; absent means "agrees".
                boolean publicationConsent = Payloads.bool(payload, "publicationConsent", true);
                List<Attachment> attachments = Payloads.array(payload, "attachments", 20).stream()
                        .map(AskerMessages::attachment)
                        .toList();
                if (signed.sealed()) {
                    attachments = List.of();
                }
                yield new AskDialogueCommand(
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
                        calendar.dueAt(receivedAt, Submission.TRIAGE_WORKING_DAYS),
                        actor,
                        receivedAt,
                        signed);
            }
            case CLARIFY -> new ProvideClarificationCommand(
                    dialogueId,
                    Submission.unlessSealed(signed, Payloads.text(payload, "text", TextLimits.TEXT_MAX)),
                    actor,
                    receivedAt,
                    signed);
            case RATE -> new RateSatisfactionCommand(
                    dialogueId,
                    Payloads.integer(payload, "rating", 1, 5),
                    Submission.unlessSealed(
                            signed,
                            Payloads.optionalText(payload, "comment", TextLimits.REASON_MAX)
                                    .orElse(null)),
                    actor,
                    receivedAt,
                    signed);
            case REOPEN -> new ReopenDialogueCommand(
                    dialogueId,
                    Submission.unlessSealed(signed, Payloads.text(payload, "reason", TextLimits.REOPEN_REASON_MAX)),
                    calendar.dueAt(receivedAt, Submission.TRIAGE_WORKING_DAYS),
                    actor,
                    receivedAt,
                    signed);
        };
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
}
