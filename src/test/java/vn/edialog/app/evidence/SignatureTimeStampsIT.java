package vn.edialog.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.cert.TrustAnchor;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
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
import vn.edialog.app.access.OfficialRole;
import vn.edialog.app.operations.store.EventStoreVerifier;
import vn.edialog.app.pki.TimeStamping;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.TestOfficials;
import vn.edialog.app.support.TestTimeStampAuthority;
import vn.edialog.command.pki.TestPki;

/**
 * Every stored signature gets an RFC 3161 time-stamp from the configured authority, kept beside its event; an
 * authority that is down holds up no message, and the stamps follow when it answers again; verify-store's audit finds
 * a token moved to another event.
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

    Api api;

    @BeforeEach
    void up() {
        authority.down(false);
        api = new Api(port);
        TestOfficials.ensure(identity, "stamps.moderator", OfficialRole.MODERATORS.groupId("demo", "ubnd"), "secret");
    }

    /** The case page of the dialogue, as the People's Committee's moderator sees it. */
    private String casePage(UUID id) {
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cases/" + id))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        "stamps.moderator:secret".getBytes(StandardCharsets.UTF_8)))
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
