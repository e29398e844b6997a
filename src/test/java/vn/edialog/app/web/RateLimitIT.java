package vn.edialog.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.SignIn;
import vn.edialog.app.support.TestOfficials;
import vn.edialog.command.pki.TestPki;

/**
 * The limits per client address and per certificate answer 429 with Retry-After, and a saturated intake 503. The
 * product runs as behind a reverse proxy (forwarded headers trusted from localhost), so that one test client can be
 * several addresses.
 */
@EDialogIntegrationTest
@TestPropertySource(
        properties = {
            "server.forward-headers-strategy=native",
            "edialog.rate-limits.tracking-per-minute=5",
            "edialog.rate-limits.sign-in-challenges-per-minute=4",
            "edialog.rate-limits.signed-commands-per-minute=6",
            "edialog.rate-limits.signed-commands-per-certificate-per-minute=3",
            "edialog.rate-limits.staff-password-attempts-per-minute=10",
            "edialog.intake.max-concurrent=1",
            "edialog.intake.acquire-timeout=100ms"
        })
class RateLimitIT {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityService identity;

    /** An address no other test uses. */
    private static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    /** A new session from a new address. */
    private Api client() {
        return new Api(port).from(address());
    }

    private static void assertTooMany(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(429);
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void trackingLookupsArePerAddressAndAnswer429WithRetryAfter() {
        Api attacker = client();
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.get("/api/v1/tracking/DEMO-2026-000000-XXXXXX").status())
                    .isEqualTo(404);
        }
        Api.Response refused = attacker.get("/api/v1/tracking/DEMO-2026-000000-XXXXXX");
        assertTooMany(refused);
        assertThat(refused.problemType()).isEqualTo("urn:edialog:problem:rate-limited");
        Api.Response page = attacker.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(attacker.base() + "/tracking/DEMO-2026-000000-XXXXXX"))
                .header("Accept", "text/html")
                .build());
        assertTooMany(page);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("quá nhiều yêu cầu");

        assertThat(client().get("/api/v1/tracking/DEMO-2026-000000-XXXXXX").status())
                .as("another address is not limited")
                .isEqualTo(404);
    }

    @Test
    void signInChallengesArePerAddressAndARefusedOneCreatesNoSession() {
        String address = address();
        Api attacker = new Api(port).from(address);
        for (int i = 0; i < 4; i++) {
            assertThat(attacker.post("/api/v1/sign-in/challenge?tenant=demo", "")
                            .status())
                    .isEqualTo(200);
        }
        long sessions = sessions();
        for (int i = 0; i < 20; i++) {
            // Each time a new browser (no session cookie) from the same address.
            assertTooMany(new Api(port).from(address).post("/api/v1/sign-in/challenge?tenant=demo", ""));
        }
        assertThat(sessions()).as("refused challenges create no session").isEqualTo(sessions);
    }

    private long sessions() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }

    @Test
    void signedCommandsArePerAddressAndPerCertificate() {
        Api attacker = client();
        for (int i = 0; i < 6; i++) {
            assertThat(attacker.post("/api/v1/dialogues", "{}").status()).isEqualTo(400);
        }
        assertTooMany(attacker.post("/api/v1/dialogues", "{}"));

        // The same certificate from ever new addresses: the certificate's own bucket.
        for (int i = 0; i < 3; i++) {
            Api.Response asked = client().post(
                            "/api/v1/dialogues",
                            Envelopes.signed(TestPki.shared().citizen(), Envelopes.ask(UUID.randomUUID())));
            assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        }
        Api.Response refused = client().post(
                        "/api/v1/dialogues",
                        Envelopes.signed(TestPki.shared().citizen(), Envelopes.ask(UUID.randomUUID())));
        assertTooMany(refused);
        assertThat(refused.json().path("detail").asText()).contains("certificate");
        Api.Response otherSigner = client().post(
                        "/api/v1/dialogues",
                        Envelopes.signed(TestPki.shared().business(), Envelopes.ask(UUID.randomUUID())));
        assertThat(otherSigner.status()).as(otherSigner.body()).isEqualTo(201);
    }

    @Test
    void aSaturatedIntakeAnswers503WithRetryAfterInsteadOfQueueing() throws Exception {
        // One command that never finishes sending its body holds the only intake permit.
        try (Socket slow = new Socket("localhost", port)) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/v1/dialogues HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 192.0.2.1\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"payload\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Api.Response[] busy = new Api.Response[1];
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                busy[0] = client().post("/api/v1/dialogues", "{}");
                return busy[0].status() == 503;
            });
            assertThat(busy[0].header("Retry-After")).isEqualTo("1");
            assertThat(busy[0].problemType()).isEqualTo("urn:edialog:problem:saturated");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> client().post("/api/v1/dialogues", "{}").status() == 400);
    }

    @Test
    void wrongPasswordsBackOffTheAttackersAddressButDoNotLockTheOfficialOut() {
        TestOfficials.ensure(identity, "limits.moderator", "demo-ubnd-moderators", "secret", "Cán bộ", "Ủy ban");
        Api attacker = client();
        int refusedByForm = 0;
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            Api.Response wrong = SignIn.staff(attacker, "limits.moderator", "guess-" + i);
            if (wrong.status() == 302) {
                assertThat(wrong.header("Location")).contains("/sign-in?error");
                refusedByForm++;
            } else {
                assertTooMany(wrong);
                limited++;
            }
        }
        assertThat(refusedByForm).isEqualTo(10);
        assertThat(limited).isEqualTo(2);
        // Camunda's Tasklist login counts against the same allowance (past Camunda's CSRF check, as a browser).
        Api.Response tasklist = attacker.get("/camunda/app/tasklist/");
        String xsrf = tasklist.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
                .map(cookie -> cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';')))
                .findFirst()
                .orElseThrow();
        assertTooMany(attacker.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("X-XSRF-TOKEN", xsrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=limits.moderator&password=x"))
                .build()));

        Api official = client();
        Api.Response signedIn = SignIn.staff(official, "limits.moderator", "secret");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location"))
                .as("the official signs in from his own address at once")
                .endsWith("/staff");
        assertThat(identity.checkPassword("limits.moderator", "secret")).isTrue();
    }
}
