package vn.edialog.app.tracking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.query.summary.DialogueSummary;
import vn.edialog.query.summary.DialogueSummaryQueries;

/**
 * Where a dialogue stands, by tracking code, for anyone holding the code (the asker may pass it on). It answers
 * status facts only: no question, answer or asker, and not the dialogue id, which would open nothing but is kept out
 * of reach all the same; a published dialogue names its id, the key of its public portal page. The dialogue itself
 * is read by its parties at {@code /api/v1/dialogues/{id}}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Status", description = "Status of a dialogue by tracking code (public)")
class StatusController {

    private final DialogueSummaryQueries summaries;

    StatusController(DialogueSummaryQueries summaries) {
        this.summaries = summaries;
    }

    /**
     * The public facts of a dialogue's progress.
     *
     * @param dialogueId present only once the answer is published on the portal
     */
    record TrackingStatus(
            String trackingCode,
            String tenant,
            String topic,
            String status,
            String handlingAgency,
            Instant dueAt,
            int escalationLevel,
            Instant askedAt,
            Instant answeredAt,
            boolean published,
            Instant lastEventAt,
            UUID dialogueId) {

        static TrackingStatus of(DialogueSummary summary) {
            return new TrackingStatus(
                    summary.trackingCode(),
                    summary.tenant(),
                    summary.topic(),
                    summary.status(),
                    summary.handlingAgency(),
                    summary.dueAt(),
                    summary.escalationLevel(),
                    summary.askedAt(),
                    summary.answeredAt(),
                    summary.published(),
                    summary.lastEventAt(),
                    summary.published() ? summary.dialogueId() : null);
        }
    }

    @GetMapping("/tracking/{trackingCode}")
    @Operation(summary = "Status of a dialogue by its tracking code (status facts only)")
    @ApiResponse(responseCode = "200", description = "Where the dialogue stands")
    @ApiResponse(
            responseCode = "404",
            description = "No dialogue has this code (`urn:edialog:problem:unknown-dialogue`)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    TrackingStatus byTrackingCode(@PathVariable String trackingCode) {
        // As the tracking page: a code read out or typed in lower case is the same code.
        return summaries
                .findByTrackingCode(trackingCode.strip().toUpperCase(Locale.ROOT))
                .map(TrackingStatus::of)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "unknown-dialogue",
                        "Unknown tracking code",
                        "No dialogue has the code " + trackingCode));
    }
}
