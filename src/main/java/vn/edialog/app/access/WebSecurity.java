package vn.edialog.app.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import vn.edialog.app.web.Problems;

/**
 * Two filter chains. Camunda's web applications and engine REST API keep their own authentication (Tasklist login,
 * HTTP Basic on {@code /engine-rest}). Everything else: anonymous for the public portal, tracking and signed command
 * intake (the signature authenticates); a session for askers signed in with a certificate ({@code /my/**}, {@code
 * /api/v1/me/**}) and for officials signed in with their Tasklist account, by form or HTTP Basic ({@code /cases/**},
 * {@code /reports/**}, the agency and report API); either for reading one dialogue ({@code GET
 * /api/v1/dialogues/**}). Finer decisions (tenant, agency, dialogue) are {@link AccessPolicy}'s. API callers get RFC
 * 9457 problems, browsers the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class WebSecurity {

    static final String SIGN_IN_PAGE = "/sign-in";
    private static final RequestMatcher API =
            PathPatternRequestMatcher.withDefaults().matcher("/api/**");

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /**
     * Prometheus scrapes {@code /actuator/prometheus} from the same host, or from anywhere with HTTP Basic {@code
     * prometheus:<edialog.metrics.password>} ({@code EDIALOG_METRICS_PASSWORD}); everyone else gets 401.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(
            HttpSecurity http, ObjectMapper json, @Value("${edialog.metrics.password:}") String metricsPassword)
            throws Exception {
        MetricsScrapers scrapers = new MetricsScrapers(metricsPassword);
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator/prometheus"))
                .authorizeHttpRequests(requests -> requests.anyRequest()
                        .access((authentication, context) ->
                                new AuthorizationDecision(scrapers.allowed(context.getRequest()))))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> {
                    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"eDialog metrics\"");
                    write(
                            json,
                            response,
                            Problems.of(
                                    HttpStatus.UNAUTHORIZED,
                                    "unauthenticated",
                                    "Metrics need the scrape password",
                                    "Scrape from the server's host, or with HTTP Basic prometheus and"
                                            + " EDIALOG_METRICS_PASSWORD."));
                }))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain camunda(HttpSecurity http) throws Exception {
        // Path patterns, not MVC matchers: the engine REST API is Jersey's servlet, not the dispatcher's.
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new OrRequestMatcher(
                        paths.matcher("/camunda/**"),
                        paths.matcher("/camunda-welcome/**"),
                        paths.matcher("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain application(HttpSecurity http, SecurityContextRepository contexts, ObjectMapper json)
            throws Exception {
        LoginUrlAuthenticationEntryPoint signInPage = new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE);
        // A relative Location: an absolute one would be built from the request's Host header.
        signInPage.setFavorRelativeUris(true);
        // The staff provider is the global one (a bean): registering it here too would check each password twice.
        return http.securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(requests -> requests.requestMatchers("/my/**", "/api/v1/me/**")
                        .hasRole("ASKER")
                        .requestMatchers(
                                "/cases/**",
                                "/reports/**",
                                "/staff/**",
                                "/api/v1/tenants/*/agencies/**",
                                "/api/v1/tenants/*/reports/**")
                        .hasRole("STAFF")
                        // Reading a dialogue needs a party (AccessPolicy decides which); commands on the same paths
                        // stay open, their signature authenticates them.
                        .requestMatchers(HttpMethod.GET, "/api/v1/dialogues/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .formLogin(form -> form.loginPage(SIGN_IN_PAGE)
                        .loginProcessingUrl("/sign-in/staff")
                        .successHandler(staffLanding())
                        .failureUrl(SIGN_IN_PAGE + "?error=staff")
                        .permitAll())
                .httpBasic(basic -> basic.realmName("eDialog").authenticationEntryPoint(problem(json, true)))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl(SIGN_IN_PAGE + "?signedOut"))
                // The API and the demo time-stamping authority take no browser form posts: no session, no CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        API, PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/pki/tsa")))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(problem(json, true), API)
                        .defaultAuthenticationEntryPointFor(signInPage, request -> true)
                        .defaultAccessDeniedHandlerFor(forbidden(json), API)
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), request -> true))
                .build();
    }

    /**
     * After an official's sign-in: the page he was sent away from, else {@code /staff}; as a path, since the saved
     * request's absolute URL was built from its {@code Host} header.
     */
    private static SavedRequestAwareAuthenticationSuccessHandler staffLanding() {
        SavedRequestAwareAuthenticationSuccessHandler landing = new SavedRequestAwareAuthenticationSuccessHandler();
        landing.setDefaultTargetUrl("/staff");
        landing.setRedirectStrategy((request, response, url) -> {
            java.net.URI uri = java.net.URI.create(url);
            String path = !uri.isAbsolute()
                    ? url
                    : uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            response.sendRedirect(response.encodeRedirectURL(LocalPaths.safeOr(path, "/staff")));
        });
        return landing;
    }

    private static AuthenticationEntryPoint problem(ObjectMapper json, boolean basic) {
        return (request, response, failure) -> {
            if (basic) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"eDialog\", charset=\"UTF-8\"");
            }
            write(
                    json,
                    response,
                    Problems.of(
                            HttpStatus.UNAUTHORIZED,
                            "unauthenticated",
                            "Sign-in required",
                            "Sign in with a certificate (askers) or an official's account (HTTP Basic)."));
        };
    }

    private static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, denied) -> write(
                json,
                response,
                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Your role may not read this resource."));
    }

    private static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
