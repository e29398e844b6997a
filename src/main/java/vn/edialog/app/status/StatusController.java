package vn.edialog.app.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.edialog.app.intake.IntakeRefusal;
import vn.edialog.query.summary.DialogueSummary;
import vn.edialog.query.summary.DialogueSummaryProjection;

/**
 * Where a dialogue stands, by id or tracking code. Answers status facts only (no question, answer or asker), so it
 * is safe for anyone holding the code.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Status", description = "Status of a dialogue by id or tracking code")
class StatusController {

    private final DialogueSummaryProjection summaries;

    StatusController(DialogueSummaryProjection summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/dialogues/{dialogueId}")
    @Operation(summary = "Status of a dialogue")
    DialogueSummary byId(@PathVariable UUID dialogueId) {
        return summaries.find(dialogueId).orElseThrow(() -> IntakeRefusal.unknownDialogue(dialogueId));
    }

    @GetMapping("/tracking/{trackingCode}")
    @Operation(summary = "Status of a dialogue by its tracking code")
    DialogueSummary byTrackingCode(@PathVariable String trackingCode) {
        return summaries
                .findByTrackingCode(trackingCode)
                .orElseThrow(() -> new IntakeRefusal(
                        HttpStatus.NOT_FOUND,
                        "unknown-dialogue",
                        "Unknown tracking code",
                        "No dialogue has the code " + trackingCode));
    }
}
