package vn.edialog.command.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edialog.command.signature.Fixtures.PKI;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A confidential message's signature verifies by the digest of its payload alone: the content may be long gone. */
class SealedContentVerificationTest {

    private final CmsSignatureVerifier cms = new CmsSignatureVerifier();

    private VerificationContext ctx() {
        return VerificationContext.of(Set.of(PKI.trustAnchor()), Instant.now()).withCrls(PKI.crls());
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    @Test
    void aDetachedSignatureVerifiesByItsPayloadsDigestAndNotByAnother() throws Exception {
        byte[] payload = "{\"body\":\"Bí mật của tôi\"}".getBytes(StandardCharsets.UTF_8);
        for (var credential : List.of(PKI.business(), PKI.businessRsa(), PKI.agency())) {
            byte[] signature = credential.signer().sign(payload);
            VerificationResult sealed = cms.verify(signature, SignedContent.sealed(sha256(payload)), ctx());
            assertThat(sealed.valid()).as(sealed.detail()).isTrue();
            assertThat(sealed.facts()).anyMatch(f -> f.contains("sealed content: verified by its digest"));
            assertThat(sealed.identity()).isNotNull();

            VerificationResult other = cms.verify(signature, SignedContent.sealed(sha256(new byte[] {1})), ctx());
            assertThat(other.valid()).isFalse();
            assertThat(other.reason()).isEqualTo(RefusalReason.BAD_SIGNATURE);
        }
    }

    @Test
    void anEnvelopingSignatureIsNotASealedOne() throws Exception {
        byte[] content = "nội dung".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Fixtures.plainCms(List.of(PKI.agency()), content, true);
        VerificationResult r = cms.verify(signature, SignedContent.sealed(sha256(content)), ctx());
        assertThat(r.valid()).isFalse();
        assertThat(r.detail()).contains("must not encapsulate");
    }
}
