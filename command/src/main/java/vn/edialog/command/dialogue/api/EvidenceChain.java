package vn.edialog.command.dialogue.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The hash chain linking every event of a dialogue to the one before: {@code hash = hex(SHA-256(UTF-8(
 * "edialog-chain-v1\n" + previousHash + "\n" + hex(SHA-256(payloadBytes)) + "\n" + hex(SHA-256(signatureBytes)))))},
 * starting from {@link #GENESIS}. Changing any stored payload, signature or order of events breaks the chain. A sealed
 * envelope ({@link SignedPayload#sealed()}) brings the payload's digest instead of the payload: the same hash.
 */
public final class EvidenceChain {

    /** The previous hash of a dialogue's first event: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final String DOMAIN = "edialog-chain-v1\n";
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private EvidenceChain() {}

    /** Evidence for the next event: the payload, the previous hash and the new hash. */
    public static Evidence link(String previousHash, SignedPayload signed) {
        return new Evidence(signed, previousHash, hash(previousHash, signed));
    }

    /** The chain hash of a signed payload following {@code previousHash}. */
    public static String hash(String previousHash, SignedPayload signed) {
        if (previousHash == null || !HASH.matcher(previousHash).matches()) {
            throw new IllegalArgumentException("previous hash must be 64 lowercase hex digits");
        }
        if (signed == null || (signed.payload() == null && !signed.sealed()) || signed.signature() == null) {
            throw new IllegalArgumentException("signed payload and signature are required");
        }
        byte[] signature = Base64.getDecoder().decode(signed.signature());
        String text = DOMAIN + previousHash + "\n" + payloadSha256(signed) + "\n" + HEX.formatHex(sha256(signature));
        return HEX.formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the evidence's own hash matches its previous hash and signed payload. */
    public static boolean isIntact(Evidence evidence) {
        return evidence != null
                && evidence.hash() != null
                && evidence.hash().equals(hash(evidence.previousHash(), evidence.signed()));
    }

    /** Lowercase hex SHA-256 of the signed bytes: computed, or as a sealed envelope keeps it. */
    public static String payloadSha256(SignedPayload signed) {
        if (signed.sealed()) {
            if (!HASH.matcher(signed.payloadSha256()).matches()) {
                throw new IllegalArgumentException("a sealed payload's digest must be 64 lowercase hex digits");
            }
            return signed.payloadSha256();
        }
        return HEX.formatHex(sha256(Base64.getDecoder().decode(signed.payload())));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
