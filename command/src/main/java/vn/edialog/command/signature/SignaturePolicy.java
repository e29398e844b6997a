package vn.edialog.command.signature;

import java.time.Duration;
import java.util.Objects;

/** Limits and policy of the envelope verifier: sizes (decoded bytes), clock skew, revocation mode, minimum RSA size. */
public record SignaturePolicy(
        int maxPayloadBytes, int maxSignatureBytes, Duration maxSkew, RevocationMode revocation, int minRsaBits) {

    public SignaturePolicy {
        if (maxPayloadBytes <= 0 || maxSignatureBytes <= 0) {
            throw new IllegalArgumentException("size limits must be positive");
        }
        Objects.requireNonNull(maxSkew, "maxSkew");
        if (maxSkew.isNegative()) {
            throw new IllegalArgumentException("maxSkew must not be negative");
        }
        Objects.requireNonNull(revocation, "revocation");
        if (minRsaBits < 2048) {
            throw new IllegalArgumentException("minRsaBits must be at least 2048");
        }
    }

    /** 256 KiB payload, 64 KiB signature, 5 minutes skew, revocation REQUIRE, RSA ≥ 2048. */
    public static SignaturePolicy defaults() {
        return new SignaturePolicy(256 * 1024, 64 * 1024, Duration.ofMinutes(5), RevocationMode.REQUIRE, 2048);
    }

    public SignaturePolicy withRevocation(RevocationMode mode) {
        return new SignaturePolicy(maxPayloadBytes, maxSignatureBytes, maxSkew, mode, minRsaBits);
    }

    public SignaturePolicy withMaxSkew(Duration skew) {
        return new SignaturePolicy(maxPayloadBytes, maxSignatureBytes, skew, revocation, minRsaBits);
    }

    public SignaturePolicy withMaxPayloadBytes(int bytes) {
        return new SignaturePolicy(bytes, maxSignatureBytes, maxSkew, revocation, minRsaBits);
    }

    public SignaturePolicy withMaxSignatureBytes(int bytes) {
        return new SignaturePolicy(maxPayloadBytes, bytes, maxSkew, revocation, minRsaBits);
    }
}
