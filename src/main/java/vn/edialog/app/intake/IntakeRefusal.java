package vn.edialog.app.intake;

import org.springframework.http.HttpStatus;

/** A command refused at intake, before it reaches the aggregate: nothing was stored. */
public class IntakeRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;

    private final Long retryAfterSeconds;

    public IntakeRefusal(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, null);
    }

    private IntakeRefusal(HttpStatus status, String code, String title, String detail, Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Too many commands signed with one certificate: 429, to be sent again after {@code seconds}. */
    public static IntakeRefusal rateLimited(long seconds) {
        return new IntakeRefusal(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "Too many requests",
                "Too many commands signed with this certificate; try again in " + seconds + " s.",
                seconds);
    }

    /** Seconds for {@code Retry-After}, or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static IntakeRefusal badPayload(String detail) {
        return new IntakeRefusal(
                HttpStatus.BAD_REQUEST, "bad-payload", "The signed payload is not a valid command", detail);
    }

    public static IntakeRefusal unknownTenant(String tenant) {
        return new IntakeRefusal(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "unknown-tenant",
                "Unknown province",
                "No tenant has the code '" + tenant + "'");
    }

    /** For reads: the tenant named in the URL does not exist. */
    public static IntakeRefusal tenantNotFound(String tenant) {
        return new IntakeRefusal(
                HttpStatus.NOT_FOUND, "unknown-tenant", "Unknown province", "No tenant has the code '" + tenant + "'");
    }

    public static IntakeRefusal dialogueExists(Object dialogueId) {
        return new IntakeRefusal(
                HttpStatus.CONFLICT,
                "conflict",
                "The dialogue already exists",
                "A dialogue with id " + dialogueId + " already exists");
    }

    public static IntakeRefusal unknownTopic(String tenant, String topic) {
        return new IntakeRefusal(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "unknown-topic",
                "Unknown topic",
                "Tenant '" + tenant + "' has no topic '" + topic + "'");
    }

    public static IntakeRefusal unknownDialogue(Object dialogueId) {
        return new IntakeRefusal(
                HttpStatus.NOT_FOUND,
                "unknown-dialogue",
                "Unknown dialogue",
                "No dialogue " + dialogueId + " in this tenant");
    }

    public static IntakeRefusal replayedNonce(Object nonce) {
        return new IntakeRefusal(
                HttpStatus.CONFLICT,
                "replayed-nonce",
                "The signature was already used",
                "The nonce " + nonce + " was already accepted: a signed envelope is accepted once only");
    }

    public static IntakeRefusal identityMismatch(String detail) {
        return new IntakeRefusal(HttpStatus.FORBIDDEN, "identity-mismatch", "The signer is not the party", detail);
    }

    /** A query parameter that cannot be used (reads). */
    public static IntakeRefusal badParameter(String detail) {
        return new IntakeRefusal(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad query parameter", detail);
    }

    public static IntakeRefusal tooLarge(String detail) {
        return new IntakeRefusal(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "The request is too large", detail);
    }

    public static IntakeRefusal badEncoding(String detail) {
        return new IntakeRefusal(
                HttpStatus.BAD_REQUEST, "bad-encoding", "The request is not a signed envelope", detail);
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
