package vn.edialog.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.signature.CanonicalJson;

/** Signs an {@link Api} session in, the way the pages do: askers by a signed challenge, officials by the form. */
public final class SignIn {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private SignIn() {}

    /** The signed {@code sign-in} envelope answering a challenge (as the browser builds it). */
    public static String answer(Credential signer, JsonNode challenge) {
        ObjectNode payload = Envelopes.JSON
                .createObjectNode()
                .put("type", challenge.path("type").asText())
                .put("tenant", challenge.path("tenant").asText())
                .put("dialogueId", challenge.path("dialogueId").asText())
                .put("nonce", challenge.path("nonce").asText())
                .put("signedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        byte[] bytes = CanonicalJson.canonicalize(payload);
        return Envelopes.body(bytes, signer.signer().sign(bytes));
    }

    /** Signs the session in as the certificate's business or citizen in {@code tenant}; returns the answer. */
    public static Api.Response asker(Api api, Credential signer, String tenant) {
        Api.Response challenge = api.post("/api/v1/sign-in/challenge?tenant=" + tenant, "");
        assertThat(challenge.status()).as(challenge.body()).isEqualTo(200);
        return api.post("/api/v1/sign-in", answer(signer, challenge.json()));
    }

    /** Signs the session in as an official through the page form (with its CSRF token); returns the form's answer. */
    public static Api.Response staff(Api api, String user, String password) {
        Api.Response page = api.get("/sign-in");
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/sign-in/staff"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    /** The CSRF token of the first form on a page, which the server expects back with the form. */
    public static String csrf(String page) {
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("the page's form carries a CSRF token").isTrue();
        return csrf.group(1);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
