package vn.edialog.command.dialogue.api;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * An envelope exactly as verified: base64 of the signed bytes, base64 of the DER CMS SignedData, base64 DER
 * certificates signer first. Strings (not byte[]) so records compare by value.
 */
public record SignedPayload(String payload, String signature, List<String> chain) {
    public SignedPayload {
        chain = chain == null ? List.of() : List.copyOf(chain);
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
