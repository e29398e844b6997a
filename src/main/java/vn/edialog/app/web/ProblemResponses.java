package vn.edialog.app.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.ProblemDetail;

/**
 * The refusals of the read API, documented once: put them on an operation (or a controller) and the OpenAPI
 * description lists the response with its RFC 9457 problem body.
 */
public final class ProblemResponses {

    private ProblemResponses() {}

    /** {@code 400 bad-parameter}: a query parameter cannot be used. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(
            responseCode = "400",
            description = "A query parameter cannot be used (`urn:edialog:problem:bad-parameter`)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    public @interface BadParameter {}

    /** {@code 401 unauthenticated}: nobody is signed in. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(
            responseCode = "401",
            description = "Nobody is signed in (`urn:edialog:problem:unauthenticated`)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    public @interface Unauthenticated {}

    /** {@code 403 forbidden}: the signed-in viewer's role or agency may not read this. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(
            responseCode = "403",
            description = "The signed-in reader's role, agency or province may not read this"
                    + " (`urn:edialog:problem:forbidden`)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    public @interface Forbidden {}

    /** {@code 404 unknown-dialogue}: no such dialogue, or not one the viewer may read (the two look alike). */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(
            responseCode = "404",
            description = "No such dialogue, or none the reader may read: the two are answered alike"
                    + " (`urn:edialog:problem:unknown-dialogue`)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    public @interface UnknownDialogue {}
}
