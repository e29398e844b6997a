package vn.edialog.command.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.edialog.command.signature.Fixtures.PKI;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreSignerTest {

    @Test
    void aPkcs12FromTheTestPkiSignsEnvelopesTheVerifierAccepts(@TempDir Path dir) throws Exception {
        Path p12 = dir.resolve("agency.p12");
        Files.write(p12, PKI.agency().pkcs12("s3cret-Pass".toCharArray()));
        CmsSigner signer = KeyStoreSigner.fromPkcs12(p12, "s3cret-Pass".toCharArray());
        assertThat(signer.certificate()).isEqualTo(PKI.agency().certificate());
        assertThat(signer.chain()).hasSize(3);
        byte[] payload = Fixtures.canonical(Fixtures.payload(Instant.now()));
        VerifiedEnvelope v =
                PKI.envelopeVerifier(Clock.systemUTC()).verify(Fixtures.envelope(payload, signer.sign(payload)));
        assertThat(v.signer().id()).isEqualTo("MNS:1234567");
    }

    @Test
    void aWrongPkcs12PasswordGivesAClearError(@TempDir Path dir) throws Exception {
        Path p12 = dir.resolve("b.p12");
        Files.write(p12, PKI.business().pkcs12("right".toCharArray()));
        assertThatThrownBy(() -> KeyStoreSigner.fromPkcs12(p12, "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b.p12");
    }

    @Test
    void aMissingPkcs11ConfigurationGivesAClearError(@TempDir Path dir) {
        Path missing = dir.resolve("pkcs11.cfg");
        assertThatThrownBy(() -> KeyStoreSigner.fromPkcs11(missing, "1234".toCharArray(), "agency"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PKCS#11 configuration file not found");
    }
}
