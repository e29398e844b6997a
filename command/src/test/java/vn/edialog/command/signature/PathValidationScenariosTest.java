package vn.edialog.command.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edialog.command.signature.ScenarioPki.CA_USAGE;
import static vn.edialog.command.signature.ScenarioPki.NOW;
import static vn.edialog.command.signature.ScenarioPki.ca;
import static vn.edialog.command.signature.ScenarioPki.certificate;
import static vn.edialog.command.signature.ScenarioPki.crl;
import static vn.edialog.command.signature.ScenarioPki.ec;
import static vn.edialog.command.signature.ScenarioPki.emptyCrl;
import static vn.edialog.command.signature.ScenarioPki.leaf;
import static vn.edialog.command.signature.ScenarioPki.name;
import static vn.edialog.command.signature.ScenarioPki.revokedAt;
import static vn.edialog.command.signature.ScenarioPki.spki;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.spec.DSAParameterSpec;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.ReasonFlags;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.junit.jupiter.api.Test;
import vn.edialog.command.signature.ScenarioPki.Issued;

/**
 * The NIST PKITS sections the rfc5280 profile once failed, rebuilt with the project's own certificates and CRLs:
 * self-issued key rollover (4.5), a separate CRL-signing key (4.4.19-21), DSA parameter inheritance (4.1.5),
 * distribution point scopes, reason partitions and indirect CRLs (4.14), delta CRLs (4.15). Each is checked the way
 * {@code certs check --profile rfc5280} checks: every certificate of the path must be covered by the given CRLs.
 */
class PathValidationScenariosTest {

    private final Issued root = ScenarioPki.root("Gốc Kịch Bản");
    private final X509CRL rootCrl = emptyCrl(root);

    private VerificationResult check(Issued leaf, List<X509Certificate> untrusted, List<X509CRL> crls) {
        return new CertificatePathChecker()
                .check(
                        leaf.certificate(),
                        untrusted,
                        Set.of(new TrustAnchor(root.certificate(), null)),
                        crls,
                        NOW,
                        Profile.RFC5280);
    }

    private static void assertValid(VerificationResult r) {
        assertThat(r.valid()).as(r.detail()).isTrue();
    }

    private static void assertRefused(VerificationResult r, RefusalReason reason) {
        assertThat(r.valid()).as("refused").isFalse();
        assertThat(r.reason()).as(r.detail()).isEqualTo(reason);
    }

    private static void revoke(X509v2CRLBuilder crl, Issued certificate, int reason) {
        crl.addCRLEntry(certificate.serial(), revokedAt(), reason);
    }

    // ---------------------------------------------------------------- 4.5 self-issued key rollover

    /** A CA that rolled its key over: the root certifies the new key, a self-issued certificate the old one. */
    private record Rollover(Issued current, Issued oldWithNew, X500Name name, KeyPair newKey) {}

    private Rollover rollover() {
        X500Name name = name("CA Đổi Khóa");
        KeyPair oldKey = ec();
        KeyPair newKey = ec();
        Issued current = ca(name, newKey, root, CA_USAGE, b -> {});
        Issued oldWithNew = new Issued(
                certificate(name, spki(oldKey.getPublic()), name, newKey.getPrivate(), true, CA_USAGE, b -> {}),
                oldKey);
        return new Rollover(current, oldWithNew, name, newKey);
    }

    @Test
    void aLeafOfTheOldKeyChainsThroughTheSelfIssuedOldWithNewCertificate() {
        Rollover ca = rollover();
        Issued leaf = leaf("Người ký bằng khóa cũ", ca.oldWithNew(), b -> {});
        X509CRL crl = crl(ca.current(), 1, b -> {});

        assertValid(
                check(leaf, List.of(ca.oldWithNew().certificate(), ca.current().certificate()), List.of(rootCrl, crl)));
    }

    @Test
    void aLeafOfTheOldKeyRevokedOnTheNewKeysCrlIsRefused() {
        Rollover ca = rollover();
        Issued leaf = leaf("Người ký bị thu hồi", ca.oldWithNew(), b -> {});
        X509CRL crl = crl(ca.current(), 1, b -> revoke(b, leaf, CRLReason.keyCompromise));

        assertRefused(
                check(leaf, List.of(ca.oldWithNew().certificate(), ca.current().certificate()), List.of(rootCrl, crl)),
                RefusalReason.REVOKED);
    }

