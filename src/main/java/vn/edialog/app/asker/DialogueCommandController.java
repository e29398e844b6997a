package vn.edialog.app.asker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.edialog.app.confidential.TransportEncryption;
import vn.edialog.app.submission.AskerMessages;
import vn.edialog.app.submission.Submission;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.command.signature.Envelope;

/**
 * The signed commands of businesses and citizens. Each request body is an envelope: the base64 of the exact signed
 * bytes (RFC 8785 canonical JSON) and the base64 of a detached CMS SignedData over them.
 */
@RestController
@RequestMapping("/api/v1/dialogues")
@Tag(name = "Dialogues: signed commands of askers")
class DialogueCommandController {

    private final AskerMessages intake;
    private final TransportEncryption transport;

    DialogueCommandController(AskerMessages intake, TransportEncryption transport) {
        this.intake = intake;
        this.transport = transport;
    }

    @Schema(description = "A signed envelope")
    record EnvelopeRequest(
            @Schema(description = "Base64 of the exact signed bytes: UTF-8 JSON in RFC 8785 canonical form")
                    String payload,
            @Schema(
                            description = "Instead of payload, for a confidential dialogue: base64 of a DER CMS"
                                    + " EnvelopedData of the exact signed bytes, encrypted to the People's Committee's"
                                    + " certificate (GET /api/v1/tenants/{tenant}/encryption-certificate)")
                    String encryptedPayload,
            @Schema(description = "Base64 of a DER CMS SignedData (CAdES-BES), detached, over the payload bytes")
                    String signature,
            @Schema(
                            description = "Optional, asks only: where to mail the asker. Kept beside the signed record,"
                                    + " not in it, so that it can be changed or erased")
                    Contact contact) {}

    @Schema(description = "How to reach the asker")
    record Contact(@Schema(description = "E-mail address") String email) {}

    @Schema(description = "The command was accepted and stored")
    record AcceptedResponse(
            UUID dialogueId,
            String trackingCode,
            long sequence,
            String eventHash,
            Instant receivedAt,
            @Schema(description = "Signed receipt: the system key's CMS signature over a canonical JSON statement")
                    Envelope receipt) {}

    @PostMapping
    @Operation(
            summary = "Ask a question or file a petition (payload type 'ask')",
            description =
                    "Payload fields: type=ask, tenant, dialogueId (UUID chosen by the client), nonce (UUID), signedAt"
                            + " (RFC 3339), topic, subject (at most 300 characters), body (at most 20,000), optional form (the"
                            + " topic's fields: name to text of at most 1,000, required ones filled), optional confidential"
                            + " (boolean) and attachments [{name (at most 255), mediaType, size, sha256}] (at most 20)."
                            + " Characters are Unicode code points. contact.email: at most 320 characters.")
    @ApiResponse(responseCode = "201", description = "Accepted; the receipt is signed by the system key")
    ResponseEntity<AcceptedResponse> ask(@RequestBody EnvelopeRequest envelope) {
        String email = envelope == null || envelope.contact() == null
                ? null
                : envelope.contact().email();
        return accepted(accept(AskerMessages.Kind.ASK, null, envelope, email));
    }

    @PostMapping("/{dialogueId}/clarifications")
    @Operation(
            summary =
                    "Provide the clarification the moderator or department asked for (type 'clarify', field text: at most 20,000"
                            + " characters)")
    ResponseEntity<AcceptedResponse> clarify(@PathVariable UUID dialogueId, @RequestBody EnvelopeRequest envelope) {
        return accepted(accept(AskerMessages.Kind.CLARIFY, dialogueId, envelope, null));
    }

    @PostMapping("/{dialogueId}/ratings")
    @Operation(
            summary =
                    "Rate the answer (type 'rate', fields rating 1..5 and optional comment: at most 2,000 characters)")
    ResponseEntity<AcceptedResponse> rate(@PathVariable UUID dialogueId, @RequestBody EnvelopeRequest envelope) {
        return accepted(accept(AskerMessages.Kind.RATE, dialogueId, envelope, null));
    }

    @PostMapping("/{dialogueId}/reopenings")
    @Operation(
            summary =
                    "Reopen a closed dialogue within the allowed window (type 'reopen', field reason: at most 5,000 characters)")
    ResponseEntity<AcceptedResponse> reopen(@PathVariable UUID dialogueId, @RequestBody EnvelopeRequest envelope) {
        return accepted(accept(AskerMessages.Kind.REOPEN, dialogueId, envelope, null));
    }

    /** The envelope as signed: its payload as sent, or opened when it was sent encrypted. */
    private Submission.Accepted accept(
            AskerMessages.Kind kind, UUID dialogueId, EnvelopeRequest request, String contactEmail) {
        if (request == null
                || request.signature() == null
                || (request.payload() == null) == (request.encryptedPayload() == null)) {
            throw ApiProblem.badEncoding("The body must be a JSON object with the strings 'signature' and either"
                    + " 'payload' or 'encryptedPayload'");
        }
        if (request.payload() != null) {
            return intake.accept(kind, dialogueId, new Envelope(request.payload(), request.signature()), contactEmail);
        }
        byte[] encrypted;
        try {
            encrypted = Base64.getDecoder().decode(request.encryptedPayload());
        } catch (IllegalArgumentException e) {
            throw TransportEncryption.unopenable();
        }
        TransportEncryption.Opened opened = transport.open(encrypted);
        return intake.acceptOpened(
                kind,
                dialogueId,
                new Envelope(Base64.getEncoder().encodeToString(opened.payload()), request.signature()),
                contactEmail,
                opened.agencyKey());
    }

    private static ResponseEntity<AcceptedResponse> accepted(Submission.Accepted accepted) {
        return ResponseEntity.created(URI.create("/api/v1/dialogues/" + accepted.dialogueId()))
                .body(new AcceptedResponse(
                        accepted.dialogueId(),
                        accepted.trackingCode(),
                        accepted.sequence(),
                        accepted.eventHash(),
                        accepted.receivedAt(),
                        accepted.receipt()));
    }
}
