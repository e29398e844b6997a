package vn.edialog.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** HSTS is sent exactly when the product runs behind HTTPS (EDIALOG_SECURE_COOKIES). */
class SecurityHeadersFilterTest {

    private static MockHttpServletResponse answer(boolean secureCookies, String uri) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SecurityHeadersFilter(secureCookies)
                .doFilter(new MockHttpServletRequest("GET", uri), response, new MockFilterChain());
        return response;
    }

    @Test
    void hstsOnlyWithSecureCookies() throws Exception {
        assertThat(answer(true, "/portal").getHeader("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(answer(true, "/camunda/app/tasklist/").getHeader("Strict-Transport-Security"))
                .isNotNull();
        assertThat(answer(false, "/portal").getHeader("Strict-Transport-Security"))
                .isNull();
    }

    @Test
    void camundaKeepsItsOwnContentSecurityPolicy() throws Exception {
        assertThat(answer(false, "/camunda/app/tasklist/").getHeader("Content-Security-Policy"))
                .isNull();
        assertThat(answer(false, "/portal").getHeader("Content-Security-Policy"))
                .contains("script-src 'self' 'nonce-");
    }
}
