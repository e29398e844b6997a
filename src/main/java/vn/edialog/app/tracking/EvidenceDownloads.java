package vn.edialog.app.tracking;

import java.util.Base64;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.edialog.app.web.Problems;
import vn.edialog.query.timeline.EventEvidence;

/**
 * The downloads of one stored event, the same for the portal, the case page and the asker's page: the exact signed
 * bytes ({@code .json}) and the detached DER CMS signature ({@code .p7s}), named {@code
 * edialog-<dialogue>-<sequence>}, so that {@code edialog signature verify} or {@code openssl cms -verify} re-checks
 * them. Who may download is the caller's decision.
 */
public final class EvidenceDownloads {

    private static final MediaType CMS_SIGNATURE = MediaType.parseMediaType("application/pkcs7-signature");

    private EvidenceDownloads() {}

    /** The signed bytes; 410 Gone (a problem detail) when they were a confidential dialogue's and were erased. */
    public static ResponseEntity<byte[]> payload(EventEvidence evidence) {
        if (evidence.signedPayload() == null) {
            String problem =
                    "{\"type\":\"" + Problems.type("content-erased") + "\",\"title\":\"The content was erased\","
                            + "\"status\":410,\"detail\":\"This confidential dialogue's content was erased; its signature still"
                            + " verifies by the payload's SHA-256 " + evidence.payloadSha256() + ".\"}";
            return ResponseEntity.status(HttpStatus.GONE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return download(evidence, ".json", MediaType.APPLICATION_JSON, evidence.signedPayload());
    }

    public static ResponseEntity<byte[]> signature(EventEvidence evidence) {
        return download(evidence, ".p7s", CMS_SIGNATURE, evidence.signature());
    }

    public static String fileName(UUID dialogueId, long sequence, String suffix) {
        return "edialog-" + dialogueId + "-" + sequence + suffix;
    }

    private static ResponseEntity<byte[]> download(
            EventEvidence evidence, String suffix, MediaType type, String base64) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName(evidence.dialogueId(), evidence.sequence(), suffix))
                                .build()
                                .toString())
                .body(Base64.getDecoder().decode(base64));
    }
}
