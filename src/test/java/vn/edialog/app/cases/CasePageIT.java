package vn.edialog.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.edialog.app.government.GovernmentActions;
import vn.edialog.app.government.Official;
import vn.edialog.app.officials.OfficialRole;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.command.pki.TestPki;

/** The case page linked from Tasklist tasks: the signed timeline, for the officials of the agencies involved only. */
@EDialogIntegrationTest
class CasePageIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    GovernmentActions government;

    private void official(String id, String group) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setPassword("secret");
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
    }

    private Api.Response page(String user, UUID dialogueId) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cases/" + dialogueId));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8)));
        }
        return new Api(port).send(request.GET().build());
    }

    @Test
    void theOfficialsOfTheAgenciesInvolvedSeeTheSignedTimelineAndNobodyElse() {
        official("case.moderator", OfficialRole.MODERATORS.groupId("demo", "ubnd"));
        official("case.department", OfficialRole.OFFICERS.groupId("demo", "skhdt"));
        official("case.outsider", OfficialRole.OFFICERS.groupId("demo", "stnmt"));
        UUID id = UUID.randomUUID();
        assertThat(new Api(port)
                        .post(
                                "/api/v1/dialogues",
                                Envelopes.signed(TestPki.shared().business(), Envelopes.ask(id)))
                        .status())
                .isEqualTo(201);
        government.forward(
                id,
                new Official("case.moderator", "Cán bộ UBND", "demo", "ubnd"),
                "skhdt",
                "Chuyển Sở KH&ĐT",
                Instant.now().plus(10, ChronoUnit.DAYS));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> page("case.department", id).status() == 200);
        Api.Response moderator = page("case.moderator", id);
        assertThat(moderator.status()).isEqualTo(200);
        assertThat(moderator.contentType()).startsWith("text/html");
        assertThat(moderator.body())
                .contains("2 sự kiện đã ký")
                .contains("Cán bộ UBND (ubnd)")
                .contains("Ký bởi / signed by");

        Api.Response anonymous = page(null, id);
        assertThat(anonymous.status())
                .as("a browser is sent to the sign-in page")
                .isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/sign-in");
        assertThat(page("case.outsider", id).status())
                .as("an agency not involved")
                .isEqualTo(404);
        assertThat(page("case.moderator", UUID.randomUUID()).status()).isEqualTo(404);
    }
}
