package vn.edialog.app.confidential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.app.access.OfficialRole;
import vn.edialog.app.operations.cli.Cli;
import vn.edialog.app.operations.store.EventStoreVerifier;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.CliRuns;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.EngineRest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.SignIn;
import vn.edialog.app.support.TestOfficials;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.signature.CanonicalJson;
import vn.edialog.command.signature.PemFiles;

/**
 * A confidential dialogue through the product's own surfaces: the asker signs and sends it over the API, the People's
 * Committee forwards it with a note in the Tasklist, the department answers there, the asker rates with a comment. The
 * parties read it all in clear on their pages; a {@code pg_dump} of the whole database (event store, read models,
 * Camunda's runtime and history, mail outbox) and the log hold none of what anyone wrote, in any encoding the
 * database or the product uses; the event store still verifies, by the payloads' digests.
 */
@EDialogIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ConfidentialDialogueIT {

    private static final String MODERATOR = "conf.moderator";
    private static final String OFFICER = "conf.officer";
    private static final String LEADER = "conf.leader";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    Api api;
    Api asker;

    @BeforeEach
    void signIn() {
        api = new Api(port);
        asker = new Api(port);
        assertThat(SignIn.asker(asker, TestPki.shared().business(), "demo").status())
                .isEqualTo(200);
        TestOfficials.ensure(identity, MODERATOR, OfficialRole.MODERATORS.groupId("demo", "ubnd"), EngineRest.PASSWORD);
        TestOfficials.ensure(identity, OFFICER, OfficialRole.OFFICERS.groupId("demo", "thue"), EngineRest.PASSWORD);
        TestOfficials.ensure(identity, LEADER, OfficialRole.LEADERS.groupId("demo", "ubnd"), EngineRest.PASSWORD);
    }

    private static String marker() {
        StringBuilder word = new StringBuilder("zqmật");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    @Test
    void theContentIsReadByThePartiesAndFoundNowhereElse(CapturedOutput output) throws Exception {
        String subjectMarker = marker();
        String bodyMarker = marker();
        String commentMarker = marker();
        String noteMarker = marker();
        String answerMarker = marker();
        UUID id = UUID.randomUUID();
        var ask = Envelopes.ask(id, "thu-tuc-thue")
                .put("subject", "Khiếu nại " + subjectMarker)
                .put("body", "Số CCCD của tôi và nội dung riêng: " + bodyMarker)
                .put("confidential", true);
        Api.Response asked =
                api.post("/api/v1/dialogues", Envelopes.signed(TestPki.shared().business(), ask));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);

        EngineRest engine = new EngineRest(api, port);
        JsonNode triage = engine.awaitTask(MODERATOR, "demo-ubnd-moderators", id, "Task_TriageDialogue");
        assertThat(triage.path("name").asText()).doesNotContain(subjectMarker).contains("bảo mật");
        Api.Response forwarded = engine.call(
                MODERATOR,
                "POST",
                "/task/" + triage.path("id").asText() + "/submit-form",
                """
                {"variables": {"decision": {"value": "forward"}, "forwardTo": {"value": "thue"},
                               "note": {"value": "Đề nghị Cục Thuế trả lời %s"}}}"""
                        .formatted(noteMarker));
        assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(204);
        awaitStatus(id, "FORWARDED");

        JsonNode answerTask = engine.awaitTask(OFFICER, "demo-thue-officers", id, "Task_AnswerForward");
        Api.Response answered = engine.call(
                OFFICER,
                "POST",
                "/task/" + answerTask.path("id").asText() + "/submit-form",
                """
                {"variables": {"decision": {"value": "answer"},
                               "answer": {"value": "Cục Thuế đã tiếp nhận và trả lời riêng: %s"}}}"""
                        .formatted(answerMarker));
        assertThat(answered.status()).as(answered.body()).isEqualTo(204);
        awaitStatus(id, "ANSWERED");

        Api.Response rated = api.post(
                "/api/v1/dialogues/" + id + "/ratings",
                Envelopes.signed(
                        TestPki.shared().business(),
                        Envelopes.base("rate", id).put("rating", 4).put("comment", "Cảm ơn " + commentMarker)));
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> asker.get("/my/dialogues/" + id).body().contains(commentMarker));

        // The parties read it in clear: the asker on his page, the department's officer on the case page.
        String page = asker.get("/my/dialogues/" + id).body();
        assertThat(page).contains(subjectMarker, bodyMarker, commentMarker, answerMarker);
        Api.Response payload = asker.get("/my/dialogues/" + id + "/events/0/payload");
        assertThat(payload.status()).isEqualTo(200);
        assertThat(payload.body()).contains(bodyMarker);
        Api staff = new Api(port);
        assertThat(SignIn.staff(staff, OFFICER, EngineRest.PASSWORD).status()).isIn(200, 302);
        assertThat(staff.get("/cases/" + id).body()).contains(subjectMarker, bodyMarker, noteMarker, answerMarker);
        // Only the signatures and digests are in the event store; the content lies encrypted apart.
        assertThat(count("select count(*) from confidential_content where dialogue_id = :id", id))
                .isGreaterThanOrEqualTo(4);
        assertThat(count("select count(*) from dialogue_key where dialogue_id = :id", id))
                .as("wrapped for the People's Committee and for the department it was forwarded to")
                .isEqualTo(2);

        String dump = pgDump();
        for (String marker : List.of(subjectMarker, bodyMarker, commentMarker, noteMarker, answerMarker)) {
            for (String form : encodings(marker)) {
                assertThat(dump).as("pg_dump holds %s as %s", marker, form).doesNotContain(form);
                assertThat(output.getAll())
                        .as("the log holds %s as %s", marker, form)
                        .doesNotContain(form);
            }
        }

        EventStoreVerifier.Report report = verifyStore();
        assertThat(report.firstBreak()).isEmpty();
        assertThat(report.sealed()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aLeaderErasesAFinishedConfidentialDialogueForGoodAndTheRecordStillVerifies() throws Exception {
        String bodyMarker = marker();
        UUID id = rejectedConfidential(bodyMarker);
        assertThat(asker.get("/my/dialogues/" + id).body()).contains(bodyMarker);

        Api leader = new Api(port);
        assertThat(SignIn.staff(leader, LEADER, EngineRest.PASSWORD).status()).isIn(200, 302);
        String page = leader.get("/cases/" + id).body();
        assertThat(page).contains("/cases/" + id + "/erasure");
        assertThat(erase(leader, id, SignIn.csrf(page), " ").header("Location")).endsWith("?erasure=reason");
        Api.Response erased =
                erase(leader, id, SignIn.csrf(leader.get("/cases/" + id).body()), "Người hỏi yêu cầu xóa dữ liệu");
        assertThat(erased.header("Location")).endsWith("?erasure=done");

        String after = asker.get("/my/dialogues/" + id).body();
        assertThat(after).doesNotContain(bodyMarker).contains("đã được xóa vĩnh viễn");
        assertThat(leader.get("/cases/" + id).body()).doesNotContain(bodyMarker).doesNotContain("/erasure\"");
        Api.Response payload = asker.get("/my/dialogues/" + id + "/events/0/payload");
        assertThat(payload.status()).isEqualTo(410);
        assertThat(payload.body()).contains("content-erased");
        assertThat(asker.get("/api/v1/dialogues/" + id + "/evidence.asice").status())
                .isEqualTo(410);
        assertThat(count("select count(*) from dialogue_key where dialogue_id = :id", id))
                .isZero();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(asker.get("/api/v1/dialogues/" + id + "/timeline")
                                .json()
                                .findValuesAsText("eventType"))
                        .contains("PersonalDataErased"));
        // Erased once: a second time is refused and changes nothing.
        assertThat(erase(leader, id, SignIn.csrf(leader.get("/cases/" + id).body()), "Lần nữa")
                        .header("Location"))
                .endsWith("?erasure=refused");

        EventStoreVerifier.Report report = verifyStore();
        assertThat(report.firstBreak())
                .as("the signatures verify without the keys")
                .isEmpty();
    }

    @Test
    void theOperatorErasesWithTheCommandLine() {
        UUID id = rejectedConfidential(marker());
        CliRuns.Run bad = cli("erase", "--dialogue", "not-an-id", "--reason", "x");
        assertThat(bad.exit()).isEqualTo(Cli.UNUSABLE);

        UUID open = UUID.randomUUID();
        assertThat(api.post(
                                "/api/v1/dialogues",
                                Envelopes.signed(TestPki.shared().business(), Envelopes.ask(open)))
                        .status())
                .isEqualTo(201);
        CliRuns.Run notConfidential = cli("erase", "--dialogue", open.toString(), "--reason", "Yêu cầu xóa");
        assertThat(notConfidential.exit()).isEqualTo(Cli.INVALID);
        assertThat(notConfidential.out()).contains("not a confidential dialogue");

        CliRuns.Run erased = cli("erase", "--dialogue", id.toString(), "--reason", "Yêu cầu của chủ thể dữ liệu");
        assertThat(erased.exit()).as(erased.out()).isEqualTo(Cli.VALID);
        assertThat(erased.out()).contains("erased");
        assertThat(count("select count(*) from dialogue_key where dialogue_id = :id", id))
                .isZero();
        CliRuns.Run again = cli("erase", "--dialogue", id.toString(), "--reason", "Lần nữa");
        assertThat(again.exit()).isEqualTo(Cli.INVALID);
        assertThat(again.out()).contains("refused");
    }

    /** A confidential ask the People's Committee rejects in the Tasklist: a finished dialogue. */
    private UUID rejectedConfidential(String bodyMarker) {
        UUID id = UUID.randomUUID();
        var ask = Envelopes.ask(id).put("body", "Nội dung riêng " + bodyMarker).put("confidential", true);
        assertThat(api.post(
                                "/api/v1/dialogues",
                                Envelopes.signed(TestPki.shared().business(), ask))
                        .status())
                .isEqualTo(201);
        EngineRest engine = new EngineRest(api, port);
        JsonNode triage = engine.awaitTask(MODERATOR, "demo-ubnd-moderators", id, "Task_TriageDialogue");
        Api.Response rejected = engine.call(
                MODERATOR,
                "POST",
                "/task/" + triage.path("id").asText() + "/submit-form",
                """
                {"variables": {"decision": {"value": "reject"}, "rejectionCode": {"value": "OUT_OF_SCOPE"},
                               "rejectionReason": {"value": "Không thuộc thẩm quyền"}}}""");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(204);
        awaitStatus(id, "REJECTED");
        return id;
    }

    private Api.Response erase(Api staff, UUID id, String csrf, String reason) {
        String form = "reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return staff.send(HttpRequest.newBuilder(URI.create(staff.base() + "/cases/" + id + "/erasure"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    /** {@code verify-store}'s check of the whole event store, with the test PKI's root and no decryption key. */
    private EventStoreVerifier.Report verifyStore() throws java.sql.SQLException {
        return new EventStoreVerifier(
                        Envelopes.JSON,
                        EventStoreVerifier.cmsCheck(
                                Set.of(TestPki.shared().trustAnchor()),
                                Set.of(TestPki.shared().trustAnchor()),
                                Instant.now()))
                .verify(dataSource, null);
    }

    private CliRuns.Run cli(String... args) {
        return CliRuns.run(environment, args);
    }

    @Test
    void aMessageEncryptedToThePublishedCertificateIsOpenedAndTakenAndAnythingElseIsRefusedAlike() throws Exception {
        Api.Response published = api.get("/api/v1/tenants/demo/encryption-certificate");
        assertThat(published.status()).isEqualTo(200);
        X509Certificate recipient = PemFiles.parseCertificates(published.body().getBytes(StandardCharsets.US_ASCII))
                .get(0);
        assertThat(recipient.getKeyUsage()[4]).as("keyAgreement").isTrue();
        assertThat(api.get("/api/v1/tenants/atlantis/encryption-certificate").status())
                .isEqualTo(404);

        String secret = marker();
        UUID id = UUID.randomUUID();
        byte[] ask = CanonicalJson.canonicalize(
                Envelopes.ask(id).put("body", "Riêng tư " + secret).put("confidential", true));
        byte[] signature = TestPki.shared().business().signer().sign(ask);
        Api.Response accepted = api.post("/api/v1/dialogues", encrypted(ask, signature, recipient));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> asker.get("/my/dialogues/" + id).body().contains(secret));

        // Only a confidential dialogue's messages travel encrypted.
        UUID open = UUID.randomUUID();
        byte[] publicAsk = CanonicalJson.canonicalize(Envelopes.ask(open));
        Api.Response notConfidential = api.post(
                "/api/v1/dialogues",
                encrypted(publicAsk, TestPki.shared().business().signer().sign(publicAsk), recipient));
        assertThat(notConfidential.status()).isEqualTo(400);
        assertThat(notConfidential.json().path("detail").asText()).contains("confidential");

        // What does not open, and what opens to bytes other than those signed, get the same answer.
        UUID other = UUID.randomUUID();
        byte[] otherAsk = CanonicalJson.canonicalize(Envelopes.ask(other).put("confidential", true));
        Api.Response notSigned = api.post("/api/v1/dialogues", encrypted(otherAsk, signature, recipient));
        Api.Response garbage = api.post(
                "/api/v1/dialogues",
                "{\"encryptedPayload\": \"" + Base64.getEncoder().encodeToString(new byte[] {48, 3, 2, 1, 0})
                        + "\", \"signature\": \"" + Base64.getEncoder().encodeToString(signature) + "\"}");
        assertThat(notSigned.status()).isEqualTo(400);
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(notSigned.json().path("detail").asText())
                .isEqualTo(garbage.json().path("detail").asText())
                .contains("could not be opened");
        assertThat(count("select count(*) from tracking_code where dialogue_id = :id", other))
                .isZero();
    }

    @Test
    void aConfidentialAskSignedOverAnotherDigestThanSha256IsRefusedAndLeavesNothing() {
        UUID id = UUID.randomUUID();
        var business = TestPki.shared().business();
        var sha384 = new vn.edialog.command.signature.CmsSigner(
                business.privateKey(), business.chain(), "SHA384withECDSA", null, java.time.Clock.systemUTC());
        byte[] ask = CanonicalJson.canonicalize(Envelopes.ask(id).put("confidential", true));
        Api.Response refused = api.post("/api/v1/dialogues", Envelopes.body(ask, sha384.sign(ask)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().path("detail").asText()).contains("SHA-256");
        assertThat(count("select count(*) from confidential_dialogue where dialogue_id = :id", id))
                .isZero();
        assertThat(count("select count(*) from tracking_code where dialogue_id = :id", id))
                .isZero();
    }

    /** The JSON body of an envelope whose payload is encrypted as the browser does: EnvelopedData, ECDH, AES-256. */
    private static String encrypted(byte[] payload, byte[] signature, X509Certificate recipient) throws Exception {
        var provider = new org.bouncycastle.jce.provider.BouncyCastleProvider();
        var keys = java.security.KeyPairGenerator.getInstance("EC", provider);
        keys.initialize(((java.security.interfaces.ECPublicKey) recipient.getPublicKey()).getParams());
        var ephemeral = keys.generateKeyPair();
        var generator = new org.bouncycastle.cms.CMSEnvelopedDataGenerator();
        generator.addRecipientInfoGenerator(new org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator(
                        org.bouncycastle.cms.CMSAlgorithm.ECDH_SHA256KDF,
                        ephemeral.getPrivate(),
                        ephemeral.getPublic(),
                        org.bouncycastle.cms.CMSAlgorithm.AES256_WRAP)
                .addRecipient(recipient)
                .setProvider(provider));
        byte[] enveloped = generator
                .generate(
                        new org.bouncycastle.cms.CMSProcessableByteArray(payload),
                        new org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder(
                                        org.bouncycastle.cms.CMSAlgorithm.AES256_CBC)
                                .setProvider(provider)
                                .build())
                .getEncoded();
        return "{\"encryptedPayload\": \"" + Base64.getEncoder().encodeToString(enveloped) + "\", \"signature\": \""
                + Base64.getEncoder().encodeToString(signature) + "\"}";
    }

    /** The counter-test: what a public dialogue says is in its events, and the search above would find it. */
    @Test
    void aPublicDialogueKeepsItsPayloadInItsEventsWhereTheSearchFindsIt() throws Exception {
        UUID id = UUID.randomUUID();
        String marker = marker();
        Api.Response asked = api.post(
                "/api/v1/dialogues",
                Envelopes.signed(TestPki.shared().business(), Envelopes.ask(id).put("body", "Công khai " + marker)));
        assertThat(asked.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from timeline_event where dialogue_id = :id", id) == 1);
        String dump = pgDump();
        List<String> forms = encodings(marker);
        assertThat(dump).as("the event store's bytea, in hex").contains(forms.get(1));
        assertThat(forms.subList(2, 5)).as("the timeline's base64").anyMatch(dump::contains);
        assertThat(count("select count(*) from confidential_dialogue where dialogue_id = :id", id))
                .isZero();
        String stored = jdbc.sql(
                        """
                        select convert_from(payload, 'UTF8') from domainevententry
                        where aggregateidentifier = :id and sequencenumber = 0""")
                .param("id", id.toString())
                .query(String.class)
                .single();
        assertThat(stored).contains(marker.substring("zqmật".length()));
    }

    private int count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Integer.class).single();
    }

    /**
     * The marker's random letters (ASCII: the same in any JSON escaping) as text, as PostgreSQL's hex of bytea, and
     * inside base64 at each of the three alignments.
     */
    static List<String> encodings(String marker) {
        String letters = marker.substring("zqmật".length());
        byte[] bytes = letters.getBytes(StandardCharsets.UTF_8);
        List<String> forms = new ArrayList<>(List.of(letters, HexFormat.of().formatHex(bytes)));
        for (int pad = 0; pad < 3; pad++) {
            byte[] shifted = new byte[pad + bytes.length];
            System.arraycopy(bytes, 0, shifted, pad, bytes.length);
            String base64 = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            // Only the characters made of the marker's bits alone, whatever precedes and follows it.
            int from = (pad * 8 + 5) / 6;
            int to = (shifted.length * 8) / 6;
            forms.add(base64.substring(from, to));
        }
        return forms;
    }

    private String pgDump() throws IOException, InterruptedException, java.sql.SQLException {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        URI url = URI.create(hikari.getJdbcUrl().substring("jdbc:".length()));
        Path out = Files.createTempFile("edialog-dump", ".sql");
        ProcessBuilder builder = new ProcessBuilder(
                        pgDumpBinary(),
                        "--host=" + url.getHost(),
                        "--port=" + (url.getPort() < 0 ? 5432 : url.getPort()),
                        "--username=" + hikari.getUsername(),
                        "--no-password",
                        "--file=" + out,
                        url.getPath().substring(1))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (hikari.getPassword() != null) {
            builder.environment().put("PGPASSWORD", hikari.getPassword());
        }
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("pg_dump exit code").isZero();
        String dump = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        assertThat(dump).contains("domainevententry", "confidential_content", "act_ru_variable");
        return dump;
    }

    private static String pgDumpBinary() {
        for (String candidate : List.of("/usr/bin/pg_dump", "/usr/lib/postgresql/15/bin/pg_dump")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("pg_dump is needed (Debian: postgresql-client)");
    }

    private void awaitStatus(UUID id, String status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(asker.get("/api/v1/dialogues/" + id)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo(status));
    }
}
