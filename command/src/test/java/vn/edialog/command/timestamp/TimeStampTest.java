package vn.edialog.command.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.edialog.command.pki.GeneratedPki;
import vn.edialog.command.pki.PkiFactory;

/** The demo authority, the client and the verifier against each other, in the process and over HTTP. */
class TimeStampTest {

    private static final GeneratedPki PKI = PkiFactory.generate(URI.create("http://localhost"));
    // Within the generated PKI's validity, which starts a day before the test runs.
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final byte[] DATA = "chữ ký của doanh nghiệp".getBytes(StandardCharsets.UTF_8);

    private final TimeStampAuthority authority = new TimeStampAuthority(
            PKI.timeStamping(), TimeStampAuthority.DEMO_POLICY, Clock.fixed(NOW, ZoneOffset.UTC));
    private final TimeStampVerifier verifier = new TimeStampVerifier(Set.of(PKI.trustAnchor()));
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private TimeStampClient local(ASN1ObjectIdentifier policy) {
        return new TimeStampClient(List.of(TimeStampClient.Authority.local(authority, "demo")), policy, verifier);
    }

    @Test
    void theAuthorityGrantsATokenThatProvesTheDataExistedAtItsTime() {
        TimeStampToken token = local(TimeStampAuthority.DEMO_POLICY).stamp(DATA);

        TimeStampFacts facts = verifier.verify(token, DATA);
        assertThat(facts.time()).isEqualTo(NOW);
        assertThat(facts.policy()).isEqualTo(TimeStampAuthority.DEMO_POLICY.getId());
        assertThat(facts.authority()).contains("eDialog Demo Time-Stamping Authority");
        assertThat(facts.digestAlgorithm()).isEqualTo("SHA-256");
        // ECDSA, never RSA PKCS#1 v1.5; the chain comes with the token, the root does not.
        assertThat(token.toCMSSignedData().getSignerInfos().iterator().next().getEncryptionAlgOID())
                .startsWith("1.2.840.10045.4.3");
        assertThat(token.getCertificates().getMatches(null)).hasSize(2);
    }

    @Test
    void aTokenOverOtherDataProvesNothing() {
        TimeStampToken token = local(null).stamp(DATA);

        assertThatThrownBy(() -> verifier.verify(token, "other".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TimeStampRefusal.class)
                .hasMessageContaining("other data");
    }

    @Test
    void aTokenOfAnAuthorityUnderAnotherRootIsNotTrusted() {
        TimeStampToken token = local(null).stamp(DATA);
        GeneratedPki other = PkiFactory.generate(URI.create("http://localhost"));

        assertThatThrownBy(() -> new TimeStampVerifier(Set.of(other.trustAnchor())).verify(token, DATA))
                .isInstanceOf(TimeStampRefusal.class)
                .hasMessageContaining("not trusted");
    }

    @Test
    void aKeyWhoseCertificateIsNotForTimeStampingCannotBeAnAuthority() {
        assertThatThrownBy(
                        () -> new TimeStampAuthority(PKI.agency(), TimeStampAuthority.DEMO_POLICY, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot make a time-stamping authority");
    }

    @Test
    void weakDigestsOtherPoliciesAndGarbageAreRejectedWithTheirReason() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        byte[] sha1 = generator
                .generate(OIWObjectIdentifiers.idSHA1, new byte[20], BigInteger.ONE)
                .getEncoded();
        generator.setReqPolicy(new ASN1ObjectIdentifier("1.2.3.4"));
        byte[] otherPolicy = generator
                .generate(NISTObjectIdentifiers.id_sha256, new byte[32], BigInteger.TWO)
                .getEncoded();

        assertRejected(authority.respond(sha1), PKIFailureInfo.badAlg);
        assertRejected(authority.respond(otherPolicy), PKIFailureInfo.unacceptedPolicy);
        assertRejected(authority.respond("not DER".getBytes(StandardCharsets.UTF_8)), PKIFailureInfo.badDataFormat);
    }

    private static void assertRejected(byte[] der, int failure) throws Exception {
        TimeStampResponse response = new TimeStampResponse(der);
        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(response.getFailInfo().intValue() & failure).isEqualTo(failure);
        assertThat(response.getTimeStampToken()).isNull();
    }

    @Test
    void overHttpTheClientPassesOverAnAuthorityThatIsDownAndAsksTheNext() throws Exception {
        URI down = URI.create("http://127.0.0.1:" + freePort() + "/tsa");
        URI up = serve(authority);
        HttpClient http = HttpClient.newHttpClient();
        TimeStampClient client = new TimeStampClient(
                List.of(
                        TimeStampClient.Authority.http(down, http, Duration.ofSeconds(5)),
                        TimeStampClient.Authority.http(up, http, Duration.ofSeconds(5))),
                TimeStampAuthority.DEMO_POLICY,
                verifier);

        assertThat(verifier.verify(client.stamp(DATA), DATA).time()).isEqualTo(NOW);
        assertThat(client.authorities()).containsExactly(down.toString(), up.toString());
    }

    @Test
    void whenNoAuthorityGivesAValidTokenTheClientSaysWhatEachDid() throws Exception {
        URI down = URI.create("http://127.0.0.1:" + freePort() + "/tsa");
        URI wrongPolicy = serve(authority);
        HttpClient http = HttpClient.newHttpClient();
        TimeStampClient client = new TimeStampClient(
                List.of(
                        TimeStampClient.Authority.http(down, http, Duration.ofSeconds(5)),
                        TimeStampClient.Authority.http(wrongPolicy, http, Duration.ofSeconds(5))),
                new ASN1ObjectIdentifier("1.2.3.4"),
                verifier);

        assertThatThrownBy(() -> client.stamp(DATA))
                .isInstanceOf(TimeStampUnavailable.class)
                .hasMessageContaining(down.toString())
                .hasMessageContaining(wrongPolicy + ": ");
    }

    private URI serve(TimeStampAuthority tsa) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            byte[] reply = tsa.respond(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
