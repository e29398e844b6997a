package vn.edialog.app.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI description: what an envelope is, how refusals look, and how readers authenticate. Operations
 * name the schemes they accept with {@code @SecurityRequirement(name = ASKER_SESSION | OFFICIAL_BASIC)}; several
 * requirements on one operation are alternatives.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** Askers: the session cookie that certificate sign-in opens. */
    public static final String ASKER_SESSION = "askerSession";

    /** Officials: HTTP Basic with their Tasklist account. */
    public static final String OFFICIAL_BASIC = "officialBasic";

    @Bean
    OpenAPI edialogOpenApi() {
        return new OpenAPI()
                .components(
                        new Components()
                                .addSecuritySchemes(
                                        ASKER_SESSION,
                                        new SecurityScheme()
                                                .type(SecurityScheme.Type.APIKEY)
                                                .in(SecurityScheme.In.COOKIE)
                                                .name("EDIALOG_SESSION")
                                                .description(
                                                        """
                                                Businesses and citizens: the session cookie set by \
                                                `POST /api/v1/sign-in` after signing the challenge of \
                                                `POST /api/v1/sign-in/challenge?tenant=` with their certificate. The \
                                                session is bound to the certificate's MST or CCCD and to that one \
                                                province."""))
                                .addSecuritySchemes(
                                        OFFICIAL_BASIC,
                                        new SecurityScheme()
                                                .type(SecurityScheme.Type.HTTP)
                                                .scheme("basic")
                                                .description(
                                                        """
                                                Officials: HTTP Basic with their Tasklist account (a Camunda user in \
                                                a group `<tenant>-<agency>-<moderators|officers|leaders>`).""")))
                .info(
                        new Info()
                                .title("eDialog API")
                                .version("v1")
                                .description(
                                        """
                                Signed dialogue between a province's government and its businesses and citizens.

                                Every command is an envelope `{"payload": base64, "signature": base64}`: the payload is \
                                UTF-8 JSON in RFC 8785 canonical form with the fields `type`, `tenant`, `dialogueId` \
                                (UUID), `nonce` (UUID, used once), `signedAt` (RFC 3339) and the command's own fields; \
                                the signature is a detached CMS SignedData (CAdES-BES) over exactly those bytes, made \
                                with a certificate whose subject UID is `MST:<tax code>` (business) or `CCCD:<12 digits>` \
                                (citizen) under a trust anchor of the tenant.

                                Reads: the portal and the tracking code are public; an asker signed in with his \
                                certificate reads his own dialogues (`/api/v1/me/...`); officials read the dialogues \
                                their agency takes part in and their agency's inbox (the People's Committee every \
                                agency's of its province). Nobody reads across provinces. A dialogue the reader may not \
                                read is answered `404` exactly like one that does not exist, so that ids do not leak; \
                                an inbox or a `/me` resource of another role is `403`; no sign-in is `401`.

                                Refusals are RFC 9457 problem details (`application/problem+json`) whose `type` is \
                                `urn:edialog:problem:<code>` (bad-encoding, not-canonical, bad-payload, too-large, \
                                bad-signature, untrusted, expired, revoked, revocation-unknown, weak-algorithm, key-usage, \
                                skew, identity-mismatch, identity-not-trusted-from-issuer, replayed-nonce, unknown-tenant, \
                                unknown-topic, unknown-dialogue, unknown-agency, not-allowed-in-state, forbidden, conflict, \
                                unauthenticated, sign-in-refused, bad-parameter, time-stamp-unavailable, not-anchored-yet); a \
                                refused command stores nothing."""));
    }
}