    // ---------------------------------------------------------------- 4.4.19-21 separate CRL-signing key

    /** A CA with one certificate for signing certificates and another, same name, for signing CRLs. */
    private record SplitCa(Issued certificates, Issued crls) {}

    private SplitCa splitCa() {
        X500Name name = name("CA Khóa CRL Riêng");
        return new SplitCa(
                ca(name, ec(), root, KeyUsage.keyCertSign, b -> {}), ca(name, ec(), root, KeyUsage.cRLSign, b -> {}));
    }

    @Test
    void aCrlSignedByTheCasSeparateCrlKeyCoversItsCertificates() {
        SplitCa ca = splitCa();
        Issued leaf = leaf("Người ký CA tách khóa", ca.certificates(), b -> {});
        X509CRL crl = crl(ca.crls(), 1, b -> {});
        List<X509Certificate> both =
                List.of(ca.certificates().certificate(), ca.crls().certificate());

        assertValid(check(leaf, both, List.of(rootCrl, crl)));
        assertRefused(
                check(leaf, List.of(ca.certificates().certificate()), List.of(rootCrl, crl)),
                RefusalReason.REVOCATION_UNKNOWN);
    }

    @Test
    void aCertificateRevokedOnTheSeparateCrlKeysCrlIsRefused() {
        SplitCa ca = splitCa();
        Issued leaf = leaf("Người ký bị thu hồi", ca.certificates(), b -> {});
        X509CRL crl = crl(ca.crls(), 1, b -> revoke(b, leaf, CRLReason.keyCompromise));

        assertRefused(
                check(leaf, List.of(ca.certificates().certificate(), ca.crls().certificate()), List.of(rootCrl, crl)),
                RefusalReason.REVOKED);
    }

    @Test
    void aCrlSignedByARevokedCrlSigningCertificateIsNotUsable() {
        SplitCa ca = splitCa();
        Issued leaf = leaf("Người ký CA tách khóa", ca.certificates(), b -> {});
        X509CRL crl = crl(ca.crls(), 1, b -> {});
        X509CRL rootRevokesCrlKey = crl(root, 2, b -> revoke(b, ca.crls(), 1));

        VerificationResult r = check(
                leaf,
                List.of(ca.certificates().certificate(), ca.crls().certificate()),
                List.of(rootRevokesCrlKey, crl));
        assertThat(r.valid()).as(r.detail()).isFalse();
    }

    // ---------------------------------------------------------------- 4.1.5 DSA parameter inheritance

