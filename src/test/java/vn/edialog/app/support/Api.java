package vn.edialog.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A plain HTTP client for the API under test: exact bodies in, status and JSON out. */
public final class Api {

    /** A response: status, content type and parsed JSON body (null when empty or not JSON). */
    public record Response(int status, String contentType, JsonNode json, String body, HttpHeaders headers) {
        public String problemType() {
            return json == null ? null : json.path("type").asText(null);
        }

        /** The first value of a response header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** Cookies are kept per instance, so that one {@code Api} is one browser session (sign-in, CSRF). */
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .cookieHandler(new CookieManager())
            .build();

    private final String base;
    private final String authorization;
    private final String forwardedFor;

    public Api(int port) {
        this("http://localhost:" + port, null, null);
    }

    private Api(String base, String authorization, String forwardedFor) {
        this.base = base;
        this.authorization = authorization;
        this.forwardedFor = forwardedFor;
    }

    /**
     * A new session whose every request comes, as a trusted reverse proxy says ({@code X-Forwarded-For}), from {@code
     * clientAddress}: for a product started with {@code server.forward-headers-strategy=native}.
     */
    public Api from(String clientAddress) {
        return new Api(base, authorization, clientAddress);
    }

    /**
     * A new session that sends an official's HTTP Basic credentials with every {@link #get} and {@link #post}, as the
     * officials' API clients do.
     */
    public Api withBasicAuth(String user, String password) {
        return new Api(
                base,
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)),
                forwardedFor);
    }

    public String base() {
        return base;
    }

    public Response post(String path, String body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    public Response send(HttpRequest request) {
        if (forwardedFor != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("X-Forwarded-For", forwardedFor)
                    .build();
        }
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = response.body().isEmpty() ? null : Envelopes.JSON.readTree(response.body());
            } catch (IOException notJson) {
                // leave json null
            }
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    json,
                    response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The response with its body as bytes, for downloads. */
    public HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
