package vn.edialog.command.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edialog.command.signature.Fixtures.PKI;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.edialog.command.pki.Credential;

class OpensslInteropTest {

    @Test
    void aCadesSignatureMadeByOpensslIsAcceptedByTheEnvelopeVerifier(@TempDir Path dir) throws Exception {
        Openssl.require();
        for (Credential c : List.of(PKI.business(), PKI.businessRsa())) {
            Instant now = Instant.now();
            byte[] payload = Fixtures.canonical(Fixtures.payload(now));
            Files.write(dir.resolve("payload.json"), payload);
            Files.writeString(dir.resolve("cert.pem"), c.certificatePem());
            Files.writeString(dir.resolve("key.pem"), c.privateKeyPem());
            Files.writeString(
                    dir.resolve("chain.pem"),
                    PemFiles.toPem(c.chain().subList(1, c.chain().size() - 1)));
            Openssl.run(
                    dir,
                    "cms",
                    "-sign",
                    "-binary",
                    "-cades",
                    "-outform",
                    "DER",
                    "-md",
                    "sha256",
                    "-signer",
                    "cert.pem",
                    "-inkey",
                    "key.pem",
                    "-certfile",
                    "chain.pem",
                    "-in",
                    "payload.json",
                    "-out",
                    "sig.der");
            byte[] sig = Files.readAllBytes(dir.resolve("sig.der"));
            VerifiedEnvelope v = PKI.envelopeVerifier(Clock.systemUTC()).verify(Fixtures.envelope(payload, sig));
            assertThat(v.signer().scheme()).isEqualTo(IdentityScheme.MST);
        }
    }

    @Test
    void opensslVerifiesOurSignatureAndReadsOurPkcs12(@TempDir Path dir) throws Exception {
        Openssl.require();
        Credential c = PKI.business();
        byte[] content = "{\"a\":\"Hà Nội\"}".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("content.json"), content);
        Files.write(dir.resolve("sig.der"), c.signer().sign(content));
        Files.writeString(dir.resolve("root.pem"), PKI.root().certificatePem());
        Openssl.run(
                dir,
                "cms",
                "-verify",
                "-binary",
                "-inform",
                "DER",
                "-in",
                "sig.der",
                "-content",
                "content.json",
                "-CAfile",
                "root.pem",
                "-purpose",
                "any",
                "-out",
                "/dev/null");
        Files.write(dir.resolve("b.p12"), c.pkcs12("secret".toCharArray()));
        String info = Openssl.run(dir, "pkcs12", "-in", "b.p12", "-passin", "pass:secret", "-info", "-noout");
        assertThat(info).contains("AES-256-CBC").contains("sha256");
    }
}
