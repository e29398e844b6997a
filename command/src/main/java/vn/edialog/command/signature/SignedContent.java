package vn.edialog.command.signature;

import java.util.Optional;

/**
 * What a CMS signature signed, as the verifier is given it: the detached bytes, only their SHA-256 (a sealed payload,
 * kept encrypted elsewhere: the signature is checked over its signed attributes, whose message-digest must be that
 * digest), or nothing beyond the CMS (encapsulated content).
 */
public record SignedContent(byte[] bytes, byte[] sha256) {

    /** The signed bytes, given beside a detached CMS. */
    public static SignedContent detached(byte[] bytes) {
        return new SignedContent(bytes, null);
    }

    /** Only the SHA-256 of the signed bytes: the signature and its message-digest verify, the content is elsewhere. */
    public static SignedContent sealed(byte[] sha256) {
        if (sha256 == null || sha256.length != 32) {
            throw new IllegalArgumentException("a sealed content's digest is 32 bytes of SHA-256");
        }
        return new SignedContent(null, sha256);
    }

    /** The content the CMS encapsulates, or the detached bytes when present. */
    public static SignedContent of(Optional<byte[]> detached) {
        return new SignedContent(detached.orElse(null), null);
    }

    boolean isSealed() {
        return sha256 != null;
    }
}
