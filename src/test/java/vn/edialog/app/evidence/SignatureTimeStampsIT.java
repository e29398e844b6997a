package vn.edialog.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.edialog.app.access.Official;
import vn.edialog.app.access.OfficialRole;
import vn.edialog.app.operations.cli.Cli;
import vn.edialog.app.operations.store.EventStoreVerifier;
import vn.edialog.app.pki.TimeStamping;
import vn.edialog.app.submission.GovernmentActions;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.TestOfficials;
import vn.edialog.app.support.TestPkiFiles;
import vn.edialog.app.support.TestTimeStampAuthority;
import vn.edialog.app.support.Zips;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.timestamp.ArchiveRenewals;
import vn.edialog.command.timestamp.Dss;
import vn.edialog.command.timestamp.MerkleTree;

/**
 * Every stored signature gets an RFC 3161 time-stamp from the configured authority, kept beside its event, and then
 * its certificate and revocation values; an authority that is down holds up no message, and the stamps follow when it
 * answers again; verify-store's audit finds a token moved to another event; the dialogue's evidence bundle verifies
 * offline, with the product and with DSS, today and years on.
 */
@EDialogIntegrationTest
// Spring Boot's tests export no metrics unless asked: the pending gauge is scraped here.
@AutoConfigureObservability(tracing = false)
class SignatureTimeStampsIT {

    private static final TestTimeStampAuthority authority = TestTimeStampAuthority.start();

    @DynamicPropertySource
    static void timeStamps(DynamicPropertyRegistry registry) {
        registry.add("edialog.tsa.urls", authority::url);
        registry.add("edialog.tsa.stamp-interval", () -> "300ms");
        registry.add("edialog.anchor.interval", () -> "400ms");
        // Every time-stamp is due for an archive renewal at once; the tests renew when they choose (hourly check).
        registry.add("edialog.archive.interval", () -> "PT0S");
    }

    @AfterAll
    static void stop() {
        authority.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TimeStamping timeStamping;

    @Autowired
    IdentityService identity;

    @Autowired
    GovernmentActions government;

    @Autowired
    ArchiveRenewalJob archiveRenewals;

    private static final Official MODERATOR = new Official("nguyen.van.a", "Nguyễn Văn A", "demo", "ubnd");
    private static final Official DEPARTMENT = new Official("tran.thi.b", "Trần Thị B", "demo", "skhdt");

    Api api;

    @BeforeEach
    void up() {
        authority.down(false);
        api = new Api(port);
        TestOfficials.ensure(identity, "stamps.moderator", OfficialRole.MODERATORS.groupId("demo", "ubnd"), "secret");
    }

    private static String moderatorBasic() {
        return "Basic "
                + Base64.getEncoder().encodeToString("stamps.moderator:secret".getBytes(StandardCharsets.UTF_8));
    }

    /** The case page of the dialogue, as the People's Committee's moderator sees it. */
    private String casePage(UUID id) {
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cases/" + id))
                        .header("Authorization", moderatorBasic())
                        .GET()
                        .build())
                .body();
    }

    private UUID ask() {
        UUID id = UUID.randomUUID();
        Api.Response accepted = api.post(
                "/api/v1/dialogues", Envelopes.signed(TestPki.shared().citizen(), Envelopes.ask(id, "thu-tuc-thue")));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        return id;
    }

