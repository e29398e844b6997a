package vn.edialog.app.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.app.access.Official;
import vn.edialog.app.operations.store.EventStoreVerifier;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.SignIn;
import vn.edialog.app.support.TestPkiFiles;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.command.dialogue.api.ActionNotAllowed;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.signature.CanonicalJson;
import vn.edialog.command.signature.CmsSignatureVerifier;
import vn.edialog.command.signature.VerificationContext;

/**
 * One dialogue through its life on the real stack (HTTP, signatures, Axon's JDBC event store, the projection,
 * PostgreSQL), then the whole store re-verified, tampered with, and the tampering found.
 */
@EDialogIntegrationTest
class DialogueLifecycleIT {

    private static final TestPki PKI = TestPki.shared();
    private static final Official MODERATOR = new Official("nguyen.van.a", "Nguyễn Văn A", "demo", "ubnd");
    private static final Official DEPARTMENT = new Official("tran.thi.b", "Trần Thị B", "demo", "skhdt");

    @LocalServerPort
    int port;

    @Autowired
    GovernmentActions government;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    Api api;

    /** The business that asks every dialogue here, signed in: it reads the status of its own dialogues. */
    @BeforeEach
    void client() {
        api = new Api(port);
        assertThat(SignIn.asker(api, PKI.business(), "demo").status()).isEqualTo(200);
    }

    private Api.Response ask(UUID dialogueId) {
        return api.post("/api/v1/dialogues", Envelopes.signed(PKI.business(), Envelopes.ask(dialogueId)));
    }

    @Test
    void anAcceptedAskReturnsATrackingCodeAndAReceiptSignedByTheSystemKey() throws Exception {
        UUID dialogueId = UUID.randomUUID();
        Api.Response response = ask(dialogueId);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.path("dialogueId").asText()).isEqualTo(dialogueId.toString());
        assertThat(body.path("trackingCode").asText()).matches("DEMO-\\d{4}-\\d{6}-[0-9A-HJKMNP-TV-Z]{6}");
        assertThat(body.path("sequence").asLong()).isZero();

