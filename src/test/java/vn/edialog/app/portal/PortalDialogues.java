package vn.edialog.app.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import vn.edialog.app.access.Official;
import vn.edialog.app.submission.GovernmentActions;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.Envelopes;
import vn.edialog.command.pki.Credential;

/**
 * Puts dialogues on the portal through the real paths: an asker's signed ask over HTTP, then the government's signed
 * forward, answer and publication, and waits until the portal's read models show them.
 */
final class PortalDialogues {

    static final Official MODERATOR = new Official("portal.moderator", "Trần Văn Bình", "demo", "ubnd");

    /** A dialogue the test created: its id and the tracking code its asker received. */
    record Asked(UUID id, String trackingCode) {}

    private final Api api;
    private final GovernmentActions government;

    PortalDialogues(Api api, GovernmentActions government) {
        this.api = api;
        this.government = government;
    }

    static Official officer(String agency) {
        return new Official("portal." + agency, "Phạm Thị Lan", "demo", agency);
    }

    /** A signed ask on {@code topic}; confidential when asked so. */
    Asked ask(Credential asker, String topic, String subject, String body, boolean confidential) {
        UUID id = UUID.randomUUID();
        var ask = Envelopes.ask(id, topic)
                .put("subject", subject)
                .put("body", body)
                .put("confidential", confidential);
        Api.Response response = api.post("/api/v1/dialogues", Envelopes.signed(asker, ask));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return new Asked(id, response.json().path("trackingCode").asText());
    }

    /** Asked, forwarded to {@code agency} (answered by the moderator when it is "ubnd"), answered, not published. */
    Asked answer(Credential asker, String topic, String agency, String subject, String body, String answer) {
        Asked asked = ask(asker, topic, subject, body, false);
        if (agency.equals(MODERATOR.agency())) {
            government.answer(asked.id(), MODERATOR, answer);
        } else {
            government.forward(
                    asked.id(),
                    MODERATOR,
                    agency,
                    "Đề nghị trả lời theo thẩm quyền",
                    Instant.now().plus(10, ChronoUnit.DAYS));
            government.answer(asked.id(), officer(agency), answer);
        }
        return asked;
    }

    /** Asked, answered and published; returns once the portal shows it with its three public messages. */
    Asked publish(Credential asker, String topic, String agency, String subject, String body, String answer) {
        Asked asked = answer(asker, topic, agency, subject, body, answer);
        government.publish(asked.id(), MODERATOR);
        awaitOnPortal(asked.id());
        return asked;
    }

    void awaitOnPortal(UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Response response = api.get("/api/v1/portal/demo/dialogues/" + id);
            JsonNode timeline = response.json() == null ? null : response.json().path("timeline");
            return response.status() == 200 && timeline != null && timeline.size() == 3;
        });
    }
}
