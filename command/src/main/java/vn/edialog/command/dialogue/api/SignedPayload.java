package vn.edialog.command.dialogue.api;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * An envelope exactly as verified: base64 of the signed bytes, base64 of the DER CMS SignedData, base64 DER
 * certificates signer first. Strings (not byte[]) so records compare by value.
 *
 * <p>A <em>sealed</em> envelope (a message of a confidential dialogue) keeps no payload: {@code payload} is null and
 * {@code payloadSha256} is the lowercase hex SHA-256 of the signed bytes, which are stored encrypted outside the
 * event. The CMS signs that same digest (its message-digest signed attribute), so the signature, the hash chain and
 * the anchors verify without the content.
 */
public record SignedPayload(String payload, String signature, List<String> chain, String payloadSha256) {
    public SignedPayload {
        chain = chain == null ? List.of() : List.copyOf(chain);
    }

    /** An envelope that keeps its payload. */
    public SignedPayload(String payload, String signature, List<String> chain) {
        this(payload, signature, chain, null);
    }

    /** Whether the payload is kept outside the event, encrypted, and only its digest here. */
    public boolean sealed() {
        return payload == null && payloadSha256 != null;
    }

    /** This envelope without its payload: only the digest stays ({@code payloadSha256}, lowercase hex). */
    public SignedPayload seal(String payloadSha256) {
        return new SignedPayload(null, signature, chain, payloadSha256);
    }

    /** The signed bytes, the DER signature and the signer's chain (signer first), encoded for storage. */
    public static SignedPayload of(byte[] payload, byte[] signature, List<X509Certificate> chain) {
        Base64.Encoder base64 = Base64.getEncoder();
        return new SignedPayload(
                base64.encodeToString(payload),
                base64.encodeToString(signature),
                chain.stream()
                        .map(certificate -> {
                            try {
                                return base64.encodeToString(certificate.getEncoded());
                            } catch (CertificateEncodingException e) {
                                throw new IllegalArgumentException("unencodable certificate in the chain", e);
                            }
                        })
                        .toList());
    }
}
