package vn.edialog.app.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.TwoProvincesIntegrationTest;

/**
 * The OpenAPI description served by the application names, for every read endpoint, how a reader authenticates
 * (the asker's session cookie, an official's HTTP Basic, or nothing) and how it refuses.
 */
@TwoProvincesIntegrationTest
class ReadApiDocumentationIT {

    private static final String ASKER = "askerSession";
    private static final String OFFICIAL = "officialBasic";

    @LocalServerPort
    int port;

    private JsonNode description() {
        Api.Response response = new Api(port).get("/api/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    @Test
    void theSecuritySchemesAreTheAskersSessionCookieAndTheOfficialsHttpBasic() {
        JsonNode schemes = description().path("components").path("securitySchemes");

        assertThat(schemes.path(ASKER).path("type").asText()).isEqualTo("apiKey");
        assertThat(schemes.path(ASKER).path("in").asText()).isEqualTo("cookie");
        assertThat(schemes.path(ASKER).path("name").asText()).isEqualTo("EDIALOG_SESSION");
        assertThat(schemes.path(ASKER).path("description").asText()).contains("/api/v1/sign-in");
        assertThat(schemes.path(OFFICIAL).path("type").asText()).isEqualTo("http");
        assertThat(schemes.path(OFFICIAL).path("scheme").asText()).isEqualTo("basic");
    }

    @Test
    void everyReadEndpointNamesItsSecurityAndItsRefusals() {
        JsonNode paths = description().path("paths");

        assertRead(paths, "/api/v1/me/dialogues", Set.of(ASKER), "400", "401", "403");
        assertRead(paths, "/api/v1/me/dialogues/{dialogueId}", Set.of(ASKER), "401", "403", "404");
        assertRead(paths, "/api/v1/dialogues/{dialogueId}", Set.of(ASKER, OFFICIAL), "401", "404");
        assertRead(paths, "/api/v1/dialogues/{dialogueId}/timeline", Set.of(ASKER, OFFICIAL), "401", "404");
        assertRead(
                paths,
                "/api/v1/dialogues/{dialogueId}/events/{sequence}/evidence",
                Set.of(ASKER, OFFICIAL),
                "401",
                "404");
        assertRead(
                paths,
                "/api/v1/tenants/{tenant}/agencies/{agency}/dialogues",
                Set.of(OFFICIAL),
                "400",
                "401",
                "403",
                "404");
        assertRead(paths, "/api/v1/tracking/{trackingCode}", Set.of(), "404");
        assertRead(paths, "/api/v1/portal/{tenant}/dialogues/{dialogueId}", Set.of());
        assertThat(paths.path("/api/v1/dialogues").path("post").has("security"))
                .as("a signed command authenticates by its signature")
                .isFalse();
    }

    @Test
    void refusalsAreDocumentedAsProblemDetails() {
        JsonNode refusal = description()
                .path("paths")
                .path("/api/v1/dialogues/{dialogueId}")
                .path("get")
                .path("responses")
                .path("404");

        assertThat(refusal.path("description").asText()).contains("urn:edialog:problem:unknown-dialogue");
        assertThat(refusal.path("content").has("application/problem+json")).isTrue();
    }

    @Test
    void whatAnEventSignedIsDescribedAsAnObject() {
        JsonNode content = description()
                .path("components")
                .path("schemas")
                .path("TimelineItem")
                .path("properties")
                .path("content");

        assertThat(content.path("type").asText()).isEqualTo("object");
    }

    /** A GET whose security alternatives are exactly {@code schemes} (none: public) and which documents these refusals. */
    private static void assertRead(JsonNode paths, String path, Set<String> schemes, String... refusals) {
        JsonNode get = paths.path(path).path("get");
        assertThat(get.isMissingNode()).as("GET " + path + " is documented").isFalse();
        List<String> alternatives = new ArrayList<>();
        for (JsonNode requirement : get.path("security")) {
            requirement.fieldNames().forEachRemaining(alternatives::add);
        }
        assertThat(alternatives).as("security of GET " + path).containsExactlyInAnyOrderElementsOf(schemes);
        List<String> responses = new ArrayList<>();
        get.path("responses").fieldNames().forEachRemaining(responses::add);
        assertThat(responses).as("responses of GET " + path).contains("200").containsAll(List.of(refusals));
        JsonNode answer = get.path("responses").path("200").path("content");
        assertThat(answer.size())
                .as("the answer of GET " + path + " has a body")
                .isPositive();
        answer.forEach(media -> assertThat(media.path("schema").isMissingNode())
                .as("the answer of GET " + path + " has a schema")
                .isFalse());
    }
}
