package vn.edialog.command.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edialog.command.signature.Fixtures.PKI;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.edialog.command.pki.Credential;

class CliVerifiersTest {

    private final CmsSignatureVerifier cms = new CmsSignatureVerifier();
    private final CertificatePathChecker paths = new CertificatePathChecker();
    private final Instant now = Instant.now();

    private VerificationContext ctx() {
        return VerificationContext.of(Set.of(PKI.trustAnchor()), now).withCrls(PKI.crls());
    }

    @Test
    void anEnvelopingCmsIsVerifiedWithItsEncapsulatedContent() throws Exception {
        byte[] content = "Biên bản đối thoại".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Fixtures.plainCms(List.of(PKI.agency()), content, true);
        VerificationResult r = cms.verify(signature, Optional.empty(), ctx());
        assertThat(r.valid()).as(r.detail()).isTrue();
        assertThat(r.code()).isEqualTo("valid");
        assertThat(r.identity().id()).isEqualTo("MNS:1234567");
        assertThat(r.path()).hasSize(3);
        assertThat(r.facts()).anyMatch(f -> f.startsWith("not revoked"));
    }

    @Test
    void aDetachedCmsIsVerifiedWithItsContentAndRefusedWithout() {
        byte[] content = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] signature = PKI.business().signer().sign(content);
        assertThat(cms.verify(signature, Optional.of(content), ctx()).valid()).isTrue();
        VerificationResult without = cms.verify(signature, Optional.empty(), ctx());
        assertThat(without.valid()).isFalse();
        assertThat(without.reason()).isEqualTo(RefusalReason.BAD_ENCODING);
        VerificationResult other = cms.verify(signature, Optional.of(new byte[] {1}), ctx());
        assertThat(other.reason()).isEqualTo(RefusalReason.BAD_SIGNATURE);
    }

    @Test
    void aRevokedSignerIsReportedWithItsCode() {
        byte[] content = {1, 2, 3};
        VerificationResult r = cms.verify(PKI.revoked().signer().sign(content), Optional.of(content), ctx());
        assertThat(r.code()).isEqualTo("revoked");
        assertThat(r.signer().subject()).contains("Trần Văn Bị Thu Hồi");
    }

    @Test
    void aCertificateWithoutDigitalSignaturePassesRfc5280ButFailsEdialog() {
        Credential c = PKI.keyEnciphermentOnly();
        List<X509CRL> crls = PKI.crls();
        VerificationResult rfc =
                paths.check(c.certificate(), c.chain(), Set.of(PKI.trustAnchor()), crls, now, Profile.RFC5280);
        VerificationResult product =
                paths.check(c.certificate(), c.chain(), Set.of(PKI.trustAnchor()), crls, now, Profile.EDIALOG);
        assertThat(rfc.valid()).as(rfc.detail()).isTrue();
        assertThat(product.reason()).isEqualTo(RefusalReason.KEY_USAGE);
    }

    @Test
    void aSha1SignedCertificatePassesRfc5280ButIsWeakForEdialog() {
        Credential c = PKI.sha1Signed();
        assertThat(paths.check(c.certificate(), c.chain(), Set.of(PKI.trustAnchor()), List.of(), now, Profile.RFC5280)
                        .valid())
                .isTrue();
        assertThat(paths.check(c.certificate(), c.chain(), Set.of(PKI.trustAnchor()), List.of(), now, Profile.EDIALOG)
                        .reason())
                .isEqualTo(RefusalReason.WEAK_ALGORITHM);
    }

    @Test
    void givenCrlsMustCoverEveryCertificateOfThePath() {
        Credential c = PKI.business();
        List<X509CRL> onlyRoot = List.of(PKI.crlOf(PKI.root()));
        VerificationResult r =
                paths.check(c.certificate(), c.chain(), Set.of(PKI.trustAnchor()), onlyRoot, now, Profile.RFC5280);
        assertThat(r.reason()).isEqualTo(RefusalReason.REVOCATION_UNKNOWN);
        assertThat(paths.check(c.certificate(), c.chain(), Set.of(PKI.trustAnchor()), List.of(), now, Profile.RFC5280)
                        .valid())
                .isTrue();
    }

    @Test
    void aPathIsCheckedAtTheGivenInstant() {
        Credential c = PKI.business();
        Instant after = c.certificate().getNotAfter().toInstant().plusSeconds(3600);
        assertThat(paths.check(c.certificate(), c.chain(), Set.of(PKI.trustAnchor()), List.of(), now, Profile.EDIALOG)
                        .valid())
                .isTrue();
        assertThat(paths.check(c.certificate(), c.chain(), Set.of(PKI.trustAnchor()), List.of(), after, Profile.EDIALOG)
                        .reason())
                .isEqualTo(RefusalReason.EXPIRED);
        Credential expired = PKI.expired();
        assertThat(paths.check(
                                expired.certificate(),
                                expired.chain(),
                                Set.of(PKI.trustAnchor()),
                                List.of(),
                                now,
                                Profile.RFC5280)
                        .reason())
                .isEqualTo(RefusalReason.EXPIRED);
    }

    @Test
    void aLeafWithoutItsIntermediateIsUntrusted() {
        Credential c = PKI.citizen();
        assertThat(paths.check(c.certificate(), List.of(), Set.of(PKI.trustAnchor()), List.of(), now, Profile.RFC5280)
                        .reason())
                .isEqualTo(RefusalReason.UNTRUSTED);
    }

    @Test
    void pemFilesReadSeveralBlocksAndDer(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("chain.pem");
        Files.writeString(pem, "junk before\n" + PKI.business().chainPem());
        assertThat(PemFiles.readCertificates(pem))
                .containsExactlyElementsOf(PKI.business().chain());
        Path der = dir.resolve("leaf.der");
        Files.write(der, PKI.business().certificate().getEncoded());
        assertThat(PemFiles.readCertificates(der))
                .containsExactly(PKI.business().certificate());
        Path crls = dir.resolve("crls.pem");
        StringBuilder sb = new StringBuilder();
        for (X509CRL crl : PKI.crls()) {
            sb.append(PemFiles.pem("X509 CRL", crl.getEncoded()));
        }
        Files.writeString(crls, sb);
        assertThat(PemFiles.readCrls(crls)).hasSize(3);
        Path crlDer = dir.resolve("public-ca.crl");
        Files.write(crlDer, PKI.crlDer("/pki/crl/public-ca.crl").orElseThrow());
        assertThat(PemFiles.readCrls(crlDer)).singleElement().satisfies(crl -> assertThat(crl.getIssuerX500Principal())
                .isEqualTo(PKI.publicCa().certificate().getSubjectX500Principal()));
    }
}
