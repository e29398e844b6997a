package vn.edialog.command.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.edialog.command.signature.Fixtures.PKI;
import static vn.edialog.command.signature.Fixtures.clockAt;
import static vn.edialog.command.signature.Fixtures.payload;
import static vn.edialog.command.signature.Fixtures.sign;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.KeyKind;
import vn.edialog.command.pki.TestPki;

/** Each identity type is accepted only from the CAs configured for it (the demo's mapping: public CA → business and
 * citizen, official-duty CA → agency), with the product's verifier. */
class IdentityIssuersTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Clock CLOCK = clockAt(NOW);
    private static final int SIGNING = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
    private static final String TENANT = "bac-ninh";

    private static EnvelopeVerifier verifier(Map<IdentityType, Collection<X509Certificate>> issuers) {
        return new EnvelopeVerifier(
                SignaturePolicy.defaults(),
                PKI.trustAnchors(),
                PKI.crlSource(),
                CLOCK,
                IdentityIssuers.perTenant(Map.of(TENANT, issuers)));
    }

    private static EnvelopeVerifier demoMapping() {
        List<X509Certificate> publicCa = List.of(PKI.publicCa().certificate());
        return verifier(Map.of(
                IdentityType.BUSINESS,
                publicCa,
                IdentityType.CITIZEN,
                publicCa,
                IdentityType.AGENCY,
                List.of(PKI.officialCa().certificate())));
    }

    private static VerifiedEnvelope verify(EnvelopeVerifier verifier, Credential signer) {
        return verifier.verify(sign(signer, payload(NOW), CLOCK));
    }

    private static void assertNotTrustedFromIssuer(EnvelopeVerifier verifier, Credential signer) {
        assertThatThrownBy(() -> verify(verifier, signer))
                .isInstanceOfSatisfying(SignatureRefusal.class, r -> assertThat(r.reason())
                        .as(r.getMessage())
                        .isEqualTo(RefusalReason.IDENTITY_NOT_TRUSTED_FROM_ISSUER));
    }

    @Test
    void eachIdentityTypeIsAcceptedFromItsConfiguredCa() {
        EnvelopeVerifier verifier = demoMapping();
        assertThat(verify(verifier, PKI.business()).signer().id()).isEqualTo("MST:" + TestPki.BUSINESS_MST);
        assertThat(verify(verifier, PKI.citizen()).signer().id()).isEqualTo("CCCD:" + TestPki.CITIZEN_CCCD);
        assertThat(verify(verifier, PKI.agency()).signer().id()).isEqualTo("MNS:" + TestPki.AGENCY_MNS);
    }

    @Test
    void aBusinessCertificateFromTheOfficialDutyCaIsRefused() {
        Credential mst = PKI.issueCustom(
                true,
                "Công ty TNHH Cấp Nhầm",
                "Công ty TNHH Cấp Nhầm",
                "MST:0100000007",
                KeyKind.EC_P256,
                SIGNING,
                null);
        assertNotTrustedFromIssuer(demoMapping(), mst);
    }

    @Test
    void anAgencyCertificateFromThePublicCaIsRefused() {
        Credential mns = PKI.issueCustom(false, "Sở Giả", "Sở Giả", "MNS:7000001", KeyKind.EC_P256, SIGNING, null);
        assertNotTrustedFromIssuer(demoMapping(), mns);
    }

    @Test
    void aTypeWithoutAnyConfiguredCaIsRefusedFromEveryCa() {
        EnvelopeVerifier businessesOnly =
                verifier(Map.of(IdentityType.BUSINESS, List.of(PKI.publicCa().certificate())));
        assertThat(verify(businessesOnly, PKI.business()).signer().scheme()).isEqualTo(IdentityScheme.MST);
        assertNotTrustedFromIssuer(businessesOnly, PKI.citizen());
    }

    @Test
    void aCaOfTheSameNameWithAnotherKeyIsNotTheConfiguredCa() {
        // another PKI generates CAs with the same names but other keys: its public CA is not ours
        TestPki twin = TestPki.generate(java.net.URI.create("http://localhost:1"));
        EnvelopeVerifier verifier = new EnvelopeVerifier(
                SignaturePolicy.defaults().withRevocation(RevocationMode.OFF),
                TrustAnchors.ofCertificates(
                        List.of(PKI.root().certificate(), twin.root().certificate())),
                CrlSource.none(),
                CLOCK,
                IdentityIssuers.perTenant(Map.of(
                        TENANT,
                        Map.of(IdentityType.BUSINESS, List.of(PKI.publicCa().certificate())))));
        assertThat(twin.publicCa().certificate().getSubjectX500Principal())
                .isEqualTo(PKI.publicCa().certificate().getSubjectX500Principal());
        assertThat(verify(verifier, PKI.business()).signer().scheme()).isEqualTo(IdentityScheme.MST);
        assertNotTrustedFromIssuer(verifier, twin.business());
    }
}