    private boolean stamped(UUID id) {
        return jdbc.sql("select token is not null from signature_timestamp where dialogue_id = :id and sequence = 0")
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @Test
    void aStoredSignatureIsTimeStampedByTheConfiguredAuthority() {
        UUID id = ask();

        await().atMost(Duration.ofSeconds(30)).until(() -> stamped(id));

        assertThat(jdbc.sql("select authority from signature_timestamp where dialogue_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .contains("Time-Stamping Authority");
        TimeStampAudit.Report audit = TimeStampAudit.audit(dataSource, timeStamping.verifier());
        assertThat(audit.invalid()).as(audit.problems().toString()).isZero();
        assertThat(audit.stamped()).isPositive();
        assertThat(api.get("/actuator/prometheus").body()).contains("edialog_timestamps_pending");
        assertThat(casePage(id)).contains("Dấu thời gian").contains("do eDialog Demo Time-Stamping Authority cấp");
    }

    @Test
    void yearsLaterWhenTheCertificatesHaveExpiredTheStoreStillVerifiesByItsTimeStamps() throws Exception {
        UUID id = ask();
        await().atMost(Duration.ofSeconds(30)).until(() -> stamped(id));
        Set<TrustAnchor> anchors = Set.of(TestPki.shared().trustAnchor());
        Instant threeYearsOn = Instant.now().plus(Duration.ofDays(3 * 365));
        assertThat(TestPki.shared().citizen().certificate().getNotAfter().toInstant())
                .isBefore(threeYearsOn);

        EventStoreVerifier.Report today = new EventStoreVerifier(
                        Envelopes.JSON, EventStoreVerifier.cmsCheck(anchors, anchors, Instant.now()))
                .verify(dataSource, null);
        EventStoreVerifier.Report later = new EventStoreVerifier(
                        Envelopes.JSON, EventStoreVerifier.cmsCheck(anchors, anchors, threeYearsOn))
                .verify(dataSource, null);

        assertThat(today.firstBreak()).isEmpty();
        assertThat(today.byTimeStamp() + today.bySignedTime()).isZero();
        assertThat(later.firstBreak()).isEmpty();
        assertThat(later.byTimeStamp()).isPositive();
        assertThat(later.byTimeStamp() + later.bySignedTime())
                .as("no demo certificate is valid three years on: each signature rests on its time-stamp or its"
                        + " signed time")
                .isEqualTo(later.events());
    }

    private boolean captured(UUID id) {
        return jdbc.sql(
                        """
                        select count(*) from signature_timestamp where dialogue_id = :id
                        having count(*) > 0 and bool_and(validation_captured_at is not null)
                        """)
                .param("id", id)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    /** A dialogue asked, forwarded and answered, each signature stamped and its validation values captured. */
    private UUID answeredAndCaptured() {
        UUID id = ask();
        government.forward(id, MODERATOR, "skhdt", "Chuyển Sở", Instant.now().plus(Duration.ofDays(10)));
        government.answer(id, DEPARTMENT, "Câu trả lời của Sở Kế hoạch và Đầu tư");
        await().atMost(Duration.ofSeconds(30)).until(() -> stamped(id) && captured(id) && events(id) >= 3);
        return id;
    }

    private long events(UUID id) {
        return jdbc.sql("select count(*) from signature_timestamp where dialogue_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private byte[] bundle(UUID id) {
        HttpResponse<byte[]> response = api.sendBytes(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/dialogues/" + id + "/evidence.asice"))
                .header("Authorization", moderatorBasic())
                .GET()
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(EvidenceBundles.MEDIA_TYPE);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition -> assertThat(disposition).contains(".asice"));
        return response.body();
    }

    @Test
    void theEvidenceBundleVerifiesWithTheProductAndWithDssTodayAndFiveYearsOn() throws Exception {
        UUID id = answeredAndCaptured();
        byte[] bundle = bundle(id);
        Map<String, byte[]> files = Zips.unzip(bundle);
        Set<TrustAnchor> anchors = Set.of(TestPki.shared().trustAnchor());
        Instant fiveYearsOn = Instant.now().plus(Duration.ofDays(5 * 365 + 2));

        assertThat(files.keySet().iterator().next()).isEqualTo("mimetype");
        assertThat(files).containsKeys("summary.html", "META-INF/ASiCArchiveManifest.xml", "META-INF/timestamp.tst");
        assertThat(new String(files.get("summary.html"), StandardCharsets.UTF_8))
                .contains("Hồ sơ chứng cứ đối thoại", "CAdES-BASELINE-LT", "evidence verify");
        List<String> signatures = files.keySet().stream()
                .filter(name -> name.startsWith("META-INF/signature"))
                .toList();
        assertThat(signatures).hasSizeGreaterThanOrEqualTo(3);
        for (String signature : signatures) {
            String number = signature.substring("META-INF/signature".length(), signature.length() - ".p7s".length());
            byte[] payload = files.entrySet().stream()
                    .filter(file -> file.getKey().startsWith("payloads/" + number + "-"))
                    .findFirst()
                    .orElseThrow()
                    .getValue();
            for (Instant at : List.of(Instant.now(), fiveYearsOn)) {
                SimpleReport report = Dss.validate(
                        files.get(signature), payload, TestPki.shared().root().certificate(), at);
                assertThat(report.getIndication(report.getFirstSignatureId()))
                        .as(signature + " at " + at + ": " + Dss.verdict(report))
                        .isEqualTo(Indication.TOTAL_PASSED);
                assertThat(report.getSignatureFormat(report.getFirstSignatureId()))
                        .isEqualTo(SignatureLevel.CAdES_BASELINE_LT);
            }
        }

        EvidenceBundleVerifier.Report today =
                EvidenceBundleVerifier.verify(new ByteArrayInputStream(bundle), anchors, Instant.now());
        EvidenceBundleVerifier.Report later =
                EvidenceBundleVerifier.verify(new ByteArrayInputStream(bundle), anchors, fiveYearsOn);
        assertThat(today.problems()).isEmpty();
        assertThat(today.archiveTimeStamp()).isNotNull();
        assertThat(later.problems()).isEmpty();
        assertThat(later.signatures())
                .hasSize(signatures.size())
                .allSatisfy(check -> assertThat(check.outcome().byTimeStamp()).isTrue());
    }

    @Test
    void evidenceVerifyOnTheCommandLineFindsAnAlteredPayload() throws Exception {
        UUID id = answeredAndCaptured();
        Map<String, byte[]> files = Zips.unzip(bundle(id));
        Path good = Files.write(Files.createTempFile("edialog-", ".asice"), Zips.zip(files));
        String answer = files.keySet().stream()
                .filter(name -> name.startsWith("payloads/") && name.contains("Answered"))
                .findFirst()
                .orElseThrow();
        files.put(
                answer,
                new String(files.get(answer), StandardCharsets.UTF_8)
                        .replace("Câu trả lời", "Câu trả lời đã sửa")
                        .getBytes(StandardCharsets.UTF_8));
        Path altered = Files.write(Files.createTempFile("edialog-", ".asice"), Zips.zip(files));
        String root = TestPkiFiles.directory().resolve("root.pem").toString();
        StringWriter out = new StringWriter();

        int valid = Cli.run(
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true),
                "evidence",
                "verify",
                good.toString(),
                "--trust",
                root,
                "--at",
                Instant.now().plus(Duration.ofDays(3 * 365)).toString());
        String report = out.toString();
        out.getBuffer().setLength(0);
        int invalid = Cli.run(
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true),
                "evidence",
                "verify",
                altered.toString(),
                "--trust",
                root,
                "--json");

        assertThat(valid).as(report).isEqualTo(Cli.VALID);
        assertThat(report).startsWith("VALID: ").contains("it existed at", "archive time-stamp: ");
        assertThat(invalid).isEqualTo(Cli.INVALID);
        assertThat(out.toString()).contains(answer + ": altered", "bad-signature");
    }

    @Test
    void everyEventIsAnchoredInATimeStampedTreeAndShowsItsInclusionProof() throws Exception {
        UUID id = ask();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/dialogues/" + id + "/events/0/anchor"))
                .header("Authorization", moderatorBasic())
                .GET()
                .build();

        Api.Response proof = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.send(request), response -> response.status() == 200);

        JsonNode json = proof.json();
        String eventHash = jdbc.sql(
                        """
                        select convert_from(payload, 'UTF8')::jsonb #>> '{evidence,hash}' from domainevententry
                        where aggregateidentifier = :id and sequencenumber = 0
                        """)
                .param("id", id.toString())
                .query(String.class)
                .single();
        HexFormat hex = HexFormat.of();
        List<byte[]> path = new ArrayList<>();
        json.path("path").forEach(node -> path.add(hex.parseHex(node.asText())));
        byte[] root = hex.parseHex(json.path("root").asText());
        assertThat(json.path("eventHash").asText()).isEqualTo(eventHash);
        assertThat(MerkleTree.verify(
                        hex.parseHex(eventHash),
                        json.path("leafIndex").asLong(),
                        json.path("leaves").asLong(),
                        path,
                        root))
                .isTrue();
        TimeStampToken token = new TimeStampToken(
                new CMSSignedData(Base64.getDecoder().decode(json.path("token").asText())));
        assertThat(timeStamping.verifier().verify(token, root).time()).isBeforeOrEqualTo(Instant.now());

        assertThat(casePage(id))
                .contains(
                        "Neo chuỗi băm",
                        "Đã neo lúc",
                        "cây Merkle số " + json.path("anchor").asLong());

        ChainAnchors.Report audit = ChainAnchors.audit(dataSource, timeStamping.verifier());
        assertThat(audit.problems()).isEmpty();
        assertThat(audit.anchoredEvents()).isPositive();
        long anchor = json.path("anchor").asLong();
        byte[] stored = jdbc.sql("select root from chain_anchor where id = :id")
                .param("id", anchor)
                .query(byte[].class)
                .single();
        jdbc.sql("update chain_anchor set root = :root where id = :id")
                .param("root", new byte[32])
                .param("id", anchor)
                .update();
        try {
            assertThat(ChainAnchors.audit(dataSource, timeStamping.verifier()).problems())
                    .singleElement()
                    .asString()
                    .startsWith("anchor " + anchor + ": its root is not the tree");
        } finally {
            jdbc.sql("update chain_anchor set root = :root where id = :id")
                    .param("root", stored)
                    .param("id", anchor)
                    .update();
        }
        assertThat(api.send(HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/v1/dialogues/" + id + "/events/7/anchor"))
                                .header("Authorization", moderatorBasic())
                                .GET()
                                .build())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void oneArchiveTimeStampRenewsTheStoresTimeStampsAndVerifyStoreChecksItsTree() throws Exception {
        UUID id = ask();
        await().atMost(Duration.ofSeconds(30)).until(() -> stamped(id));
        Set<TrustAnchor> roots = Set.of(TestPki.shared().trustAnchor());

        assertThat(archiveRenewals.renew()).as("tokens covered").isPositive();
        Long renewal = jdbc.sql(
                        """
                        select renewal_id from archive_renewal_leaf where kind = 'signature' and ref = :ref""")
                .param("ref", id + "/0")
                .query(Long.class)
                .single();
        ArchiveTimeStamps.Report audit = ArchiveTimeStamps.audit(jdbc, roots);
        assertThat(audit.renewals().problems()).isEmpty();
        assertThat(audit.renewals().verified())
                .extracting(ArchiveRenewals.Verified::id)
                .contains(renewal);
        // The next renewal covers the previous one's token: the chain goes on from it.
        ask();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> archiveRenewals.renew() > 0
                        && jdbc.sql("select count(*) from archive_renewal_leaf where kind = 'renewal' and ref = :ref")
                                        .param("ref", renewal.toString())
                                        .query(Integer.class)
                                        .single()
                                == 1);
        EventStoreVerifier.Report store = new EventStoreVerifier(
                        Envelopes.JSON,
                        EventStoreVerifier.cmsCheck(
                                roots,
                                roots,
                                Instant.now(),
                                ArchiveTimeStamps.audit(jdbc, roots).renewals()))
                .verify(dataSource, null);
        assertThat(store.firstBreak()).isEmpty();

        byte[] stored = jdbc.sql("select digest from archive_renewal_leaf where renewal_id = :id and leaf_index = 0")
                .param("id", renewal)
                .query(byte[].class)
                .single();
        jdbc.sql("update archive_renewal_leaf set digest = :d where renewal_id = :id and leaf_index = 0")
                .param("d", new byte[32])
                .param("id", renewal)
                .update();
        try {
            assertThat(ArchiveTimeStamps.audit(jdbc, roots).renewals().problems())
                    .anyMatch(problem -> problem.startsWith("archive time-stamp " + renewal + ": "));
        } finally {
            jdbc.sql("update archive_renewal_leaf set digest = :d where renewal_id = :id and leaf_index = 0")
                    .param("d", stored)
                    .param("id", renewal)
                    .update();
        }
    }

    @Test
    void whileTheAuthorityIsDownMessagesAreAcceptedAndStampedWhenItAnswersAgain() {
        authority.down(true);
        UUID id = ask();

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select last_error from signature_timestamp where dialogue_id = :id and token is null")
                .param("id", id)
                .query(String.class)
                .optional()
                .filter(error -> error.contains("HTTP 503"))
                .isPresent());
        assertThat(stamped(id)).isFalse();
        assertThat(casePage(id)).contains("Đang chờ cấp (chữ ký vẫn có hiệu lực)");

        authority.down(false);
        await().atMost(Duration.ofSeconds(30)).until(() -> stamped(id));
    }

    @Test
    void aTokenMovedToAnotherEventIsFoundByTheAudit() {
        UUID first = ask();
        UUID second = ask();
        await().atMost(Duration.ofSeconds(30)).until(() -> stamped(first) && stamped(second));
        byte[] own = jdbc.sql("select token from signature_timestamp where dialogue_id = :id and sequence = 0")
                .param("id", second)
                .query(byte[].class)
                .single();

        jdbc.sql(
                        """
                        update signature_timestamp set token =
                            (select token from signature_timestamp where dialogue_id = :first and sequence = 0)
                        where dialogue_id = :second and sequence = 0
                        """)
                .param("first", first)
                .param("second", second)
                .update();

        TimeStampAudit.Report audit = TimeStampAudit.audit(dataSource, timeStamping.verifier());
        assertThat(audit.invalid()).isEqualTo(1);
        assertThat(audit.problems())
                .singleElement()
                .asString()
                .startsWith(second + "/0")
                .contains("other data");
        // Put back, for the other tests' audits.
        jdbc.sql("update signature_timestamp set token = :token where dialogue_id = :id and sequence = 0")
                .param("token", own)
                .param("id", second)
                .update();
    }
}
