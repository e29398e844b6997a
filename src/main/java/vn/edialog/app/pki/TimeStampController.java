package vn.edialog.app.pki;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.edialog.app.web.ApiProblem;

/**
 * The demo time-stamping authority over HTTP (RFC 3161, 3.4): a DER {@code TimeStampReq} in, a DER {@code
 * TimeStampResp} out. Only the embedded default has one; a deployment names real authorities in {@code
 * EDIALOG_TSA_URLS}.
 */
@RestController
@ConditionalOnProperty(name = "edialog.pki.demo", havingValue = "true")
@Tag(name = "Demo PKI", description = "The embedded default's certificates, CRLs and time-stamping authority")
class TimeStampController {

    static final MediaType REPLY = MediaType.parseMediaType("application/timestamp-reply");

    /** A request is an imprint, a nonce and a policy: well under a kilobyte. */
    private static final int REQUEST_MAX = 8 * 1024;

    private final TimeStamping timeStamping;

    TimeStampController(TimeStamping timeStamping) {
        this.timeStamping = timeStamping;
    }

    @PostMapping(value = "/pki/tsa", produces = "application/timestamp-reply")
    @Operation(summary = "Time-stamp a digest (RFC 3161); try it with openssl ts -query and curl")
    ResponseEntity<byte[]> stamp(@RequestBody(required = false) byte[] request) {
        if (timeStamping.demoAuthority().isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        if (request == null || request.length == 0) {
            throw ApiProblem.badParameter("the body must be a DER TimeStampReq (application/timestamp-query)");
        }
        if (request.length > REQUEST_MAX) {
            throw ApiProblem.tooLarge("a TimeStampReq is at most " + REQUEST_MAX + " bytes");
        }
        return ResponseEntity.ok()
                .contentType(REPLY)
                .body(timeStamping.demoAuthority().get().respond(request));
    }
}
