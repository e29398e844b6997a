package vn.edialog.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the per-address limits before anything else is done (before Spring Security, so that a refused sign-in
 * attempt does not reach the password check, nor a refused challenge create a session), and bounds the signed intake's
 * concurrency: when {@code edialog.intake.max-concurrent} commands are already being handled, a new one waits at most
 * {@code edialog.intake.acquire-timeout} and is then answered 503 with {@code Retry-After} instead of queueing without
 * bound. Refusals are 429 (or 503) RFC 9457 problems for the API and the error page for pages, with {@code
 * Retry-After} in seconds.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitFilter extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final RateLimits limits;
    private final ObjectMapper json;
    private final Semaphore intake;
    private final Duration acquireTimeout;

    RateLimitFilter(
            RateLimits limits,
            ObjectMapper json,
            @Value("${edialog.intake.max-concurrent:8}") int maxConcurrent,
            @Value("${edialog.intake.acquire-timeout:500ms}") Duration acquireTimeout) {
        this.limits = limits;
        this.json = json;
        this.intake = new Semaphore(Math.max(1, maxConcurrent), true);
        this.acquireTimeout = acquireTimeout;
    }

    /** The limit a request counts against, or null. */
    static RateLimits.Kind kindOf(String method, String path) {
        if ("GET".equals(method) && (PATHS.match("/tracking/**", path) || PATHS.match("/api/v1/tracking/**", path))) {
            return path.equals("/tracking") || path.equals("/tracking/") ? null : RateLimits.Kind.TRACKING;
        }
        if (!"POST".equals(method)) {
            return null;
        }
        if (path.equals("/api/v1/sign-in/challenge")) {
            return RateLimits.Kind.SIGN_IN_CHALLENGE;
        }
        if (path.equals("/sign-in/staff") || PATHS.match("/camunda/api/admin/auth/user/*/login/**", path)) {
            return RateLimits.Kind.STAFF_PASSWORD;
        }
        if (isSignedCommand(path)) {
            return RateLimits.Kind.SIGNED_COMMAND;
        }
        return null;
    }

    static boolean isSignedCommand(String path) {
        return path.equals("/api/v1/dialogues") || PATHS.match("/api/v1/dialogues/*/*", path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        RateLimits.Kind kind = kindOf(request.getMethod(), path);
        if (kind != null) {
            RateLimits.Decision decision = limits.consume(kind, request.getRemoteAddr());
            if (!decision.allowed()) {
                refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, decision.retryAfterSeconds());
                return;
            }
        }
        if (kind != RateLimits.Kind.SIGNED_COMMAND) {
            chain.doFilter(request, response);
            return;
        }
        boolean acquired;
        try {
            acquired = intake.tryAcquire(acquireTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, 1);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            intake.release();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, long seconds)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        if (!request.getRequestURI().startsWith("/api/")
                && !request.getRequestURI().startsWith("/camunda/api/")) {
            response.sendError(status.value());
            return;
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(
                response.getOutputStream(),
                status == HttpStatus.TOO_MANY_REQUESTS
                        ? Problems.of(
                                status,
                                "rate-limited",
                                "Too many requests",
                                "Too many requests from this address; try again in " + seconds + " s.")
                        : Problems.of(
                                status,
                                "saturated",
                                "The intake is busy",
                                "Too many signed commands are being handled; send it again in " + seconds + " s."
                                        + " Nothing was stored."));
    }
}
