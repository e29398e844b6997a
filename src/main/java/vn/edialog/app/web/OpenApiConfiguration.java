package vn.edialog.app.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's OpenAPI description: what an envelope is, and how refusals look. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI edialogOpenApi() {
        return new OpenAPI()
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

                                Refusals are RFC 9457 problem details (`application/problem+json`) whose `type` is \
                                `urn:edialog:problem:<code>` (bad-encoding, not-canonical, bad-payload, too-large, \
                                bad-signature, untrusted, expired, revoked, revocation-unknown, weak-algorithm, key-usage, \
                                skew, identity-mismatch, replayed-nonce, unknown-tenant, unknown-topic, unknown-dialogue, \
                                not-allowed-in-state, forbidden, conflict); a refused command stores nothing."""));
    }
}
