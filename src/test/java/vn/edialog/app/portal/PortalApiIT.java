package vn.edialog.app.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.edialog.app.access.Official;
import vn.edialog.app.submission.GovernmentActions;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.signature.CmsSignatureVerifier;
import vn.edialog.command.signature.VerificationContext;

/** The public portal's API over the real projections: search without diacritics, anonymity, evidence, feed. */
@EDialogIntegrationTest
class PortalApiIT {

    private static final Official MODERATOR = new Official("nguyen.van.a", "Nguyễn Văn A", "demo", "ubnd");
    private static final Official TAX = new Official("le.thi.c", "Lê Thị C", "demo", "thue");

    @LocalServerPort
    int port;

    @Autowired
    GovernmentActions government;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private UUID publishedAnswer(String subject, String answer) {
        UUID id = UUID.randomUUID();
        var ask = Envelopes.ask(id, "thu-tuc-thue").put("subject", subject);
        assertThat(api.post(
                                "/api/v1/dialogues",
                                Envelopes.signed(TestPki.shared().citizen(), ask))
                        .status())
                .isEqualTo(201);
        government.forward(
                id, MODERATOR, "thue", "Chuyển Cục Thuế", Instant.now().plus(10, ChronoUnit.DAYS));
        government.answer(id, TAX, answer);
        government.publish(id, MODERATOR);
        return id;
    }

    private JsonNode search(String query) {
        return api.get("/api/v1/portal/demo/dialogues?q="
                        + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8))
                .json();
    }

    @Test
    void aPublishedAnswerIsFoundWithAndWithoutDiacriticsAndShowsNoAskerData() throws Exception {
        String marker = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = publishedAnswer("Hoàn thuế giá trị gia tăng " + marker, "Thuế GTGT được hoàn trong 6 ngày làm việc.");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> search("hoan thue gia tri " + marker).path("total").asLong() == 1);
        assertThat(search("Hoàn THUẾ " + marker)
                        .path("items")
                        .get(0)
                        .path("dialogueId")
                        .asText())
                .isEqualTo(id.toString());

        JsonNode page = api.get("/api/v1/portal/demo/dialogues/" + id).json();
        assertThat(page.path("dialogue").path("answer").asText()).contains("6 ngày làm việc");
        String body = page.toString();
        assertThat(body)
                .as("no citizen name or ID number on the portal")
                .doesNotContain(TestPki.CITIZEN_CCCD)
                .doesNotContain("CCCD:");
        JsonNode asked = page.path("timeline").get(0);
        assertThat(asked.path("actorKind").asText()).isEqualTo("CITIZEN");
        assertThat(asked.path("signerSubject").isMissingNode()
                        || asked.path("signerSubject").isNull())
                .isTrue();
        assertThat(asked.path("evidence").isMissingNode()
                        || asked.path("evidence").isNull())
                .isTrue();

        JsonNode answered = null;
        for (JsonNode event : page.path("timeline")) {
            if (event.path("eventType").asText().equals("DialogueAnswered")) {
                answered = event;
            }
        }
        assertThat(answered).isNotNull();
        assertThat(answered.path("agency").asText()).isEqualTo("thue");
        JsonNode evidence = api.get(answered.path("evidence").asText()).json();
        byte[] payload =
                Base64.getDecoder().decode(evidence.path("signedPayload").asText());
        byte[] signature = Base64.getDecoder().decode(evidence.path("signature").asText());
        var verified = new CmsSignatureVerifier()
                .verify(
                        signature,
                        Optional.of(payload),
                        VerificationContext.of(Set.of(TestPki.shared().trustAnchor()), Instant.now()));
        assertThat(verified.valid()).as(verified.detail()).isTrue();
        assertThat(new String(payload)).contains("6 ngày làm việc");

        assertThat(api.get("/api/v1/portal/demo/dialogues/" + id + "/events/0/evidence")
                        .status())
                .as("an asker's signed envelope is not downloadable from the portal")
                .isEqualTo(404);

        Api.Response feed = api.get("/api/v1/portal/demo/feed.atom");
        assertThat(feed.contentType()).startsWith("application/atom+xml");
        assertThat(feed.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"", "urn:uuid:" + id, marker);
    }

    @Test
    void anUnpublishedOrConfidentialDialogueIsNotOnThePortal() {
        UUID id = UUID.randomUUID();
        var ask = Envelopes.ask(id).put("confidential", true);
        assertThat(api.post(
                                "/api/v1/dialogues",
                                Envelopes.signed(TestPki.shared().business(), ask))
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/api/v1/portal/demo/dialogues/" + id).status()).isEqualTo(404);
    }

    /** The page and the API read the period alike (PortalSearch): both days included, so one day is a period. */
    @Test
    void aOneDayPeriodAnswersAsOnThePage() {
        String marker = "Zp" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = publishedAnswer("Hoàn thuế một ngày " + marker, "Trả lời trong ngày.");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> search(marker).path("total").asLong() == 1);
        java.time.LocalDate today = java.time.LocalDate.now(vn.edialog.app.web.L10n.VIETNAM);
        Api.Response oneDay = api.get("/api/v1/portal/demo/dialogues?q=" + marker + "&from=" + today + "&to=" + today);
        assertThat(oneDay.status()).as(oneDay.body()).isEqualTo(200);
        assertThat(oneDay.json().path("items").get(0).path("dialogueId").asText())
                .isEqualTo(id.toString());
        assertThat(api.get("/api/v1/portal/demo/dialogues?q=" + marker + "&to=" + today.minusDays(1))
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
        Api.Response reversed = api.get("/api/v1/portal/demo/dialogues?from=" + today + "&to=" + today.minusDays(1));
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.problemType()).isEqualTo("urn:edialog:problem:bad-parameter");
        assertThat(api.get("/api/v1/portal/demo/dialogues?agency=atlantis").status())
                .as("an agency the province does not have, as on the page")
                .isEqualTo(400);
    }

    @Test
    void badQueryParametersAreProblems() {
        Api.Response response = api.get("/api/v1/portal/demo/dialogues?from=yesterday");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("urn:edialog:problem:bad-parameter");
        assertThat(api.get("/api/v1/portal/demo/dialogues?size=1000").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/portal/atlantis/dialogues").status()).isEqualTo(404);
    }

    @Test
    void aNulCharacterInASearchParameterIsABadRequestNotAServerError() {
        for (String parameter : new String[] {"q", "agency", "topic"}) {
            Api.Response apiSearch = api.get("/api/v1/portal/demo/dialogues?" + parameter + "=thu%00e");
            assertThat(apiSearch.status()).as(parameter).isEqualTo(400);
            assertThat(apiSearch.problemType()).isEqualTo("urn:edialog:problem:bad-parameter");
            assertThat(api.get("/portal/demo?" + parameter + "=thu%00e").status())
                    .as("the portal page, " + parameter)
                    .isEqualTo(400);
        }
        assertThat(api.get("/api/v1/portal/demo/dialogues?q=thu%E1%BA%BF").status())
                .isEqualTo(200);
    }
}
