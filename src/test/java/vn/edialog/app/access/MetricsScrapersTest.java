package vn.edialog.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class MetricsScrapersTest {

    @Test
    void theServersOwnHostScrapesWithoutAPassword() {
        assertThat(new MetricsScrapers("").allowed(from("127.0.0.1", null))).isTrue();
        assertThat(new MetricsScrapers("").allowed(from("::1", null))).isTrue();
    }

    @Test
    void anotherHostNeedsThePrometheusUsersPasswordWhenOneIsSet() {
        MetricsScrapers scrapers = new MetricsScrapers("s3cret");

        assertThat(scrapers.allowed(from("10.0.0.7", basic("prometheus", "s3cret"))))
                .isTrue();
        assertThat(scrapers.allowed(from("10.0.0.7", basic("prometheus", "wrong"))))
                .isFalse();
        assertThat(scrapers.allowed(from("10.0.0.7", basic("admin", "s3cret")))).isFalse();
        assertThat(scrapers.allowed(from("10.0.0.7", null))).isFalse();
    }

    @Test
    void withoutAPasswordNoOtherHostGetsIn() {
        assertThat(new MetricsScrapers(null).allowed(from("10.0.0.7", basic("prometheus", ""))))
                .isFalse();
    }

    private static MockHttpServletRequest from(String address, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.setRemoteAddr(address);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
