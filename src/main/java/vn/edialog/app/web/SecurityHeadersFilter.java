package vn.edialog.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers of every answer: {@code Referrer-Policy} everywhere, HSTS when the product runs behind HTTPS
 * ({@code EDIALOG_SECURE_COOKIES}), and a Content-Security-Policy for our pages: scripts only from the product and
 * inline ones only with this request's nonce (the signing pages' import map; templates read {@code cspNonce}),
 * styles only from the product's files (style attributes of the report bars and chart swatches allowed), no plugins,
 * no framing, forms and connections to the product only. Camunda's web applications keep their own CSP (Camunda's
 * {@code HeaderSecurityFilter}); the Swagger UI is left without one, and so are the path prefixes of {@code
 * edialog.csp.exempt-paths} (none by default; the tests' static signing harness, whose import map has no nonce).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class SecurityHeadersFilter extends OncePerRequestFilter {

    /** The request attribute (and template variable) holding the CSP nonce. */
    public static final String NONCE = "cspNonce";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean https;
    private final java.util.List<String> exempt;

    @org.springframework.beans.factory.annotation.Autowired
    SecurityHeadersFilter(
            @Value("${server.servlet.session.cookie.secure:false}") boolean https,
            @Value("${edialog.csp.exempt-paths:}") java.util.List<String> exempt) {
        this.https = https;
        this.exempt =
                exempt.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    SecurityHeadersFilter(boolean https) {
        this(https, java.util.List.of());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        if (https) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        String uri = request.getRequestURI();
        if (!uri.startsWith("/camunda")
                && !uri.startsWith("/engine-rest")
                && !uri.startsWith("/swagger-ui")
                && exempt.stream().noneMatch(uri::startsWith)) {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            String nonce = Base64.getEncoder().encodeToString(bytes);
            request.setAttribute(NONCE, nonce);
            response.setHeader("Content-Security-Policy", policy(nonce));
        }
        chain.doFilter(request, response);
    }

    static String policy(String nonce) {
        return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; style-src 'self'; style-src-attr"
                + " 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none';"
                + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }
}
