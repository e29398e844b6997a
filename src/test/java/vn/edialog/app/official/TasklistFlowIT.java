package vn.edialog.app.official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.edialog.app.access.OfficialRole;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.EngineRest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.SignIn;
import vn.edialog.app.support.TestOfficials;
import vn.edialog.command.pki.TestPki;

/**
 * A dialogue driven from ask to close through Camunda's REST API exactly as the Tasklist drives it: the moderator
 * forwards in the triage form, the department answers in its form, and the rating window closes it when the engine's
 * clock has moved past it. A refused form submission leaves the task open with the reason.
 */
@EDialogIntegrationTest
class TasklistFlowIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    Api api;

    /** The business that asks, signed in: it follows its dialogue's status. */
    Api asker;

    @BeforeEach
    void officials() {
        api = new Api(port);
        asker = new Api(port);
        assertThat(SignIn.asker(asker, TestPki.shared().business(), "demo").status())
                .isEqualTo(200);
        official("flow.moderator", OfficialRole.MODERATORS.groupId("demo", "ubnd"));
        official("flow.officer", OfficialRole.OFFICERS.groupId("demo", "thue"));
        official("flow.stranger", OfficialRole.OFFICERS.groupId("demo", "stnmt"));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private void official(String id, String group) {
        TestOfficials.ensure(identity, id, group, EngineRest.PASSWORD);
    }

    private Api.Response engine(String user, String method, String path, String body) {
        return new EngineRest(api, port).call(user, method, path, body);
    }

    private JsonNode awaitTask(String user, String group, String dialogueId, String taskKey) {
        return new EngineRest(api, port).awaitTask(user, group, dialogueId, taskKey);
    }

    private void awaitStatus(String dialogueId, String status) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(asker.get("/api/v1/dialogues/" + dialogueId)
                                .json()
                                .path("status")
                                .asText())
                        .isEqualTo(status));
    }

    @Test
    void aDialogueGoesFromAskToCloseThroughTheTasklist() {
        UUID id = UUID.randomUUID();
        var payload = Envelopes.ask(id, "thu-tuc-thue").put("subject", "Hoàn thuế GTGT hàng xuất khẩu");
        assertThat(api.post(
                                "/api/v1/dialogues",
                                Envelopes.signed(TestPki.shared().business(), payload))
                        .status())
                .isEqualTo(201);

        JsonNode triage = awaitTask("flow.moderator", "demo-ubnd-moderators", id.toString(), "Task_TriageDialogue");
        assertThat(triage.path("name").asText()).startsWith("Phân loại: Hoàn thuế GTGT hàng xuất khẩu");
        assertThat(triage.path("due").asText()).isNotEmpty();
        assertThat(triage.path("followUp").asText()).isNotEmpty();
        JsonNode suggestion = engine(
                        "flow.moderator", "GET", "/task/" + triage.path("id").asText() + "/variables/forwardTo", null)
                .json();
        assertThat(suggestion.path("value").asText())
                .as("the routing DMN suggests the tax department")
                .isEqualTo("thue");

        Api.Response forwarded = engine(
                "flow.moderator",
                "POST",
                "/task/" + triage.path("id").asText() + "/submit-form",
                """
                {"variables": {"decision": {"value": "forward"}, "forwardTo": {"value": "thue"},
                               "note": {"value": "Đề nghị Cục Thuế trả lời"}}}""");
        assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(204);
        awaitStatus(id.toString(), "FORWARDED");

        JsonNode answer = awaitTask("flow.officer", "demo-thue-officers", id.toString(), "Task_AnswerForward");
        String submit = "/task/" + answer.path("id").asText() + "/submit-form";
        Api.Response stranger = engine(
                "flow.stranger", "POST", submit, "{\"variables\": {\"decision\": {\"value\": \"acknowledge\"}}}");
        assertThat(stranger.status())
                .as("another department's officer may not work the task: %s", stranger.body())
                .isEqualTo(403);
        assertThat(engine("flow.stranger", "GET", "/task?processInstanceBusinessKey=" + id, null)
                        .json())
                .as("nor see it")
                .isEmpty();
        assertThat(engine("flow.officer", "GET", "/task/" + answer.path("id").asText(), null)
                        .status())
                .as("the refused completion left the task open")
                .isEqualTo(200);

        Api.Response answered = engine(
                "flow.officer",
                "POST",
                submit,
                """
                {"variables": {"decision": {"value": "answer"},
                               "answer": {"value": "Hồ sơ hoàn thuế nộp qua Cổng dịch vụ công."}}}""");
        assertThat(answered.status()).as(answered.body()).isEqualTo(204);
        awaitStatus(id.toString(), "ANSWERED");

        // Eight days later the seven-day rating window has passed: the job executor closes the dialogue.
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(8))));
        awaitStatus(id.toString(), "CLOSED");
    }

    @Test
    void forwardingToAnUnknownAgencyIsAClientErrorAndLeavesTheTaskOpen() {
        UUID id = UUID.randomUUID();
        var payload = Envelopes.ask(id, "thu-tuc-thue").put("subject", "Chuyển đến đơn vị không tồn tại");
        assertThat(api.post(
                                "/api/v1/dialogues",
                                Envelopes.signed(TestPki.shared().business(), payload))
                        .status())
                .isEqualTo(201);
        JsonNode triage = awaitTask("flow.moderator", "demo-ubnd-moderators", id.toString(), "Task_TriageDialogue");
        for (String action : new String[] {"/submit-form", "/complete"}) {
            Api.Response refused = engine(
                    "flow.moderator",
                    "POST",
                    "/task/" + triage.path("id").asText() + action,
                    """
                    {"variables": {"decision": {"value": "forward"}, "forwardTo": {"value": "atlantis"},
                                   "note": {"value": "Chuyển đi đâu?"}}}""");
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("atlantis");
        }
        assertThat(engine("flow.moderator", "GET", "/task/" + triage.path("id").asText(), null)
                        .status())
                .as("the refused completion left the task open")
                .isEqualTo(200);
    }
}
