package vn.edialog.command.signature;

/** Why a signed envelope or signature was refused; {@link #code()} is the stable wire code. */
public enum RefusalReason {
    BAD_ENCODING("bad-encoding"),
    NOT_CANONICAL("not-canonical"),
    BAD_PAYLOAD("bad-payload"),
    BAD_SIGNATURE("bad-signature"),
    UNTRUSTED("untrusted"),
    EXPIRED("expired"),
    REVOKED("revoked"),
    REVOCATION_UNKNOWN("revocation-unknown"),
    WEAK_ALGORITHM("weak-algorithm"),
    KEY_USAGE("key-usage"),
    IDENTITY_MISMATCH("identity-mismatch"),
    REPLAYED_NONCE("replayed-nonce"),
    SKEW("skew"),
    TOO_LARGE("too-large"),
    /** The certificate's identity type (business, citizen, agency) is not accepted from the CA that issued it. */
    IDENTITY_NOT_TRUSTED_FROM_ISSUER("identity-not-trusted-from-issuer");

    private final String code;

    RefusalReason(String code) {
        this.code = code;
    }

    /** The stable, lower-case code used in API responses. */
    public String code() {
        return code;
    }
}