        byte[] receipt =
                Base64.getDecoder().decode(body.path("receipt").path("payload").asText());
        byte[] signature = Base64.getDecoder()
                .decode(body.path("receipt").path("signature").asText());
        var verified = new CmsSignatureVerifier()
                .verify(
                        signature,
                        Optional.of(receipt),
                        VerificationContext.of(Set.of(PKI.trustAnchor()), Instant.now()));
        assertThat(verified.valid()).as(verified.detail()).isTrue();
        assertThat(verified.identity().id()).isEqualTo("MNS:" + TestPki.SYSTEM_MNS);
        JsonNode statement = Envelopes.JSON.readTree(receipt);
        assertThat(statement.path("type").asText()).isEqualTo("receipt");
        assertThat(statement.path("trackingCode").asText())
                .isEqualTo(body.path("trackingCode").asText());
        assertThat(statement.path("eventHash").asText())
                .isEqualTo(body.path("eventHash").asText());
        assertThat(CanonicalJson.canonicalize(statement))
                .as("the receipt is canonical JSON")
                .isEqualTo(receipt);
    }

    @Test
    void aDialogueGoesFromAskThroughForwardAnswerRatingAndClosingToReopening() {
        UUID id = UUID.randomUUID();
        assertThat(ask(id).status()).isEqualTo(201);
        Instant due = Instant.now().plus(14, ChronoUnit.DAYS);

        government.forward(id, MODERATOR, "skhdt", "Đề nghị Sở trả lời theo thẩm quyền", due);
        government.acknowledge(id, DEPARTMENT);
        awaitStatus(id, "FORWARDED", "skhdt");
        government.answer(id, DEPARTMENT, "Doanh nghiệp nộp hồ sơ thay đổi qua Cổng dịch vụ công quốc gia.");
        awaitStatus(id, "ANSWERED", "skhdt");
        government.publish(id, MODERATOR);

        var rated = api.post(
                "/api/v1/dialogues/" + id + "/ratings",
                Envelopes.signed(
                        PKI.business(),
                        Envelopes.base("rate", id).put("rating", 5).put("comment", "Rõ ràng")));
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        assertThat(rated.json().path("sequence").asLong()).isEqualTo(5);

        government.close(id, MODERATOR, CloseReason.ANSWERED, Instant.now().plus(30, ChronoUnit.DAYS));
        awaitStatus(id, "CLOSED", "skhdt");

        var reopened = api.post(
                "/api/v1/dialogues/" + id + "/reopenings",
                Envelopes.signed(PKI.business(), Envelopes.base("reopen", id).put("reason", "Cần hỏi thêm về lệ phí")));
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(201);
        awaitStatus(id, "AWAITING_TRIAGE", "ubnd");

        String trackingCode =
                api.get("/api/v1/dialogues/" + id).json().path("trackingCode").asText();
        var byCode = new Api(port).get("/api/v1/tracking/" + trackingCode);
        assertThat(byCode.json().path("trackingCode").asText()).isEqualTo(trackingCode);
        assertThat(byCode.json().path("status").asText()).isEqualTo("AWAITING_TRIAGE");
        assertThat(byCode.json().path("dialogueId").asText())
                .as("published once, the dialogue names its portal page")
                .isEqualTo(id.toString());
        // The number alone, or with another random part, finds nothing: codes cannot be walked through.
        String number = trackingCode.substring(0, trackingCode.lastIndexOf('-'));
        String last = trackingCode.substring(trackingCode.length() - 1);
        String otherRandom = trackingCode.substring(0, trackingCode.length() - 1) + (last.equals("X") ? "Y" : "X");
        assertThat(new Api(port).get("/api/v1/tracking/" + number).status()).isEqualTo(404);
        assertThat(new Api(port).get("/api/v1/tracking/" + otherRandom).status())
                .isEqualTo(404);
        assertThat(new Api(port)
                        .get("/api/v1/tracking/" + trackingCode.toLowerCase(java.util.Locale.ROOT))
                        .status())
                .as("typed in lower case")
                .isEqualTo(200);
    }

    @Test
    void aRefusedGovernmentActionStoresNothing() {
        UUID id = UUID.randomUUID();
        assertThat(ask(id).status()).isEqualTo(201);
        long events = eventCount();
        assertThatThrownBy(() -> government.answer(id, DEPARTMENT, "Sở chưa được chuyển hồ sơ"))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> government.publish(id, MODERATOR)).isInstanceOf(ActionNotAllowed.class);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anOfficialOfAnotherProvinceCannotActOnThisDialogue() {
        UUID id = UUID.randomUUID();
        assertThat(ask(id).status()).isEqualTo(201);
        Official elsewhere = new Official("le.van.c", "Lê Văn C", "other", "ubnd");
        assertThatThrownBy(() -> government.answer(id, elsewhere, "Trả lời")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void anEnvelopeSignedByOpensslIsAccepted() throws Exception {
        Path dir = Files.createTempDirectory("openssl-sign");
        Path payload = dir.resolve("payload.json");
        Files.write(payload, CanonicalJson.canonicalize(Envelopes.ask(UUID.randomUUID())));
        Path pki = TestPkiFiles.directory();
        Process openssl = new ProcessBuilder(
                        "openssl",
                        "cms",
                        "-sign",
                        "-binary",
                        "-cades",
                        "-outform",
                        "DER",
                        "-md",
                        "sha256",
                        "-signer",
                        pki.resolve("business-" + TestPki.BUSINESS_MST + ".pem").toString(),
                        "-inkey",
                        pki.resolve("business-" + TestPki.BUSINESS_MST + ".key.pem")
                                .toString(),
                        "-certfile",
                        pki.resolve("public-ca.pem").toString(),
                        "-in",
                        payload.toString(),
                        "-out",
                        dir.resolve("sig.der").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(openssl.getInputStream().readAllBytes());
        assertThat(openssl.waitFor()).as(output).isZero();

        var response = api.post(
                "/api/v1/dialogues",
                Envelopes.body(Files.readAllBytes(payload), Files.readAllBytes(dir.resolve("sig.der"))));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void aConcurrentWriterMakesTheLosingCommandAConflictAndLosesNothing() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(ask(id).status()).isEqualTo(201);
        government.forward(id, MODERATOR, "skhdt", "Chuyển Sở", Instant.now().plus(10, ChronoUnit.DAYS));
        government.answer(id, DEPARTMENT, "Trả lời");
        try (Connection rival = dataSource.getConnection()) {
            rival.setAutoCommit(false);
            // Another node appends sequence 3 of this dialogue and has not committed yet.
            try (var insert = rival.prepareStatement(
                    "insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload,"
                            + " payloadtype, timestamp) values (?, 3, 'Dialogue', ?, '{}'::bytea, 'rival', ?)")) {
                insert.setString(1, id.toString());
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, Instant.now().toString());
                insert.executeUpdate();
            }
            String envelope =
                    Envelopes.signed(PKI.business(), Envelopes.base("rate", id).put("rating", 4));
            CompletableFuture<Api.Response> pending =
                    CompletableFuture.supplyAsync(() -> api.post("/api/v1/dialogues/" + id + "/ratings", envelope));
            // Wait until the command blocks on the event store's unique (aggregate, sequence) index...
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")
                                    .query(Long.class)
                                    .single()
                            > 0);
            rival.commit(); // ...then let the rival win.
            Api.Response response = pending.get();
            assertThat(response.status()).as(response.body()).isEqualTo(409);
            assertThat(response.problemType()).isEqualTo("urn:edialog:problem:conflict");
        } finally {
            jdbc.sql("delete from domainevententry where aggregateidentifier = :id and payloadtype = 'rival'")
                    .param("id", id.toString())
                    .update();
        }
        assertThat(jdbc.sql("select count(*) from accepted_nonce where dialogue_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .as("the losing command's nonce was given back")
                .isEqualTo(3);
    }

    @Test
    void theStoreVerifiesAndATamperedEventIsFound() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(ask(id).status()).isEqualTo(201);
        government.forward(id, MODERATOR, "skhdt", "Chuyển Sở", Instant.now().plus(10, ChronoUnit.DAYS));
        government.answer(id, DEPARTMENT, "Câu trả lời gốc");

        EventStoreVerifier verifier = new EventStoreVerifier(
                Envelopes.JSON,
                EventStoreVerifier.cmsCheck(Set.of(PKI.trustAnchor()), Set.of(PKI.trustAnchor()), Instant.now()));
        assertThat(verifier.verify(dataSource, null).firstBreak()).isEmpty();

        byte[] original = jdbc.sql(
                        "select payload from domainevententry where aggregateidentifier = :id and sequencenumber = 2")
                .param("id", id.toString())
                .query(byte[].class)
                .single();
        String forged = new String(original).replace("Câu trả lời gốc", "Câu trả lời bị sửa");
        try {
            setPayload(id, 2, forged.getBytes());
            EventStoreVerifier.Report report = verifier.verify(dataSource, null);
            assertThat(report.firstBreak()).isPresent();
            assertThat(report.firstBreak().get().dialogueId()).isEqualTo(id.toString());
            assertThat(report.firstBreak().get().sequence()).isEqualTo(2);
            assertThat(report.firstBreak().get().reason()).contains("answer");
        } finally {
            setPayload(id, 2, original);
        }
        assertThat(verifier.verify(dataSource, null).intact()).isTrue();
    }

    private void setPayload(UUID id, long sequence, byte[] payload) {
        jdbc.sql(
                        "update domainevententry set payload = :payload where aggregateidentifier = :id and sequencenumber = :seq")
                .param("payload", payload)
                .param("id", id.toString())
                .param("seq", sequence)
                .update();
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domainevententry")
                .query(Long.class)
                .single();
    }

    private void awaitStatus(UUID id, String status, String agency) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode summary = api.get("/api/v1/dialogues/" + id).json();
            assertThat(summary.path("status").asText()).isEqualTo(status);
            assertThat(summary.path("handlingAgency").asText()).isEqualTo(agency);
        });
    }
}
