package vn.edialog.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request parameters (query and form) that carry a NUL character, with a 400: PostgreSQL refuses NUL in text,
 * so such a search ({@code q}, {@code agency}, {@code topic}, ...) would otherwise end in a 500. Camunda's own
 * applications and REST API are left to Camunda.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ControlCharacterFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    ControlCharacterFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.startsWith("/camunda") || uri.startsWith("/engine-rest");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String bad = null;
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                bad = "a parameter name";
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    bad = "'" + parameter.getKey().replace('\0', ' ') + "'";
                }
            }
        }
        if (bad == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getRequestURI().startsWith("/api/")) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(
                    response.getOutputStream(),
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "bad-parameter",
                            "Bad request parameter",
                            "The parameter " + bad + " contains a NUL character."));
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
    }
}
