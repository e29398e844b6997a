package vn.edialog.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;

/** Our pages carry a CSP, every answer a Referrer-Policy, and no absolute link comes from the Host header. */
@EDialogIntegrationTest
class SecurityHeadersIT {

    @LocalServerPort
    int port;

    @Test
    void ourPagesHaveAContentSecurityPolicyWhoseNonceIsTheOnlyWayToRunAnInlineScript() {
        Api api = new Api(port);
        Api.Response signIn = api.get("/sign-in");
        String csp = signIn.header("Content-Security-Policy");
        assertThat(csp)
                .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'")
                .doesNotContain("'unsafe-inline' 'self'", "script-src 'self' 'unsafe-inline'");
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(csp);
        assertThat(nonce.find()).isTrue();
        assertThat(signIn.body())
                .as("the import map carries this request's nonce")
                .contains("type=\"importmap\" nonce=\"" + nonce.group(1) + "\"");
        assertThat(api.get("/sign-in").header("Content-Security-Policy"))
                .as("a new nonce per request")
                .doesNotContain(nonce.group(1));
        assertThat(signIn.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(signIn.header("Strict-Transport-Security"))
                .as("no HSTS without EDIALOG_SECURE_COOKIES")
                .isNull();
        for (String page : new String[] {"/portal/demo", "/tracking", "/api/v1/portal/demo/dialogues"}) {
            assertThat(api.get(page).header("Content-Security-Policy")).as(page).contains("default-src 'self'");
        }
        assertThat(api.get("/camunda/app/tasklist/").header("Referrer-Policy"))
                .as("Camunda's pages too")
                .isEqualTo("strict-origin-when-cross-origin");
    }

    @Test
    void aForgedHostHeaderMakesNoLink() {
        String feed = raw("/api/v1/portal/demo/feed.atom");
        assertThat(feed)
                .startsWith("HTTP/1.1 200")
                .doesNotContain("evil.example")
                .contains("http://localhost:" + port);

        assertThat(location(raw("/"))).isEqualTo("/portal");
        assertThat(location(raw("/my/dialogues"))).as("to the sign-in page").isEqualTo("/sign-in");
        assertThat(location(raw("/portal"))).startsWith("/portal/");
    }

    private static String location(String response) {
        Matcher location = Pattern.compile("(?im)^Location: ([^\\r\\n]*)").matcher(response);
        assertThat(location.find()).as(response).isTrue();
        return location.group(1);
    }

    /** A request whose Host header names another site (java.net.http refuses to send one). */
    private String raw(String path) {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
