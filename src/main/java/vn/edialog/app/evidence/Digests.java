package vn.edialog.app.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, as the evidence tables key their values and the bundle's manifest names its files. */
final class Digests {

    private Digests() {}

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
