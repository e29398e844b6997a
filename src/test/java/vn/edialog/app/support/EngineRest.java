package vn.edialog.app.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Camunda's REST API ({@code /engine-rest}) as the Tasklist calls it for a signed-in official: HTTP Basic with the
 * official's account (password {@value #PASSWORD}, as {@link TestOfficials#ensure} creates them).
 */
public final class EngineRest {

    public static final String PASSWORD = "secret";

    private final Api api;
    private final int port;

    public EngineRest(Api api, int port) {
        this.api = api;
        this.port = port;
    }

    /** One call as {@code user}; {@code body} is JSON or {@code null}. */
    public Api.Response call(String user, String method, String path, String body) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest" + path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json");
        request = body == null
                ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        return api.send(request.build());
    }

    /** The open tasks of this key in the dialogue's process that the group may take, as {@code user} sees them. */
    public JsonNode tasks(String user, String group, Object dialogueId, String taskKey) {
        return call(
                        user,
                        "GET",
                        "/task?candidateGroup=" + group + "&processInstanceBusinessKey=" + dialogueId
                                + "&taskDefinitionKey=" + taskKey,
                        null)
                .json();
    }

    /** Waits (up to a minute) until exactly one such task is open, and answers it. */
    public JsonNode awaitTask(String user, String group, Object dialogueId, String taskKey) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode tasks = tasks(user, group, dialogueId, taskKey);
            if (tasks != null && tasks.size() == 1) {
                found[0] = tasks.get(0);
                return true;
            }
            return false;
        });
        return found[0];
    }
}
