package vn.edialog.app.web;

import org.springframework.http.HttpStatus;

/** A command refused at intake, before it reaches the aggregate: nothing was stored. */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;

    private final Long retryAfterSeconds;

    public ApiProblem(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, null);
    }

    private ApiProblem(HttpStatus status, String code, String title, String detail, Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Too many commands signed with one certificate: 429, to be sent again after {@code seconds}. */
    public static ApiProblem rateLimited(long seconds) {
        return new ApiProblem(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "Too many requests",
                "Too many commands signed with this certificate; try again in " + seconds + " s.",
                seconds);
    }

    /** No time-stamp authority answers while the policy requires a time-stamp at acceptance: 503, nothing stored. */
    public static ApiProblem timeStampUnavailable(long seconds) {
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "time-stamp-unavailable",
                "No time-stamp authority answers",
                "Every message is time-stamped when it is accepted, and no time-stamp authority answers now; send it"
                        + " again in " + seconds + " s. Nothing was stored.",
                seconds);
    }

    /** Seconds for {@code Retry-After}, or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiProblem badPayload(String detail) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST, "bad-payload", "The signed payload is not a valid command", detail);
    }

    public static ApiProblem unknownTenant(String tenant) {
        return new ApiProblem(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "unknown-tenant",
                "Unknown province",
                "No tenant has the code '" + tenant + "'");
    }

    /** For reads: the tenant named in the URL does not exist. */
    public static ApiProblem tenantNotFound(String tenant) {
        return new ApiProblem(
                HttpStatus.NOT_FOUND, "unknown-tenant", "Unknown province", "No tenant has the code '" + tenant + "'");
    }

    public static ApiProblem dialogueExists(Object dialogueId) {
        return new ApiProblem(
                HttpStatus.CONFLICT,
                "conflict",
                "The dialogue already exists",
                "A dialogue with id " + dialogueId + " already exists");
    }

    public static ApiProblem unknownTopic(String tenant, String topic) {
        return new ApiProblem(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "unknown-topic",
                "Unknown topic",
                "Tenant '" + tenant + "' has no topic '" + topic + "'");
    }

    public static ApiProblem unknownDialogue(Object dialogueId) {
        return new ApiProblem(
                HttpStatus.NOT_FOUND,
                "unknown-dialogue",
                "Unknown dialogue",
                "No dialogue " + dialogueId + " in this tenant");
    }

    public static ApiProblem replayedNonce(Object nonce) {
        return new ApiProblem(
                HttpStatus.CONFLICT,
                "replayed-nonce",
                "The signature was already used",
                "The nonce " + nonce + " was already accepted: a signed envelope is accepted once only");
    }

    public static ApiProblem identityMismatch(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "identity-mismatch", "The signer is not the party", detail);
    }

    /** A query parameter that cannot be used (reads). */
    public static ApiProblem badParameter(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad query parameter", detail);
    }

    public static ApiProblem tooLarge(String detail) {
        return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "The request is too large", detail);
    }

    public static ApiProblem badEncoding(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-encoding", "The request is not a signed envelope", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