    @Test
    void aDsaCaWithoutParametersInheritsThemFromItsIssuer() throws Exception {
        KeyPair dsaKeys = ScenarioPki.dsa();
        Issued dsaCa = ca(name("CA DSA"), dsaKeys, root, CA_USAGE, b -> {});
        KeyPairGenerator sameParameters = KeyPairGenerator.getInstance("DSA");
        var p = ((DSAPublicKey) dsaKeys.getPublic()).getParams();
        sameParameters.initialize(new DSAParameterSpec(p.getP(), p.getQ(), p.getG()));
        KeyPair inheritedKeys = sameParameters.generateKeyPair();
        SubjectPublicKeyInfo withoutParameters = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_dsa),
                new ASN1Integer(((DSAPublicKey) inheritedKeys.getPublic()).getY()));
        Issued inheriting = new Issued(
                certificate(
                        name("CA DSA Kế Thừa Tham Số"),
                        withoutParameters,
                        dsaCa.name(),
                        dsaKeys.getPrivate(),
                        true,
                        CA_USAGE,
                        b -> {}),
                inheritedKeys);
        assertThat(inheriting.certificate().getPublicKey().getEncoded())
                .as("the certificate's key has no parameters")
                .hasSizeLessThan(inheritedKeys.getPublic().getEncoded().length);
        Issued leaf = leaf("Người ký dưới CA DSA", inheriting, b -> {});
        List<X509Certificate> untrusted = List.of(inheriting.certificate(), dsaCa.certificate());
        List<X509CRL> crls = List.of(rootCrl, emptyCrl(dsaCa), emptyCrl(inheriting));

        assertValid(check(leaf, untrusted, crls));

        Issued impostor = new Issued(inheriting.certificate(), sameParameters.generateKeyPair());
        assertRefused(check(leaf("Chữ ký giả", impostor, b -> {}), untrusted, crls), RefusalReason.UNTRUSTED);
    }

    // ---------------------------------------------------------------- 4.14 distribution points and indirect CRLs

    private static DistributionPointName uri(String uri) {
        return new DistributionPointName(new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, uri)));
    }

    private static ScenarioPki.CertificateExtensions distributionPoint(
            DistributionPointName name, GeneralNames crlIssuer) {
        return b -> b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(name, null, crlIssuer)
        }));
    }

    @Test
    void aCrlScopedToTheCertificatesDistributionPointCoversIt() {
        Issued ca = ca("CA Điểm Phân Phối", root);
        DistributionPointName a = uri("http://crl.edialog.test/a.crl");
        Issued inA = leaf("Người ký điểm A", ca, distributionPoint(a, null));
        X509CRL crlA = crl(
                ca,
                1,
                b -> b.addExtension(
                        Extension.issuingDistributionPoint,
                        true,
                        new IssuingDistributionPoint(a, false, false, null, false, false)));

        assertValid(check(inA, List.of(ca.certificate()), List.of(rootCrl, crlA)));
    }

    @Test
    void aCrlScopedToAnotherDistributionPointDoesNotCoverTheCertificate() {
        Issued ca = ca("CA Điểm Phân Phối", root);
        Issued inB = leaf("Người ký điểm B", ca, distributionPoint(uri("http://crl.edialog.test/b.crl"), null));
        X509CRL crlA = crl(
                ca,
                1,
                b -> b.addExtension(
                        Extension.issuingDistributionPoint,
                        true,
                        new IssuingDistributionPoint(
                                uri("http://crl.edialog.test/a.crl"), false, false, null, false, false)));

        assertRefused(check(inB, List.of(ca.certificate()), List.of(rootCrl, crlA)), RefusalReason.REVOCATION_UNKNOWN);
    }

    /** A CA whose certificates name another authority (cRLIssuer) as the issuer of their indirect CRL. */
    private record Indirect(Issued ca, Issued crlIssuer, DistributionPointName point, Issued leaf) {
        X509CRL crl(boolean indirect, Issued revoked) {
            return crl(indirect, revoked, false);
        }

        X509CRL crl(boolean indirect, Issued revoked, boolean criticalCertificateIssuer) {
            return ScenarioPki.crl(crlIssuer, 1, b -> {
                b.addExtension(
                        Extension.issuingDistributionPoint,
                        true,
                        new IssuingDistributionPoint(point, false, false, null, indirect, false));
                if (revoked != null) {
                    ExtensionsGenerator entry = new ExtensionsGenerator();
                    entry.addExtension(Extension.reasonCode, false, CRLReason.lookup(CRLReason.keyCompromise));
                    entry.addExtension(
                            Extension.certificateIssuer,
                            criticalCertificateIssuer,
                            new GeneralNames(new GeneralName(ca.name())));
                    b.addCRLEntry(revoked.serial(), revokedAt(), entry.generate());
                }
            });
        }

        List<X509Certificate> untrusted() {
            return List.of(ca.certificate(), crlIssuer.certificate());
        }
    }

    private Indirect indirect() {
        Issued ca = ca("CA Ủy Quyền CRL", root);
        Issued crlIssuer = ca("Đơn Vị Phát Hành CRL", root);
        DistributionPointName point = uri("http://crl.edialog.test/indirect.crl");
        Issued leaf = leaf(
                "Người ký CRL gián tiếp",
                ca,
                distributionPoint(point, new GeneralNames(new GeneralName(crlIssuer.name()))));
        return new Indirect(ca, crlIssuer, point, leaf);
    }

    @Test
    void anIndirectCrlFromTheNamedCrlIssuerCoversTheCertificate() {
        Indirect s = indirect();
        assertValid(check(s.leaf(), s.untrusted(), List.of(rootCrl, s.crl(true, null))));
    }

    @Test
    void indirectCrlFromTheNamedCrlIssuerRevokesTheCertificate() {
        Indirect s = indirect();
        assertRefused(check(s.leaf(), s.untrusted(), List.of(rootCrl, s.crl(true, s.leaf()))), RefusalReason.REVOKED);
    }

    @Test
    void anIndirectCrlEntryWithACriticalCertificateIssuerIsNeverAccepted() {
        // RFC 5280 marks certificateIssuer critical; Bouncy Castle 1.87 treats any critical entry extension as
        // unsupported and leaves the status undetermined, which still refuses the certificate
        Indirect s = indirect();
        assertThat(check(s.leaf(), s.untrusted(), List.of(rootCrl, s.crl(true, s.leaf(), true)))
                        .valid())
                .isFalse();
    }

    @Test
    void aCrlOfTheNamedIssuerThatIsNotMarkedIndirectDoesNotCoverAnotherCasCertificate() {
        Indirect s = indirect();
        assertRefused(
                check(s.leaf(), s.untrusted(), List.of(rootCrl, s.crl(false, null))), RefusalReason.REVOCATION_UNKNOWN);
    }

    // ---------------------------------------------------------------- 4.14 onlySomeReasons partitions

    private static X509CRL partition(Issued ca, long number, int reasons, Issued revoked) {
        return crl(ca, number, b -> {
            b.addExtension(
                    Extension.issuingDistributionPoint,
                    true,
                    new IssuingDistributionPoint(null, false, false, new ReasonFlags(reasons), false, false));
            if (revoked != null) {
                revoke(b, revoked, CRLReason.keyCompromise);
            }
        });
    }

    private static final int COMPROMISE = ReasonFlags.keyCompromise | ReasonFlags.cACompromise;
    private static final int OTHER_REASONS = ReasonFlags.unused
            | ReasonFlags.affiliationChanged
            | ReasonFlags.superseded
            | ReasonFlags.cessationOfOperation
            | ReasonFlags.certificateHold
            | ReasonFlags.privilegeWithdrawn
            | ReasonFlags.aACompromise;

    @Test
    void crlsPartitionedByReasonCoverTheCertificateOnlyTogether() {
        Issued ca = ca("CA Phân Vùng Lý Do", root);
        Issued leaf = leaf("Người ký phân vùng", ca, b -> {});
        X509CRL compromise = partition(ca, 1, COMPROMISE, null);
        X509CRL others = partition(ca, 2, OTHER_REASONS, null);

        assertValid(check(leaf, List.of(ca.certificate()), List.of(rootCrl, compromise, others)));
        assertRefused(
                check(leaf, List.of(ca.certificate()), List.of(rootCrl, compromise)), RefusalReason.REVOCATION_UNKNOWN);
    }

    @Test
    void aCertificateRevokedOnTheKeyCompromisePartitionIsRefused() {
        Issued ca = ca("CA Phân Vùng Lý Do", root);
        Issued leaf = leaf("Người ký bị thu hồi", ca, b -> {});

        assertRefused(
                check(
                        leaf,
                        List.of(ca.certificate()),
                        List.of(rootCrl, partition(ca, 1, COMPROMISE, leaf), partition(ca, 2, OTHER_REASONS, null))),
                RefusalReason.REVOKED);
    }

    // ---------------------------------------------------------------- 4.15 delta CRLs

    private static X509CRL delta(Issued ca, long base, long number, ScenarioPki.CrlContent entries) {
        return crl(ca, number, b -> {
            b.addExtension(Extension.deltaCRLIndicator, true, new CRLNumber(java.math.BigInteger.valueOf(base)));
            entries.add(b);
        });
    }

    @Test
    void aCertificateRevokedOnlyOnTheDeltaCrlIsRefused() {
        Issued ca = ca("CA CRL Gia Tăng", root);
        Issued leaf = leaf("Người ký bị thu hồi sau", ca, b -> {});
        X509CRL base = emptyCrl(ca);
        X509CRL delta = delta(ca, 1, 2, b -> revoke(b, leaf, CRLReason.keyCompromise));

        assertValid(check(leaf, List.of(ca.certificate()), List.of(rootCrl, base)));
        assertRefused(check(leaf, List.of(ca.certificate()), List.of(rootCrl, base, delta)), RefusalReason.REVOKED);
    }

    @Test
    void aHoldReleasedByTheDeltaCrlIsAccepted() {
        Issued ca = ca("CA CRL Gia Tăng", root);
        Issued leaf = leaf("Người ký được gỡ tạm dừng", ca, b -> {});
        X509CRL base = crl(ca, 1, b -> revoke(b, leaf, CRLReason.certificateHold));
        X509CRL delta = delta(ca, 1, 2, b -> revoke(b, leaf, CRLReason.removeFromCRL));

        assertRefused(check(leaf, List.of(ca.certificate()), List.of(rootCrl, base)), RefusalReason.REVOKED);
        assertValid(check(leaf, List.of(ca.certificate()), List.of(rootCrl, base, delta)));
    }
}
