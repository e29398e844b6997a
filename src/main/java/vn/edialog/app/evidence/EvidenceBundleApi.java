package vn.edialog.app.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.edialog.app.access.Viewers;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.tracking.DialogueReads;
import vn.edialog.app.tracking.DialogueView;
import vn.edialog.app.web.OpenApiConfiguration;
import vn.edialog.app.web.ProblemResponses;

/** A dialogue's evidence bundle, for its parties and the officials who may read it. */
@RestController
@Tag(name = "Dialogues: reads", description = "A dialogue's status, signed timeline and evidence, for its parties")
@SecurityRequirement(name = OpenApiConfiguration.ASKER_SESSION)
@SecurityRequirement(name = OpenApiConfiguration.OFFICIAL_BASIC)
@ProblemResponses.Unauthenticated
@ProblemResponses.UnknownDialogue
class EvidenceBundleApi {

    private final DialogueReads reads;
    private final EvidenceBundles bundles;
    private final Tenants tenants;

    EvidenceBundleApi(DialogueReads reads, EvidenceBundles bundles, Tenants tenants) {
        this.reads = reads;
        this.bundles = bundles;
        this.tenants = tenants;
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
        byte[] bundle = bundles.bundle(
                new EvidenceBundles.Header(
                        dialogueId,
                        summary.trackingCode(),
                        tenants.find(summary.tenant()).orElse(null),
                        summary.topic(),
                        summary.askedAt()),
                EvidenceBundles.items(view, reads.evidences(viewer, dialogueId)));
        return EvidenceBundles.download(bundle, "edialog-" + summary.trackingCode() + ".asice");
    }
}
