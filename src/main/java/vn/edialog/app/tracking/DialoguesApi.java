package vn.edialog.app.tracking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.edialog.app.access.Viewer;
import vn.edialog.app.access.Viewers;
import vn.edialog.app.web.OpenApiConfiguration;
import vn.edialog.app.web.ProblemResponses;
import vn.edialog.query.summary.DialogueSummary;
import vn.edialog.query.timeline.EventEvidence;

/**
 * One dialogue for those entitled to it: the asker who filed it, and the officials of the agencies taking part (its
 * People's Committee, the departments it was forwarded to). Anyone else, in this province or another, gets {@code 404}
 * as for a dialogue that does not exist. Signing in is required ({@code 401} otherwise).
 */
@RestController
@RequestMapping("/api/v1/dialogues/{dialogueId}")
@Tag(name = "Dialogues: reads", description = "A dialogue's status, signed timeline and evidence, for its parties")
@SecurityRequirement(name = OpenApiConfiguration.ASKER_SESSION)
@SecurityRequirement(name = OpenApiConfiguration.OFFICIAL_BASIC)
@ProblemResponses.Unauthenticated
@ProblemResponses.UnknownDialogue
class DialoguesApi {

    private final DialogueReads reads;

    DialoguesApi(DialogueReads reads) {
        this.reads = reads;
    }

    @GetMapping
    @Operation(
            operationId = "dialogueStatus",
            summary = "Where a dialogue stands: status, handling agency, due date, escalation, publication")
    @ApiResponse(responseCode = "200", description = "Where the dialogue stands")
    DialogueSummary status(@PathVariable UUID dialogueId) {
        return reads.summary(viewer(), dialogueId);
    }

    @GetMapping("/timeline")
    @Operation(
            operationId = "dialogueTimeline",
            summary = "Every signed event of a dialogue in order, with what was signed and its place in the hash chain")
    @ApiResponse(responseCode = "200", description = "The signed events in order")
    DialogueTimeline timeline(@PathVariable UUID dialogueId) {
        return reads.timeline(viewer(), dialogueId);
    }

    @GetMapping("/events/{sequence}/evidence")
    @Operation(
            operationId = "dialogueEvidence",
            summary = "The signed bytes, CMS signature and chain of one event, to re-verify it (for example with"
                    + " `edialog signature verify`)")
    @ApiResponse(responseCode = "200", description = "The event's evidence as stored")
    EventEvidence evidence(@PathVariable UUID dialogueId, @PathVariable long sequence) {
        return reads.evidence(viewer(), dialogueId, sequence);
    }

    /** Null when nobody is signed in; the URL rule has answered 401 before, and the policy refuses null anyway. */
    private static Viewer viewer() {
        return Viewers.current().orElse(null);
    }
}
