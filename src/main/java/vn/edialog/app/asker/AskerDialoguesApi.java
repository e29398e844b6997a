package vn.edialog.app.asker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.edialog.app.access.Viewer;
import vn.edialog.app.access.Viewers;
import vn.edialog.app.tracking.DialogueReads;
import vn.edialog.app.tracking.DialogueView;
import vn.edialog.app.tracking.InboxItem;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.app.web.OpenApiConfiguration;
import vn.edialog.app.web.ProblemResponses;
import vn.edialog.query.Page;

/**
 * The signed-in asker's own dialogues, in the province he signed in to. Officials are refused by the URL rule
 * ({@code /api/v1/me/**} needs an asker), before these methods run.
 */
@RestController
@RequestMapping("/api/v1/me/dialogues")
@Tag(name = "My dialogues", description = "The signed-in business's or citizen's own dialogues")
@SecurityRequirement(name = OpenApiConfiguration.ASKER_SESSION)
@ProblemResponses.Unauthenticated
@ProblemResponses.Forbidden
class AskerDialoguesApi {

    private final DialogueReads reads;

    AskerDialoguesApi(DialogueReads reads) {
        this.reads = reads;
    }

    @GetMapping
    @Operation(
            operationId = "myDialogues",
            summary = "My dialogues, latest activity first: status, due date, tracking code, handling agency, and"
                    + " whether a clarification is awaited from me")
    @ApiResponse(responseCode = "200", description = "One page of my dialogues")
    @ProblemResponses.BadParameter
    Page<InboxItem> inbox(
            @Parameter(description = "Only these statuses (repeat or separate by commas); all when absent")
                    @RequestParam(required = false)
                    List<String> status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return reads.askerInbox(asker(), status, page, size);
    }

    @GetMapping("/{dialogueId}")
    @Operation(
            operationId = "myDialogue",
            summary = "One of my dialogues: where it stands and its signed timeline (question, clarifications,"
                    + " forwards and their acknowledgements, answers)")
    @ApiResponse(responseCode = "200", description = "The dialogue and its signed timeline")
    @ProblemResponses.UnknownDialogue
    DialogueView dialogue(@PathVariable UUID dialogueId) {
        return reads.dialogue(asker(), dialogueId);
    }

    private static Viewer.Asker asker() {
        return Viewers.asker()
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "Not allowed",
                        "Only a signed-in asker has dialogues here."));
    }
}
