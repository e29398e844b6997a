package vn.edialog.command.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.edialog.command.signature.PemFiles;

/**
 * The demo PKI the product generates holds valid signing leaves (and its time-stamping authority's) only; the refused
 * ones are the tests' (TestPki).
 */
class GeneratedPkiTest {

    @Test
    void theDemoPkiWritesOnlyValidSigningLeavesAndCrlsThatRevokeNothing(@TempDir Path dir) throws Exception {
        PkiFactory.generate(URI.create("http://localhost:8080")).writeTo(dir, "changeit".toCharArray());

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".p12")))
                    .containsExactlyInAnyOrder(
                            "business-" + GeneratedPki.BUSINESS_MST + ".p12",
                            "business-" + GeneratedPki.BUSINESS_RSA_MST + ".p12",
                            "citizen-" + GeneratedPki.CITIZEN_CCCD + ".p12",
                            "agency-" + GeneratedPki.AGENCY_MNS + ".p12",
                            "system.p12",
                            "tsa.p12");
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path chain : files.filter(p -> p.toString().endsWith(".pem")
                            && !p.toString().endsWith(".key.pem")
                            && !p.toString().endsWith(".crl.pem"))
                    .toList()) {
                X509Certificate leaf = PemFiles.readCertificates(chain).get(0);
                leaf.checkValidity(); // neither expired nor not yet valid
                if (leaf.getBasicConstraints() < 0) {
                    assertThat(leaf.getKeyUsage()[0])
                            .as("digitalSignature of " + chain.getFileName())
                            .isTrue();
                }
            }
        }
        for (String ca : List.of("root", "public-ca", "official-ca")) {
            assertThat(PemFiles.readCrls(dir.resolve(ca + ".crl")).get(0).getRevokedCertificates())
                    .as(ca + ".crl")
                    .isNull();
        }
    }
}
