package vn.edialog.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.TestTimeStampAuthority;
import vn.edialog.command.pki.TestPki;

/**
 * With {@code EDIALOG_TSA_MODE=require} a message is accepted only with its time-stamp: stored together, or refused
 * with 503 and {@code Retry-After} when no authority answers, storing nothing, so that the same envelope is accepted
 * once an authority answers again.
 */
@EDialogIntegrationTest
class RequiredTimeStampsIT {

    private static final TestTimeStampAuthority authority = TestTimeStampAuthority.start();

    @DynamicPropertySource
    static void timeStamps(DynamicPropertyRegistry registry) {
        registry.add("edialog.tsa.urls", authority::url);
        registry.add("edialog.tsa.mode", () -> "require");
        // The job would find nothing to do: every stored signature has its stamp already.
        registry.add("edialog.tsa.stamp-interval", () -> "1h");
    }

    @AfterAll
    static void stop() {
        authority.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void up() {
        authority.down(false);
        api = new Api(port);
    }

    private long stored(UUID id, String table) {
        String column = table.equals("domainevententry") ? "aggregateidentifier" : "dialogue_id::text";
        return jdbc.sql("select count(*) from " + table + " where " + column + " = :id")
                .param("id", id.toString())
                .query(Long.class)
                .single();
    }

    @Test
    void anAcceptedMessageIsStoredWithItsTimeStamp() {
        UUID id = UUID.randomUUID();

        Api.Response accepted = api.post(
                "/api/v1/dialogues", Envelopes.signed(TestPki.shared().citizen(), Envelopes.ask(id, "thu-tuc-thue")));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        // At once, in the acceptance's transaction: no job has run.
        assertThat(jdbc.sql("select authority from signature_timestamp where dialogue_id = :id and token is not null")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .contains("Time-Stamping Authority");
    }

    @Test
    void withoutAnAuthorityTheMessageIsRefusedUnstoredAndAcceptedWhenOneAnswersAgain() {
        UUID id = UUID.randomUUID();
        String envelope = Envelopes.signed(TestPki.shared().citizen(), Envelopes.ask(id, "thu-tuc-thue"));
        authority.down(true);

        Api.Response refused = api.post("/api/v1/dialogues", envelope);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:edialog:problem:time-stamp-unavailable");
        assertThat(refused.header("Retry-After")).isEqualTo("30");
        assertThat(stored(id, "domainevententry")).isZero();
        assertThat(stored(id, "signature_timestamp")).isZero();

        authority.down(false);
        Api.Response accepted = api.post("/api/v1/dialogues", envelope);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(stored(id, "domainevententry")).isEqualTo(1);
        assertThat(stored(id, "signature_timestamp")).isEqualTo(1);
    }
}
