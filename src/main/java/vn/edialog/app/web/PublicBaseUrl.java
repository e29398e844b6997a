package vn.edialog.app.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The product's public address ({@code edialog.public-base-url}, env {@code EDIALOG_PUBLIC_BASE_URL}), for the
 * absolute links it hands out (the Atom feed). Never taken from the request's {@code Host} header, which the client
 * chooses. Unset (the embedded default): {@code http://localhost:<port>}.
 */
@Component
public class PublicBaseUrl {

    private final String configured;
    private volatile int port = 8080;

    PublicBaseUrl(@Value("${edialog.public-base-url:}") String configured) {
        String trimmed = configured.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!trimmed.isEmpty() && !trimmed.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
            throw new IllegalStateException(
                    "edialog.public-base-url (EDIALOG_PUBLIC_BASE_URL) must be an http(s) URL such as"
                            + " https://hoidap.example.gov.vn, not '" + configured + "'");
        }
        this.configured = trimmed;
    }

    @EventListener
    void started(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    /** The base URL without a trailing slash. */
    public String get() {
        return configured.isEmpty() ? "http://localhost:" + port : configured;
    }
}
