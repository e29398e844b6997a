package vn.edialog.command.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.edialog.command.signature.Fixtures.PKI;
import static vn.edialog.command.signature.Fixtures.canonical;
import static vn.edialog.command.signature.Fixtures.clockAt;
import static vn.edialog.command.signature.Fixtures.envelope;
import static vn.edialog.command.signature.Fixtures.payload;
import static vn.edialog.command.signature.Fixtures.sign;
import static vn.edialog.command.signature.Fixtures.utf8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Hashtable;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.KeyKind;
import vn.edialog.command.pki.TestPki;

class EnvelopeVerifierTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = clockAt(NOW);

    private static EnvelopeVerifier verifier(SignaturePolicy policy, CrlSource crls) {
        return new EnvelopeVerifier(policy, PKI.trustAnchors(), crls, CLOCK);
    }

    private static EnvelopeVerifier verifier() {
        return verifier(SignaturePolicy.defaults(), PKI.crlSource());
    }

    private static Envelope signed(Credential c) {
        return sign(c, payload(NOW), CLOCK);
    }

    private static void assertRefused(ThrowingCallable call, RefusalReason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SignatureRefusal.class, r -> assertThat(r.reason())
                .as(r.getMessage())
                .isEqualTo(reason));
    }

    @Test
    void anEcBusinessEnvelopeIsAcceptedWithItsTaxCodeAndVietnameseName() {
        ObjectNode p = payload(NOW);
        VerifiedEnvelope v = verifier().verify(sign(PKI.business(), p, CLOCK));
        assertThat(v.signer().id()).isEqualTo("MST:" + TestPki.BUSINESS_MST);
        assertThat(v.signer().name()).isEqualTo("Công ty TNHH Thương mại Hoàng Long");
        assertThat(v.signer().organization()).isEqualTo("Công ty TNHH Thương mại Hoàng Long");
        assertThat(v.tenant()).isEqualTo("bac-ninh");
        assertThat(v.type()).isEqualTo("dialogue.ask");
        assertThat(v.nonce().toString()).isEqualTo(p.get("nonce").textValue());
        assertThat(v.signedAt()).isEqualTo(NOW);
        assertThat(v.facts().signingTime()).isEqualTo(NOW);
        assertThat(v.chain()).hasSize(3);
        assertThat(v.chain().get(2)).isEqualTo(PKI.root().certificate());
        assertThat(v.payload().get("text").textValue()).contains("đăng ký");
    }

    @Test
    void anRsaBusinessEnvelopeIsAccepted() {
        assertThat(verifier().verify(signed(PKI.businessRsa())).signer().value())
                .isEqualTo(TestPki.BUSINESS_RSA_MST);
    }

    @Test
    void citizenAgencyAndSystemEnvelopesCarryTheirIdentities() {
        assertThat(verifier().verify(signed(PKI.citizen())).signer().id()).isEqualTo("CCCD:001234567890");
        assertThat(verifier().verify(signed(PKI.agency())).signer().id()).isEqualTo("MNS:1234567");
        assertThat(verifier().verify(signed(PKI.system())).signer().scheme()).isEqualTo(IdentityScheme.MNS);
    }

    @Test
    void anRsaPssEnvelopeIsAccepted() {
        Envelope e = sign(PKI.businessRsa(), payload(NOW), "SHA256withRSAandMGF1", CLOCK);
        assertThat(verifier().verify(e).signer().scheme()).isEqualTo(IdentityScheme.MST);
    }

    @Test
    void sha3EnvelopesAreAcceptedForEcAndRsa() {
        assertThat(verifier().verify(sign(PKI.business(), payload(NOW), "SHA3-256withECDSA", CLOCK)))
                .isNotNull();
        assertThat(verifier().verify(sign(PKI.businessRsa(), payload(NOW), "SHA3-512withRSA", CLOCK)))
                .isNotNull();
    }

    @Test
    void aP384BusinessEnvelopeIsAccepted() {
        Credential c = PKI.issueBusiness("0312345678", "Công ty TNHH Phần mềm Sài Gòn", KeyKind.EC_P384);
        assertThat(verifier()
                        .verify(sign(c, payload(NOW), "SHA384withECDSA", CLOCK))
                        .signer()
                        .value())
                .isEqualTo("0312345678");
    }

    @Test
    void anEnvelopeSignedWithSha1IsRefusedAsWeak() {
        assertRefused(
                () -> verifier().verify(sign(PKI.businessRsa(), payload(NOW), "SHA1withRSA", CLOCK)),
                RefusalReason.WEAK_ALGORITHM);
    }

    @Test
    void anEnvelopeSignedWithAnRsa1024KeyIsRefusedAsWeak() {
        assertRefused(() -> verifier().verify(signed(PKI.rsa1024())), RefusalReason.WEAK_ALGORITHM);
    }

    @Test
    void aSignerCertificateSignedWithSha1IsRefusedAsWeak() {
        assertRefused(() -> verifier().verify(signed(PKI.sha1Signed())), RefusalReason.WEAK_ALGORITHM);
    }

    @Test
    void invalidBase64IsRefusedAsBadEncoding() {
        Envelope good = signed(PKI.business());
        assertRefused(
                () -> verifier().verify(new Envelope("%%%not base64", good.signature())), RefusalReason.BAD_ENCODING);
        assertRefused(() -> verifier().verify(new Envelope(good.payload(), null)), RefusalReason.BAD_ENCODING);
    }

    @Test
    void aSignatureThatIsNotCmsIsRefusedAsBadEncoding() {
        byte[] payload = canonical(payload(NOW));
        assertRefused(() -> verifier().verify(envelope(payload, utf8("not a CMS"))), RefusalReason.BAD_ENCODING);
    }

    @Test
    void invalidUtf8IsRefusedAsBadEncoding() {
        byte[] payload = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertRefused(() -> verifier().verify(envelope(payload, new byte[] {1})), RefusalReason.BAD_ENCODING);
    }

    @Test
    void aPayloadOverTheLimitIsRefusedAsTooLarge() {
        ObjectNode p = payload(NOW);
        p.put("text", "x".repeat(300 * 1024));
        byte[] bytes = canonical(p);
        assertRefused(() -> verifier().verify(envelope(bytes, new byte[10])), RefusalReason.TOO_LARGE);
        EnvelopeVerifier small = verifier(SignaturePolicy.defaults().withMaxSignatureBytes(100), PKI.crlSource());
        assertRefused(() -> small.verify(signed(PKI.business())), RefusalReason.TOO_LARGE);
    }

    @Test
    void nonCanonicalWhitespaceKeyOrderAndNumberFormsAreRefused() {
        ObjectNode p = payload(NOW);
        String canonical = new String(canonical(p), java.nio.charset.StandardCharsets.UTF_8);
        String spaced = canonical.replace(",\"", ", \"");
        String reordered =
                "{\"type\":\"dialogue.ask\"," + canonical.substring(1).replace(",\"type\":\"dialogue.ask\"", "");
        String number = canonical.replace("{", "{\"amount\":1.0,");
        for (String text : List.of(spaced, reordered, number)) {
            byte[] bytes = utf8(text);
            Envelope e = envelope(bytes, PKI.business().signer(CLOCK).sign(bytes));
            assertRefused(() -> verifier().verify(e), RefusalReason.NOT_CANONICAL);
        }
    }

    @Test
    void duplicateKeysAreRefusedAsBadPayload() {
        byte[] canonical = canonical(payload(NOW));
        String text = new String(canonical, java.nio.charset.StandardCharsets.UTF_8);
        byte[] dup = utf8(text.replace("{", "{\"nonce\":\"x\","));
        assertRefused(() -> verifier().verify(envelope(dup, new byte[] {1})), RefusalReason.BAD_PAYLOAD);
    }

    @Test
    void missingOrMalformedFieldsAreRefusedAsBadPayload() {
        ObjectNode noNonce = payload(NOW);
        noNonce.remove("nonce");
        ObjectNode badTime = payload(NOW);
        badTime.put("signedAt", "2025-01-01 10:00:00");
        ObjectNode noOffset = payload(NOW);
        noOffset.put("signedAt", "2025-01-01T10:00:00");
        ObjectNode badUuid = payload(NOW);
        badUuid.put("dialogueId", "1234");
        ObjectNode numericTenant = payload(NOW);
        numericTenant.put("tenant", 7);
        for (ObjectNode p : List.of(noNonce, badTime, noOffset, badUuid, numericTenant)) {
            assertRefused(() -> verifier().verify(signed(PKI.business(), p)), RefusalReason.BAD_PAYLOAD);
        }
        assertRefused(() -> verifier().verify(envelope(utf8("[1,2]"), new byte[] {1})), RefusalReason.BAD_PAYLOAD);
    }

    private static Envelope signed(Credential c, ObjectNode p) {
        return sign(c, p, CLOCK);
    }

    @Test
    void aSignatureOverOtherBytesIsRefusedAsBadSignature() {
        byte[] signedBytes = canonical(payload(NOW));
        byte[] otherBytes = canonical(payload(NOW));
        Envelope e = envelope(otherBytes, PKI.business().signer(CLOCK).sign(signedBytes));
        assertRefused(() -> verifier().verify(e), RefusalReason.BAD_SIGNATURE);
    }

    @Test
    void twoSignersAreRefusedAsBadSignature() throws Exception {
        byte[] bytes = canonical(payload(NOW));
        byte[] cms = Fixtures.plainCms(List.of(PKI.business(), PKI.citizen()), bytes, false);
        assertRefused(() -> verifier().verify(envelope(bytes, cms)), RefusalReason.BAD_SIGNATURE);
    }

    @Test
    void aSigningCertificateV2ThatNamesAnotherCertificateIsRefusedAsBadSignature() throws Exception {
        byte[] bytes = canonical(payload(NOW));
        Credential signer = PKI.business();
        X509Certificate other = PKI.citizen().certificate();
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(other.getEncoded());
        Hashtable<ASN1ObjectIdentifier, Attribute> attrs = new Hashtable<>();
        attrs.put(
                PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new Attribute(
                        PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                        new DERSet(new SigningCertificateV2(new ESSCertIDv2(hash)))));
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attrs)))
                .build(
                        new JcaContentSignerBuilder("SHA256withECDSA").build(signer.privateKey()),
                        signer.certificate()));
        gen.addCertificates(new JcaCertStore(Fixtures.withoutRoot(signer)));
        byte[] cms = gen.generate(new CMSProcessableByteArray(bytes), false).getEncoded();
        assertRefused(() -> verifier().verify(envelope(bytes, cms)), RefusalReason.BAD_SIGNATURE);
    }

    @Test
    void aPlainCmsWithoutSigningCertificateAttributeIsAccepted() throws Exception {
        byte[] bytes = canonical(payload(NOW));
        byte[] cms = Fixtures.plainCms(List.of(PKI.business()), bytes, false);
        assertThat(verifier().verify(envelope(bytes, cms))).isNotNull();
    }

    @Test
    void aSignerFromAnotherPkiIsRefusedAsUntrusted() {
        TestPki other = TestPki.generate(java.net.URI.create("http://other.example"));
        assertRefused(() -> verifier().verify(signed(other.business())), RefusalReason.UNTRUSTED);
    }

    @Test
    void aTenantWithoutAnchorsIsRefusedAsUntrusted() {
        EnvelopeVerifier v = new EnvelopeVerifier(
                SignaturePolicy.defaults(),
                TrustAnchors.perTenant(java.util.Map.of("ha-noi", java.util.Set.of(PKI.trustAnchor()))),
                PKI.crlSource(),
                CLOCK);
        assertRefused(() -> v.verify(signed(PKI.business())), RefusalReason.UNTRUSTED);
    }

    @Test
    void anExpiredSignerIsRefusedAsExpired() {
        assertRefused(() -> verifier().verify(signed(PKI.expired())), RefusalReason.EXPIRED);
    }

    @Test
    void aNotYetValidSignerIsRefusedAsExpired() {
        assertRefused(() -> verifier().verify(signed(PKI.notYetValid())), RefusalReason.EXPIRED);
    }

    @Test
    void aRevokedSignerIsRefusedAsRevoked() {
        assertRefused(() -> verifier().verify(signed(PKI.revoked())), RefusalReason.REVOKED);
    }

    @Test
    void aCertificateRevokedLaterIsRefusedAfterItsRevocation() {
        TestPki own = TestPki.generate(java.net.URI.create("http://localhost:9"));
        Credential c = own.issueCitizen("001200000009", "Lê Thị Mai");
        EnvelopeVerifier v = own.envelopeVerifier(Clock.systemUTC());
        Envelope e = sign(c, payload(Instant.now()), Clock.systemUTC());
        assertThat(v.verify(e)).isNotNull();
        own.revoke(c.certificate());
        assertRefused(() -> v.verify(e), RefusalReason.REVOKED);
    }

    @Test
    void requiredRevocationWithoutCrlsIsRefusedAsRevocationUnknown() {
        assertRefused(
                () -> verifier(SignaturePolicy.defaults(), CrlSource.none()).verify(signed(PKI.business())),
                RefusalReason.REVOCATION_UNKNOWN);
    }

    @Test
    void aStaleCrlIsNotEnoughUnderRequire() {
        Instant later = NOW.plus(Duration.ofDays(20));
        EnvelopeVerifier v = new EnvelopeVerifier(
                SignaturePolicy.defaults(), PKI.trustAnchors(), CrlSource.of(PKI.crls()), clockAt(later));
        assertRefused(
                () -> v.verify(sign(PKI.business(), payload(later), clockAt(later))), RefusalReason.REVOCATION_UNKNOWN);
    }

    @Test
    void aCrlSignedByAnotherKeyIsNotAcceptedUnderRequire() {
        TestPki other = TestPki.generate(java.net.URI.create("http://other.example"));
        // same issuer names, other keys: the CRL signatures cannot verify
        CrlSource forged = CrlSource.of(other.crls());
        assertRefused(
                () -> verifier(SignaturePolicy.defaults(), forged).verify(signed(PKI.business())),
                RefusalReason.REVOCATION_UNKNOWN);
    }

    @Test
    void whenAvailableRevocationAcceptsMissingCrlsButStillRefusesRevokedSigners() {
        SignaturePolicy policy = SignaturePolicy.defaults().withRevocation(RevocationMode.WHEN_AVAILABLE);
        assertThat(verifier(policy, CrlSource.none()).verify(signed(PKI.business())))
                .isNotNull();
        assertRefused(() -> verifier(policy, PKI.crlSource()).verify(signed(PKI.revoked())), RefusalReason.REVOKED);
    }

    @Test
    void revocationOffAcceptsARevokedSigner() {
        SignaturePolicy policy = SignaturePolicy.defaults().withRevocation(RevocationMode.OFF);
        assertThat(verifier(policy, CrlSource.none()).verify(signed(PKI.revoked())))
                .isNotNull();
    }

    @Test
    void aSignerWithoutDigitalSignatureKeyUsageIsRefused() {
        assertRefused(() -> verifier().verify(signed(PKI.keyEnciphermentOnly())), RefusalReason.KEY_USAGE);
    }

    @Test
    void aSignerWithoutIdentityIsRefusedAsIdentityMismatch() {
        Credential anonymous = PKI.issueCustom(
                false,
                "Người Vô Danh",
                null,
                null,
                KeyKind.EC_P256,
                org.bouncycastle.asn1.x509.KeyUsage.digitalSignature,
                null);
        Credential badUid = PKI.issueCustom(
                false,
                "Mã sai",
                null,
                "MST:12345",
                KeyKind.EC_P256,
                org.bouncycastle.asn1.x509.KeyUsage.digitalSignature,
                null);
        assertRefused(() -> verifier().verify(signed(anonymous)), RefusalReason.IDENTITY_MISMATCH);
        assertRefused(() -> verifier().verify(signed(badUid)), RefusalReason.IDENTITY_MISMATCH);
    }

    @Test
    void aSignedAtTooFarInThePastIsRefusedAsSkew() {
        Instant past = NOW.minus(Duration.ofMinutes(6));
        assertRefused(() -> verifier().verify(sign(PKI.business(), payload(past), clockAt(past))), RefusalReason.SKEW);
    }

    @Test
    void aSignedAtTooFarInTheFutureIsRefusedAsSkew() {
        Instant future = NOW.plus(Duration.ofMinutes(6));
        assertRefused(
                () -> verifier().verify(sign(PKI.business(), payload(future), clockAt(future))), RefusalReason.SKEW);
    }

    @Test
    void aSignedAtWithinTheSkewIsAccepted() {
        Instant near = NOW.minus(Duration.ofMinutes(4));
        assertThat(verifier().verify(sign(PKI.business(), payload(near), clockAt(near))))
                .isNotNull();
    }

    @Test
    void aCmsSigningTimeFarFromSignedAtIsRefusedAsSkew() {
        Instant cmsTime = NOW.minus(Duration.ofHours(1));
        assertRefused(
                () -> verifier().verify(sign(PKI.business(), payload(NOW), clockAt(cmsTime))), RefusalReason.SKEW);
    }

    @Test
    void theVerifierIsUsableFromTheTestPkiForBenchmarks() {
        Envelope e = PKI.business().envelope(payload(Instant.now()));
        VerifiedEnvelope v = PKI.envelopeVerifier(Clock.systemUTC()).verify(e);
        assertThat(Base64.getEncoder().encodeToString(v.payloadBytes())).isEqualTo(e.payload());
    }
}
