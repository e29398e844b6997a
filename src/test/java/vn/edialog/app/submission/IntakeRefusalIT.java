package vn.edialog.app.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.KeyKind;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.signature.CanonicalJson;

/**
 * Every reason to refuse a signed command, over HTTP: each answers an RFC 9457 problem with its stable type, and
 * stores nothing (no event, no nonce, no tracking code).
 */
@EDialogIntegrationTest
class IntakeRefusalIT {

    private static final TestPki PKI = TestPki.shared();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    private record Counts(long events, long nonces, long codes) {}

    private Counts before;

    @BeforeEach
    void rememberCounts() {
        api = new Api(port);
        before = counts();
    }

    private Counts counts() {
        return new Counts(
                jdbc.sql("select count(*) from domainevententry")
                        .query(Long.class)
                        .single(),
                jdbc.sql("select count(*) from accepted_nonce")
                        .query(Long.class)
                        .single(),
                jdbc.sql("select count(*) from tracking_code").query(Long.class).single());
    }

    private void assertRefused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("urn:edialog:problem:" + code);
        assertThat(response.json().path("detail").asText()).isNotBlank();
        assertThat(counts()).as("nothing was stored").isEqualTo(before);
    }

    private Api.Response ask(Credential signer, ObjectNode payload) {
        return api.post("/api/v1/dialogues", Envelopes.signed(signer, payload));
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAsBadEncoding() {
        assertRefused(api.post("/api/v1/dialogues", "payload=abc"), 400, "bad-encoding");
    }

    @Test
    void aPayloadThatIsNotBase64IsRefusedAsBadEncoding() {
        assertRefused(api.post("/api/v1/dialogues", Envelopes.body("not base64!!", "AAAA")), 400, "bad-encoding");
    }

    @Test
    void aSignatureThatIsNotCmsIsRefusedAsBadEncoding() {
        byte[] payload = CanonicalJson.canonicalize(Envelopes.ask(UUID.randomUUID()));
        assertRefused(
                api.post("/api/v1/dialogues", Envelopes.body(payload, "not a CMS structure".getBytes())),
                400,
                "bad-encoding");
    }

    @Test
    void aPayloadNotInCanonicalFormIsRefused() {
        byte[] pretty = Envelopes.utf8(Envelopes.ask(UUID.randomUUID()).toPrettyString());
        assertRefused(
                api.post(
                        "/api/v1/dialogues",
                        Envelopes.body(pretty, PKI.business().signer().sign(pretty))),
                400,
                "not-canonical");
    }

    @Test
    void aPayloadWithDuplicateKeysIsRefused() {
        String canonical = new String(CanonicalJson.canonicalize(Envelopes.ask(UUID.randomUUID())));
        byte[] duplicated = Envelopes.utf8(canonical.replace("{\"body\"", "{\"body\":\"x\",\"body\""));
        var response = api.post(
                "/api/v1/dialogues",
                Envelopes.body(duplicated, PKI.business().signer().sign(duplicated)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isIn("urn:edialog:problem:bad-payload", "urn:edialog:problem:not-canonical");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aPublicationConsentThatIsNotABooleanIsRefusedAsBadPayload() {
        ObjectNode payload = Envelopes.ask(UUID.randomUUID()).put("publicationConsent", "yes");
        Api.Response response = ask(PKI.business(), payload);
        assertRefused(response, 400, "bad-payload");
        assertThat(response.json().path("detail").asText()).contains("publicationConsent");
    }

    @Test
    void anAskWithoutSubjectIsRefusedAsBadPayload() {
        ObjectNode payload = Envelopes.ask(UUID.randomUUID());
        payload.remove("subject");
        assertRefused(ask(PKI.business(), payload), 400, "bad-payload");
    }

    @Test
    void aTopicFormMissingARequiredFieldNamingAnUnknownOneOrHoldingANumberIsRefused() {
        ObjectNode missing = Envelopes.ask(UUID.randomUUID());
        missing.putObject("form").put("loaiHinhDoanhNghiep", "Công ty TNHH");
        assertRefused(ask(PKI.business(), missing), 400, "bad-payload");

        ObjectNode unknown = Envelopes.ask(UUID.randomUUID());
        unknown.putObject("form")
                .put("loaiHinhDoanhNghiep", "Công ty TNHH")
                .put("nganhNghe", "Bán lẻ")
                .put("soThuaDat", "12");
        assertRefused(ask(PKI.business(), unknown), 400, "bad-payload");

        ObjectNode number = Envelopes.ask(UUID.randomUUID());
        number.putObject("form").put("loaiHinhDoanhNghiep", "Công ty TNHH").put("nganhNghe", 4711);
        assertRefused(ask(PKI.business(), number), 400, "bad-payload");
    }

    @Test
    void aPayloadWithoutNonceIsRefusedAsBadPayload() {
        ObjectNode payload = Envelopes.ask(UUID.randomUUID());
        payload.remove("nonce");
        assertRefused(ask(PKI.business(), payload), 400, "bad-payload");
    }

    @Test
    void aSignatureOverOtherBytesIsRefusedAsBadSignature() {
        byte[] payload = CanonicalJson.canonicalize(Envelopes.ask(UUID.randomUUID()));
        byte[] other = CanonicalJson.canonicalize(Envelopes.ask(UUID.randomUUID()));
        assertRefused(
                api.post(
                        "/api/v1/dialogues",
                        Envelopes.body(payload, PKI.business().signer().sign(other))),
                422,
                "bad-signature");
    }

    @Test
    void aCertificateFromAnotherPkiIsRefusedAsUntrusted() {
        TestPki stranger = TestPki.generate(java.net.URI.create("http://localhost:1"));
        assertRefused(ask(stranger.business(), Envelopes.ask(UUID.randomUUID())), 422, "untrusted");
    }

    @Test
    void anExpiredCertificateIsRefused() {
        assertRefused(ask(PKI.expired(), Envelopes.ask(UUID.randomUUID())), 422, "expired");
    }

    @Test
    void aRevokedCertificateIsRefused() {
        assertRefused(ask(PKI.revoked(), Envelopes.ask(UUID.randomUUID())), 422, "revoked");
    }

    @Test
    void anRsa1024KeyIsRefusedAsWeak() {
        assertRefused(ask(PKI.rsa1024(), Envelopes.ask(UUID.randomUUID())), 422, "weak-algorithm");
    }

    @Test
    void aCertificateWithoutSigningKeyUsageIsRefused() {
        assertRefused(ask(PKI.keyEnciphermentOnly(), Envelopes.ask(UUID.randomUUID())), 422, "key-usage");
    }

    @Test
    void aSigningTimeAnHourOldIsRefusedAsSkew() {
        ObjectNode payload = Envelopes.ask(UUID.randomUUID())
                .put(
                        "signedAt",
                        Instant.now()
                                .minus(1, ChronoUnit.HOURS)
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString());
        assertRefused(ask(PKI.business(), payload), 422, "skew");
    }

    @Test
    void aBusinessCertificateFromTheOfficialDutyCaIsRefusedAsNotTrustedFromItsIssuer() {
        Credential fromOfficialCa = PKI.issueCustom(
                true,
                "Công ty TNHH Cấp Nhầm",
                "Công ty TNHH Cấp Nhầm",
                "MST:0100000009",
                KeyKind.EC_P256,
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                null);
        assertRefused(ask(fromOfficialCa, Envelopes.ask(UUID.randomUUID())), 422, "identity-not-trusted-from-issuer");
    }

    @Test
    void anAgencyCertificateCannotAskAsABusiness() {
        assertRefused(ask(PKI.agency(), Envelopes.ask(UUID.randomUUID())), 403, "identity-mismatch");
    }

    @Test
    void anotherBusinessCannotClarifySomeoneElsesDialogue() {
        UUID dialogueId = UUID.randomUUID();
        assertThat(ask(PKI.business(), Envelopes.ask(dialogueId)).status()).isEqualTo(201);
        before = counts();
        ObjectNode clarify = Envelopes.base("clarify", dialogueId).put("text", "Bổ sung thông tin");
        Credential other = PKI.issueBusiness("0312345678", "Công ty TNHH Khác");
        assertRefused(
                api.post("/api/v1/dialogues/" + dialogueId + "/clarifications", Envelopes.signed(other, clarify)),
                403,
                "identity-mismatch");
    }

    @Test
    void aReplayedEnvelopeIsRefusedTheSecondTime() {
        String envelope = Envelopes.signed(PKI.business(), Envelopes.ask(UUID.randomUUID()));
        assertThat(api.post("/api/v1/dialogues", envelope).status()).isEqualTo(201);
        before = counts();
        assertRefused(api.post("/api/v1/dialogues", envelope), 409, "replayed-nonce");
    }

    @Test
    void aNonceUsedOnOneDialogueCannotBeUsedOnAnother() {
        ObjectNode first = Envelopes.ask(UUID.randomUUID());
        assertThat(ask(PKI.business(), first).status()).isEqualTo(201);
        before = counts();
        ObjectNode second =
                Envelopes.ask(UUID.randomUUID()).put("nonce", first.get("nonce").asText());
        assertRefused(ask(PKI.business(), second), 409, "replayed-nonce");
    }

    @Test
    void clarifyingAnUnknownDialogueIsRefused() {
        UUID unknown = UUID.randomUUID();
        ObjectNode clarify = Envelopes.base("clarify", unknown).put("text", "Bổ sung");
        assertRefused(
                api.post("/api/v1/dialogues/" + unknown + "/clarifications", Envelopes.signed(PKI.business(), clarify)),
                404,
                "unknown-dialogue");
    }

    @Test
    void ratingBeforeAnyAnswerIsNotAllowedInThisState() {
        UUID dialogueId = UUID.randomUUID();
        assertThat(ask(PKI.business(), Envelopes.ask(dialogueId)).status()).isEqualTo(201);
        before = counts();
        ObjectNode rate = Envelopes.base("rate", dialogueId).put("rating", 5);
        assertRefused(
                api.post("/api/v1/dialogues/" + dialogueId + "/ratings", Envelopes.signed(PKI.business(), rate)),
                409,
                "not-allowed-in-state");
    }

    @Test
    void aBodyOverTheLimitIsRefusedAsTooLarge() {
        String huge = Envelopes.body("A".repeat(500_000), "AAAA");
        assertRefused(api.post("/api/v1/dialogues", huge), 413, "too-large");
    }

    @Test
    void aSignedPayloadOverThePolicyLimitIsRefusedAsTooLarge() {
        ObjectNode payload = Envelopes.ask(UUID.randomUUID()).put("body", "x".repeat(270_000));
        assertRefused(ask(PKI.business(), payload), 413, "too-large");
    }

    @Test
    void anUnknownTopicIsRefused() {
        assertRefused(
                ask(PKI.business(), Envelopes.ask(UUID.randomUUID()).put("topic", "khong-co")), 422, "unknown-topic");
    }

    @Test
    void anUnknownTenantIsRefused() {
        assertRefused(
                ask(PKI.business(), Envelopes.ask(UUID.randomUUID()).put("tenant", "atlantis")), 422, "unknown-tenant");
    }

    @Test
    void aPayloadTypeThatDoesNotMatchTheEndpointIsRefused() {
        ObjectNode payload = Envelopes.base("rate", UUID.randomUUID()).put("rating", 4);
        assertRefused(ask(PKI.business(), payload), 400, "bad-payload");
    }

    @Test
    void aDialogueIdInThePayloadMustMatchTheUrl() {
        UUID dialogueId = UUID.randomUUID();
        assertThat(ask(PKI.business(), Envelopes.ask(dialogueId)).status()).isEqualTo(201);
        before = counts();
        ObjectNode rate = Envelopes.base("rate", UUID.randomUUID()).put("rating", 4);
        assertRefused(
                api.post("/api/v1/dialogues/" + dialogueId + "/ratings", Envelopes.signed(PKI.business(), rate)),
                400,
                "bad-payload");
    }

    @Test
    void base64OfTheWrongAlphabetIsRefusedAsBadEncoding() {
        byte[] payload = CanonicalJson.canonicalize(Envelopes.ask(UUID.randomUUID()));
        String urlSafe =
                Base64.getUrlEncoder().encodeToString(PKI.business().signer().sign(payload));
        var response = api.post(
                "/api/v1/dialogues", Envelopes.body(Base64.getEncoder().encodeToString(payload), urlSafe + "-_"));
        assertRefused(response, 400, "bad-encoding");
    }

    @Test
    void aNulCharacterInAnyTextOfThePayloadIsRefusedAsBadPayload() {
        assertRefused(
                ask(PKI.business(), Envelopes.ask(UUID.randomUUID()).put("body", "Xin chào\u0000")),
                400,
                "bad-payload");
        ObjectNode form = Envelopes.ask(UUID.randomUUID());
        form.putObject("form").put("loaiHinhDoanhNghiep", "Công ty TNHH").put("nganhNghe", "a\u0000b");
        assertRefused(ask(PKI.business(), form), 400, "bad-payload");
    }

    @Test
    void aNulCharacterInTheContactEmailIsRefusedAsBadPayload() {
        ObjectNode envelope = (ObjectNode) readJson(Envelopes.signed(PKI.business(), Envelopes.ask(UUID.randomUUID())));
        envelope.putObject("contact").put("email", "giamdoc\u0000@hoanglong.demo.invalid");
        assertRefused(api.post("/api/v1/dialogues", envelope.toString()), 400, "bad-payload");
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(String json) {
        try {
            return Envelopes.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Bit flips of a real envelope through the HTTP intake: a 4xx problem each, never a 5xx. Every single-bit flip is
     * checked on the verifier by {@code BitFlipFuzzTest} (command module); over HTTP every 7th bit of the CMS and every
     * 3rd bit of the payload, one request each.
     */
    @Test
    void bitFlippedEnvelopesAreRefusedWithAClientErrorNeverA5xx() {
        String original = Envelopes.signed(PKI.business(), Envelopes.ask(UUID.randomUUID()));
        var json = readJson(original);
        byte[] payload = Base64.getDecoder().decode(json.path("payload").asText());
        byte[] cms = Base64.getDecoder().decode(json.path("signature").asText());
        java.util.List<String> serverErrors = new java.util.ArrayList<>();
        int sent = 0;
        int refused = 0;
        for (int part = 0; part < 2; part++) {
            byte[] bytes = part == 0 ? cms : payload;
            for (int bit = 0; bit < bytes.length * 8; bit += part == 0 ? 7 : 3) {
                byte[] flipped = bytes.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                Api.Response response = api.post(
                        "/api/v1/dialogues",
                        part == 0 ? Envelopes.body(payload, flipped) : Envelopes.body(flipped, cms));
                sent++;
                if (response.status() >= 500) {
                    serverErrors.add((part == 0 ? "cms" : "payload") + " bit " + bit + ": " + response.status() + " "
                            + response.body());
                } else if (response.status() >= 400) {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    refused++;
                }
                // A flip outside the signed bytes (an unsigned field of the CMS) may leave a valid envelope: the
                // first such is accepted, the next are replays of its nonce.
            }
        }
        assertThat(serverErrors).as("of %d flipped envelopes", sent).isEmpty();
        assertThat(refused).as("nearly every flip is refused").isGreaterThan(sent * 9 / 10);
    }

    @Test
    void anUnknownFieldInThePayloadIsRefusedAndNamedNotStored() {
        Api.Response extra =
                ask(PKI.business(), Envelopes.ask(UUID.randomUUID()).put("priority", "urgent"));
        assertRefused(extra, 400, "bad-payload");
        assertThat(extra.json().path("detail").asText()).contains("priority");

        ObjectNode attachment = Envelopes.ask(UUID.randomUUID());
        attachment
                .putArray("attachments")
                .addObject()
                .put("name", "a.pdf")
                .put("mediaType", "application/pdf")
                .put("size", 10)
                .put("sha256", "0".repeat(64))
                .put("url", "https://evil.example/a.pdf");
        Api.Response unknownInAttachment = ask(PKI.business(), attachment);
        assertRefused(unknownInAttachment, 400, "bad-payload");
        assertThat(unknownInAttachment.json().path("detail").asText()).contains("url");
    }

    @Test
    void aTopicsRequiredFormFieldsAreRequiredEvenWithoutAForm() {
        ObjectNode withoutForm = Envelopes.ask(UUID.randomUUID());
        withoutForm.remove("form");
        Api.Response refused = ask(PKI.business(), withoutForm);
        assertRefused(refused, 400, "bad-payload");
        assertThat(refused.json().path("detail").asText()).contains("loaiHinhDoanhNghiep");

        ObjectNode optionalOnly = Envelopes.ask(UUID.randomUUID(), "phan-anh-kien-nghi");
        assertThat(optionalOnly.has("form")).isFalse();
        assertThat(ask(PKI.business(), optionalOnly).status())
                .as("a topic without required fields takes an ask without a form")
                .isEqualTo(201);
    }
}
