package vn.edialog.app.official;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.edialog.app.access.Viewers;
import vn.edialog.app.tracking.DialogueReads;
import vn.edialog.app.tracking.InboxItem;
import vn.edialog.app.web.OpenApiConfiguration;
import vn.edialog.app.web.ProblemResponses;
import vn.edialog.query.Page;

/**
 * An agency's inbox: the dialogues it moderates or was forwarded, for its own officials and for the People's
 * Committee of the same province. Agency codes are public reference data, so a refusal says so plainly ({@code 403})
 * rather than pretending the agency does not exist.
 */
@RestController
@Tag(name = "Agency inbox", description = "The dialogues an agency moderates or was forwarded, for its officials")
class AgencyInboxApi {

    private final DialogueReads reads;

    AgencyInboxApi(DialogueReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/tenants/{tenant}/agencies/{agency}/dialogues")
    @Operation(
            operationId = "agencyInbox",
            summary = "An agency's dialogues, latest activity first: status, due date, tracking code, handling agency,"
                    + " and whether the agency holds the next move")
    @SecurityRequirement(name = OpenApiConfiguration.OFFICIAL_BASIC)
    @ApiResponse(responseCode = "200", description = "One page of the agency's dialogues")
    @ProblemResponses.BadParameter
    @ProblemResponses.Unauthenticated
    @ProblemResponses.Forbidden
    @ApiResponse(
            responseCode = "404",
            description = "The People's Committee asked for an agency its province does not have"
                    + " (`urn:edialog:problem:unknown-agency`)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    Page<InboxItem> inbox(
            @PathVariable String tenant,
            @PathVariable String agency,
            @Parameter(description = "Only these statuses (repeat or separate by commas); all when absent")
                    @RequestParam(required = false)
                    List<String> status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return reads.agencyInbox(Viewers.current().orElse(null), tenant, agency, status, page, size);
    }
}
