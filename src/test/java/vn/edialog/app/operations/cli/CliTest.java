package vn.edialog.app.operations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.TestPkiFiles;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.signature.CanonicalJson;
import vn.edialog.command.signature.CmsSignatureVerifier;
import vn.edialog.command.signature.PemFiles;
import vn.edialog.command.signature.VerificationContext;
import vn.edialog.command.timestamp.CadesSignatures;
import vn.edialog.command.timestamp.TimeStampAuthority;
import vn.edialog.command.timestamp.TimeStampClient;
import vn.edialog.command.timestamp.TimeStampVerifier;

/** The command line's commands with real files of the test PKI: outputs and exit codes (0 valid, 1 invalid, 2 unusable). */
class CliTest {

    private static final TestPki PKI = TestPki.shared();
    private static Path pki;

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return Envelopes.JSON.readTree(out);
        }
    }

    @BeforeAll
    static void writePki() {
        pki = TestPkiFiles.directory();
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String path(String name) {
        return pki.resolve(name).toString();
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private String[] crlArgs() {
        return new String[] {"--crl", path("root.crl"), "--crl", path("public-ca.crl")};
    }

    // ---------------------------------------------------------------- sign

    @Test
    void signPrintsAnEnvelopeThatTheProductVerifies() throws Exception {
        Path payload = write(
                "ask.json",
                Envelopes.utf8(
                        """
                {"type": "ask", "tenant": "demo", "dialogueId": "%s", "topic": "thu-tuc-thue",
                 "subject": "Hoàn thuế", "body": "Hồ sơ hoàn thuế gồm những gì?"}
                """
                                .formatted(UUID.randomUUID())));
        Path password = write("password.txt", Envelopes.utf8(TestPkiFiles.PASSWORD + "\n"));

        Run run = run(
                "sign",
                "--key",
                path("business-" + TestPki.BUSINESS_MST + ".p12"),
                "--password-file",
                password.toString(),
                "--payload",
                payload.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("added nonce", "added signedAt");
        byte[] bytes = Base64.getDecoder().decode(run.json().path("payload").asText());
        byte[] signature =
                Base64.getDecoder().decode(run.json().path("signature").asText());
        assertThat(CanonicalJson.canonicalize(Envelopes.JSON.readTree(bytes))).isEqualTo(bytes);
        var verified = new CmsSignatureVerifier()
                .verify(
                        signature,
                        Optional.of(bytes),
                        VerificationContext.of(Set.of(PKI.trustAnchor()), Instant.now()));
        assertThat(verified.valid()).as(verified.detail()).isTrue();
        assertThat(verified.identity().id()).isEqualTo("MST:" + TestPki.BUSINESS_MST);
    }

    @Test
    void signChoosesTheIdOfANewDialogueWhenTheAskHasNone() throws Exception {
        Path payload = write(
                "ask-without-id.json",
                Envelopes.utf8(
                        """
                {"type": "ask", "tenant": "demo", "topic": "thu-tuc-thue", "subject": "Hoàn thuế", "body": "?"}
                """));
        Path password = write("password.txt", Envelopes.utf8(TestPkiFiles.PASSWORD + "\n"));

        Run run = run(
                "sign",
                "--key",
                path("business-" + TestPki.BUSINESS_MST + ".p12"),
                "--password-file",
                password.toString(),
                "--payload",
                payload.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        String id = Envelopes.JSON
                .readTree(Base64.getDecoder().decode(run.json().path("payload").asText()))
                .path("dialogueId")
                .asText();
        assertThat(UUID.fromString(id).version()).isEqualTo(4);
        assertThat(run.err()).contains("added dialogueId " + id);
    }

    @Test
    void signWithAWrongPasswordIsUnusableInput() throws Exception {
        Path payload = write("p.json", Envelopes.utf8("{\"type\":\"ask\"}"));
        Path password = write("password.txt", Envelopes.utf8("wrong"));
        Run run = run(
                "sign",
                "--key",
                path("business-" + TestPki.BUSINESS_MST + ".p12"),
                "--password-file",
                password.toString(),
                "--payload",
                payload.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("cannot use the key");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void signRefusesAPayloadThatIsNotAJsonObject() throws Exception {
        Path payload = write("p.json", Envelopes.utf8("[1, 2]"));
        Path password = write("password.txt", Envelopes.utf8(TestPkiFiles.PASSWORD));
        Run run = run(
                "sign",
                "--key",
                path("business-" + TestPki.BUSINESS_MST + ".p12"),
                "--password-file",
                password.toString(),
                "--payload",
                payload.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("must hold a JSON object");
    }

    @Test
    void signNeedsExactlyOnePasswordSource() {
        Run run = run("sign", "--key", "k.p12", "--payload", "p.json");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--password-env", "--password-file");
    }

    // ---------------------------------------------------------------- signature verify

    private Path detachedSignature(Credential signer, byte[] content) throws Exception {
        return write("sig.p7s", signer.signer().sign(content));
    }

    @Test
    void aValidDetachedSignatureVerifiesWithExitCodeZero() throws Exception {
        byte[] content = Envelopes.utf8("Nội dung đã ký");
        Path signature = detachedSignature(PKI.business(), content);
        Run run = run(concat(
                new String[] {
                    "signature",
                    "verify",
                    "--signature",
                    signature.toString(),
                    "--content",
                    write("content.txt", content).toString(),
                    "--trust",
                    path("root.pem")
                },
                crlArgs()));
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("VALID").contains("MST:" + TestPki.BUSINESS_MST);
    }

    @Test
    void changedContentIsInvalidWithExitCodeOneAndAJsonReason() throws Exception {
        Path signature = detachedSignature(PKI.business(), Envelopes.utf8("bản gốc"));
        Run run = run(
                "signature",
                "verify",
                "--signature",
                signature.toString(),
                "--content",
                write("content.txt", Envelopes.utf8("bản đã sửa")).toString(),
                "--trust",
                path("root.pem"),
                "--json");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.json().path("valid").asBoolean()).isFalse();
        assertThat(run.json().path("reason").asText()).isEqualTo("bad-signature");
    }

    @Test
    void aRevokedSignerIsInvalidWhenItsCrlIsGiven() throws Exception {
        byte[] content = Envelopes.utf8("x");
        Path signature = detachedSignature(PKI.revoked(), content);
        Run run = run(concat(
                new String[] {
                    "signature",
                    "verify",
                    "--signature",
                    signature.toString(),
                    "--content",
                    write("c", content).toString(),
                    "--trust",
                    path("root.pem"),
                    "--json"
                },
                crlArgs()));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.json().path("reason").asText()).isEqualTo("revoked");
    }

    @Test
    void aSignatureIsVerifiedAtTheGivenInstant() throws Exception {
        byte[] content = Envelopes.utf8("x");
        Path signature = detachedSignature(PKI.business(), content);
        Run run = run(
                "signature",
                "verify",
                "--signature",
                signature.toString(),
                "--content",
                write("c", content).toString(),
                "--trust",
                path("root.pem"),
                "--at",
                "2199-01-01T00:00:00Z",
                "--json");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.json().path("reason").asText()).isEqualTo("expired");
    }

    private static byte[] timeStampOf(byte[] cms) throws Exception {
        TimeStampAuthority authority =
                new TimeStampAuthority(PKI.timeStamping(), TimeStampAuthority.DEMO_POLICY, Clock.systemUTC());
        return new TimeStampClient(
                        List.of(TimeStampClient.Authority.local(authority, "demo")),
                        TimeStampAuthority.DEMO_POLICY,
                        new TimeStampVerifier(Set.of(PKI.trustAnchor())))
                .stamp(CadesSignatures.signatureValue(cms))
                .getEncoded();
    }

    @Test
    void yearsLaterASignatureIsValidByItsTimeStampAndSaysSo() throws Exception {
        byte[] content = Envelopes.utf8("Nội dung đã ký");
        byte[] cms = PKI.business().signer().sign(content);
        Path token = write("sig.tsr", timeStampOf(cms));
        String threeYearsOn = Instant.now().plus(Duration.ofDays(3 * 365)).toString();

        Run run = run(
                "signature",
                "verify",
                "--signature",
                write("sig.p7s", cms).toString(),
                "--content",
                write("content.txt", content).toString(),
                "--timestamp",
                token.toString(),
                "--trust",
                path("root.pem"),
                "--at",
                threeYearsOn,
                "--json");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.json().path("detail").asText())
                .startsWith("signature valid: it existed at ")
                .contains("when its certificate was valid", "the certificate has expired");
        assertThat(run.json().path("facts").toString()).contains("signature time-stamped at", "alone: expired");
    }

    @Test
    void theTimeStampOfAnotherSignatureIsUnusableInput() throws Exception {
        byte[] content = Envelopes.utf8("x");
        Path token = write("other.tsr", timeStampOf(PKI.citizen().signer().sign(content)));

        Run run = run(
                "signature",
                "verify",
                "--signature",
                detachedSignature(PKI.business(), content).toString(),
                "--content",
                write("c", content).toString(),
                "--timestamp",
                token.toString(),
                "--trust",
                path("root.pem"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("not over this signature's value");
    }

    @Test
    void anEvidenceBundleThatIsNoContainerIsUnusableInput() throws Exception {
        Run run = run(
                "evidence",
                "verify",
                write("bundle.asice", Envelopes.utf8("không phải tệp zip")).toString(),
                "--trust",
                path("root.pem"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("bundle.asice: not a ZIP container");
    }

    @Test
    void aMissingSignatureFileIsUnusableInput() {
        Run run = run(
                "signature", "verify", "--signature", dir.resolve("none.p7s").toString(), "--trust", path("root.pem"));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no such file");
    }

    @Test
    void verifyingWithoutAnyTrustAnchorIsUnusableInput() throws Exception {
        byte[] content = Envelopes.utf8("x");
        Path signature = detachedSignature(PKI.business(), content);
        Run run = run(
                "signature",
                "verify",
                "--signature",
                signature.toString(),
                "--content",
                write("c", content).toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no trust anchors");
    }

    @Test
    void aBadInstantIsUnusableInput() throws Exception {
        Path signature = detachedSignature(PKI.business(), Envelopes.utf8("x"));
        Run run = run(
                "signature",
                "verify",
                "--signature",
                signature.toString(),
                "--trust",
                path("root.pem"),
                "--at",
                "yesterday");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("RFC 3339");
    }

    // ---------------------------------------------------------------- certs check

    private Path certificate(Credential credential) throws Exception {
        return write(
                "cert.pem",
                PemFiles.toPem(java.util.List.of(credential.certificate())).getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aBusinessCertificateChecksOutWithItsCaAndCrls() throws Exception {
        Run run = checkUnderPublicCa(certificate(PKI.business()).toString(), crlArgs());
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("VALID", "path:");
    }

    @Test
    void givenCrlsMustCoverEveryCertificateOfThePath() throws Exception {
        Run run = checkUnderPublicCa(certificate(PKI.business()).toString(), "--crl", path("public-ca.crl"), "--json");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.json().path("reason").asText()).isEqualTo("revocation-unknown");
    }

    @Test
    void aCertificateWithoutSigningKeyUsagePassesRfc5280ButNotTheProductProfile() throws Exception {
        Path cert = certificate(PKI.keyEnciphermentOnly());
        Run rfc = checkUnderPublicCa(cert.toString(), "--profile", "rfc5280");
        Run product = checkUnderPublicCa(cert.toString(), "--json");
        assertThat(rfc.exit()).as(rfc.out()).isZero();
        assertThat(product.exit()).isEqualTo(1);
        assertThat(product.json().path("reason").asText()).isEqualTo("key-usage");
    }

    @Test
    void anExpiredCertificateIsInvalid() throws Exception {
        Run run = checkUnderPublicCa(certificate(PKI.expired()).toString(), "--json");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.json().path("reason").asText()).isEqualTo("expired");
    }

    @Test
    void aCertificateFromAnotherRootIsUntrusted() throws Exception {
        Run run = run(
                "certs",
                "check",
                "--cert",
                certificate(PKI.business()).toString(),
                "--trust",
                path("official-ca.pem"),
                "--json");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.json().path("reason").asText()).isEqualTo("untrusted");
    }

    @Test
    void anUnknownProfileIsUnusableInput() throws Exception {
        Run run = run(
                "certs",
                "check",
                "--cert",
                certificate(PKI.business()).toString(),
                "--trust",
                path("root.pem"),
                "--profile",
                "x509");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--profile must be edialog or rfc5280");
    }

    @Test
    void aFileWithoutCertificatesIsUnusableInput() throws Exception {
        Run run = run(
                "certs", "check", "--cert", write("empty.pem", new byte[0]).toString(), "--trust", path("root.pem"));
        assertThat(run.exit()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- usage

    @Test
    void anUnknownOptionIsAUsageError() {
        Run run = run("certs", "check", "--cert", "a.pem", "--trust", "b.pem", "--frobnicate");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option", "--frobnicate");
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        Run run = run("certs", "check");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required options");
    }

    @Test
    void helpListsTheCommands() {
        Run run = run("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("sign", "signature", "certs", "verify-store");
    }

    @Test
    void onlyKnownCommandsLeaveTheServerAlone() {
        assertThat(Cli.isCommand(new String[] {"verify-store"})).isTrue();
        assertThat(Cli.isCommand(new String[] {"--server.port=9090"})).isFalse();
        assertThat(Cli.isCommand(new String[] {})).isFalse();
    }

    /** {@code certs check} of a certificate issued by the public CA, trusting the test root. */
    private static Run checkUnderPublicCa(String cert, String... more) {
        return run(concat(
                new String[] {
                    "certs", "check", "--cert", cert, "--untrusted", path("public-ca.pem"), "--trust", path("root.pem")
                },
                more));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
