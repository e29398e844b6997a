package vn.edialog.command.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.GeneratedPki;
import vn.edialog.command.pki.PkiFactory;
import vn.edialog.command.signature.Openssl;
import vn.edialog.command.signature.PemFiles;

/**
 * The client against another implementation: OpenSSL's {@code ts -reply} as the authority behind a small HTTP shim;
 * and the product's authority checked by OpenSSL's {@code ts -verify}.
 */
class OpensslTimeStampInteropTest {

    private static final GeneratedPki PKI = PkiFactory.generate(URI.create("http://localhost"));
    private static final String POLICY = "1.2.3.4.1";

    /** The authority's key, certificate and intermediates as OpenSSL reads them, and its configuration. */
    private static void writeAuthority(Path dir, Credential tsa) throws IOException {
        Files.writeString(dir.resolve("tsa.pem"), tsa.certificatePem());
        Files.writeString(dir.resolve("tsa.key"), tsa.privateKeyPem());
        Files.writeString(
                dir.resolve("chain.pem"),
                PemFiles.toPem(tsa.chain().subList(1, tsa.chain().size() - 1)));
        Files.writeString(dir.resolve("root.pem"), PKI.root().certificatePem());
        Files.writeString(dir.resolve("serial"), "01\n");
        Files.writeString(
                dir.resolve("tsa.cnf"),
                """
                [ tsa ]
                default_tsa = demo
                [ demo ]
                serial = ./serial
                crypto_device = builtin
                signer_digest = sha256
                default_policy = %s
                digests = sha256, sha384, sha512
                accuracy = secs:1
                ordering = no
                tsa_name = no
                ess_cert_id_chain = no
                ess_cert_id_alg = sha256
                """
                        .formatted(POLICY));
    }

    @Test
    void theClientAcceptsATokenFromOpensslsAuthorityOverHttp(@TempDir Path dir) throws Exception {
        Openssl.require();
        writeAuthority(dir, PKI.timeStamping());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            try {
                Path query = Files.createTempFile(dir, "query", ".tsq");
                Path reply = dir.resolve(query.getFileName() + ".tsr");
                Files.write(query, exchange.getRequestBody().readAllBytes());
                Openssl.run(
                        dir,
                        "ts",
                        "-reply",
                        "-config",
                        "tsa.cnf",
                        "-queryfile",
                        query.toString(),
                        "-signer",
                        "tsa.pem",
                        "-inkey",
                        "tsa.key",
                        "-chain",
                        "chain.pem",
                        "-out",
                        reply.toString());
                byte[] body = Files.readAllBytes(reply);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
            TimeStampVerifier verifier = new TimeStampVerifier(Set.of(PKI.trustAnchor()));
            TimeStampClient client = new TimeStampClient(
                    List.of(TimeStampClient.Authority.http(url, HttpClient.newHttpClient(), Duration.ofSeconds(30))),
                    null,
                    verifier);
            byte[] data = "ký bởi OpenSSL".getBytes(StandardCharsets.UTF_8);

            TimeStampToken token = client.stamp(data);

            TimeStampFacts facts = verifier.verify(token, data);
            assertThat(facts.policy()).isEqualTo(POLICY);
            assertThat(facts.time())
                    .isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(5));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void opensslVerifiesTheProductsAuthority(@TempDir Path dir) throws Exception {
        Openssl.require();
        writeAuthority(dir, PKI.timeStamping());
        byte[] data = "đã nhận".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("data.bin"), data);
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        byte[] request = generator
                .generate(
                        NISTObjectIdentifiers.id_sha256,
                        TimeStampVerifier.digest("SHA-256", data),
                        java.math.BigInteger.valueOf(42))
                .getEncoded();
        TimeStampAuthority authority =
                new TimeStampAuthority(PKI.timeStamping(), TimeStampAuthority.DEMO_POLICY, Clock.systemUTC());
        Files.write(dir.resolve("reply.tsr"), authority.respond(request));

        String out = Openssl.run(
                dir,
                "ts",
                "-verify",
                "-in",
                "reply.tsr",
                "-data",
                "data.bin",
                "-CAfile",
                "root.pem",
                "-untrusted",
                "chain.pem");

        assertThat(out).contains("Verification: OK");
    }
}
