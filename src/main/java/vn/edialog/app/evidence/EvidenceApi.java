package vn.edialog.app.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.edialog.app.access.Viewers;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.tracking.DialogueReads;
import vn.edialog.app.tracking.DialogueView;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.app.web.OpenApiConfiguration;
import vn.edialog.app.web.ProblemResponses;
import vn.edialog.query.timeline.EventEvidence;

/** A dialogue's evidence bundle and its events' anchors, for its parties and the officials who may read it. */
@RestController
@Tag(name = "Dialogues: reads", description = "A dialogue's status, signed timeline and evidence, for its parties")
@SecurityRequirement(name = OpenApiConfiguration.ASKER_SESSION)
@SecurityRequirement(name = OpenApiConfiguration.OFFICIAL_BASIC)
@ProblemResponses.Unauthenticated
@ProblemResponses.UnknownDialogue
class EvidenceApi {

    private final DialogueReads reads;
    private final EvidenceBundles bundles;
    private final Tenants tenants;
    private final LongTermEvidence evidence;

    EvidenceApi(DialogueReads reads, EvidenceBundles bundles, Tenants tenants, LongTermEvidence evidence) {
        this.reads = reads;
        this.bundles = bundles;
        this.tenants = tenants;
        this.evidence = evidence;
    }

    @GetMapping("/api/v1/dialogues/{dialogueId}/events/{sequence}/anchor")
    @Operation(
            operationId = "dialogueEventAnchor",
            summary = "The event's inclusion proof: the Merkle tree (RFC 9162) of the events anchored together, its"
                    + " time-stamped root, the event's leaf index and the sibling hashes from its chain hash to the"
                    + " root")
    @ApiResponse(responseCode = "200", description = "The proof and the anchor's time-stamp token (base64 DER)")
    @ApiResponse(
            responseCode = "404",
            description = "`not-anchored-yet`: the event waits for the next anchor (every `EDIALOG_ANCHOR_INTERVAL`)")
    ChainAnchors.Proof anchor(@PathVariable UUID dialogueId, @PathVariable long sequence) {
        var event = reads.evidence(Viewers.current().orElse(null), dialogueId, sequence);
        return evidence.anchorProof(event.dialogueId(), event.sequence())
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "not-anchored-yet",
                        "Not anchored yet",
                        "Event " + sequence + " of dialogue " + dialogueId + " waits for the next anchor of the"
                                + " chain heads."));
    }

    @GetMapping("/api/v1/dialogues/{dialogueId}/evidence.asice")
    @Operation(
            operationId = "dialogueEvidenceBundle",
            summary = "The dialogue's evidence as one ASiC-E container: each event's signed bytes and CAdES signature"
                    + " (BASELINE-LT once its time-stamp and validation values are captured), a readable summary, and"
                    + " a manifest with its archive time-stamp; verify it offline with `edialog evidence verify`")
    @ApiResponse(
            responseCode = "200",
            description = "The ASiC-E container",
            content = @Content(mediaType = EvidenceBundles.MEDIA_TYPE))
    ResponseEntity<byte[]> bundle(@PathVariable UUID dialogueId) {
        var viewer = Viewers.current().orElse(null);
        DialogueView view = reads.dialogue(viewer, dialogueId);
        var summary = view.summary();
        var evidences = reads.evidences(viewer, dialogueId);
        if (evidences.stream().anyMatch(EventEvidence::sealed)) {
            // A confidential dialogue whose content was erased: its signatures verify in verify-store, by digest.
            throw new ApiProblem(
                    HttpStatus.GONE,
                    "content-erased",
                    "The content was erased",
                    "This confidential dialogue's content was erased; there is no bundle of it to give.");
        }
        byte[] bundle = bundles.bundle(
                new EvidenceBundles.Header(
                        dialogueId,
                        summary.trackingCode(),
                        tenants.find(summary.tenant()).orElse(null),
                        summary.topic(),
                        summary.askedAt()),
                EvidenceBundles.items(view, evidences));
        return EvidenceBundles.download(bundle, "edialog-" + summary.trackingCode() + ".asice");
    }
}
