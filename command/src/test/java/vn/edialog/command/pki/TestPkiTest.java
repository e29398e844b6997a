package vn.edialog.command.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.edialog.command.signature.PemFiles;
import vn.edialog.command.signature.SignerIdentity;

class TestPkiTest {

    private final TestPki pki = TestPki.shared();

    @Test
    void theSharedPkiIsCreatedOncePerJvm() {
        assertThat(TestPki.shared()).isSameAs(pki);
    }

    @Test
    void leavesCarryUtf8SubjectsIdentitiesAndDistributionPoints() throws Exception {
        X509Certificate b = pki.business().certificate();
        assertThat(SignerIdentity.fromCertificate(b).orElseThrow().name())
                .isEqualTo("Công ty TNHH Thương mại Hoàng Long");
        assertThat(b.getKeyUsage()[0]).isTrue();
        assertThat(b.getKeyUsage()[1]).isTrue();
        assertThat(new String(b.getExtensionValue("2.5.29.31"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("/pki/crl/public-ca.crl");
        assertThat(pki.agency().certificate().getIssuerX500Principal())
                .isEqualTo(pki.officialCa().certificate().getSubjectX500Principal());
        assertThat(((RSAKey) pki.businessRsa().certificate().getPublicKey())
                        .getModulus()
                        .bitLength())
                .isEqualTo(2048);
        assertThat(pki.crlOf(pki.publicCa()).isRevoked(pki.revoked().certificate()))
                .isTrue();
    }

    @Test
    void issuedLeavesHaveTheRequestedIdentity() {
        assertThat(SignerIdentity.fromCertificate(pki.issueCitizen("079123456789", "Phạm Minh Đức")
                                .certificate())
                        .orElseThrow()
                        .id())
                .isEqualTo("CCCD:079123456789");
        assertThat(SignerIdentity.fromCertificate(
                                pki.issueAgency("7654321", "UBND tỉnh Bắc Ninh").certificate())
                        .orElseThrow()
                        .organization())
                .isEqualTo("UBND tỉnh Bắc Ninh");
    }

    @Test
    void theWholePkiIsWrittenToAFolderAndThePkcs12FilesLoad(@TempDir Path dir) throws Exception {
        pki.writeTo(dir, "changeit".toCharArray());
        assertThat(dir.resolve("root.pem")).exists();
        assertThat(dir.resolve("public-ca.crl")).exists();
        assertThat(dir.resolve("README.txt")).exists();
        Path p12 = dir.resolve("business-" + TestPki.BUSINESS_MST + ".p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(p12)) {
            ks.load(in, "changeit".toCharArray());
        }
        String alias = ks.aliases().nextElement();
        assertThat(ks.getKey(alias, "changeit".toCharArray())).isInstanceOf(PrivateKey.class);
        assertThat(ks.getCertificateChain(alias)).hasSize(3);
        assertThat(PemFiles.readCertificates(dir.resolve("agency-" + TestPki.AGENCY_MNS + ".pem")))
                .hasSize(3);
        assertThat(Files.readString(dir.resolve("system.key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
    }
}
