package vn.edialog.command.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CRLException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import vn.edialog.command.signature.PemFiles;
import vn.edialog.command.signature.TrustAnchors;

/**
 * A generated three-level PKI (root, public CA, official-duty CA) with named, valid signing leaves (business,
 * citizen, agency, system) and current CRLs; thread-safe. The embedded default's demo PKI is written from one (see
 * {@link #writeTo}). Create with {@link PkiFactory}.
 *
 * <p>Open for extension only so that the tests' PKI ({@code TestPki} in command's test-jar) can add its expired,
 * revoked and weak certificates; the product itself never issues such certificates.
 */
public class GeneratedPki {

    /** Folder-relative CRL paths, appended to the CRL base URI. */
    public static final String ROOT_CRL = "/pki/crl/root.crl";

    public static final String PUBLIC_CA_CRL = "/pki/crl/public-ca.crl";
    public static final String OFFICIAL_CA_CRL = "/pki/crl/official-ca.crl";

    /** The business tax code, citizen id and agency code of the default leaves. */
    public static final String BUSINESS_MST = "0101234567";

    public static final String BUSINESS_RSA_MST = "0109876543";
    public static final String CITIZEN_CCCD = "001234567890";
    public static final String AGENCY_MNS = "1234567";
    /** The platform's own code, used in the system certificate's UID (MNS:9999999). */
    public static final String SYSTEM_MNS = "9999999";

    /** The key usage of every signing leaf: digitalSignature and nonRepudiation. */
    protected static final int SIGNING = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;

    private static final int CA_USAGE = KeyUsage.keyCertSign | KeyUsage.cRLSign;
    private static final Duration CRL_VALIDITY = Duration.ofDays(7);

    private final Clock clock;
    private final Instant created;
    private final String base;
    private final Credential root;
    private final Credential publicCa;
    private final Credential officialCa;
    private final Credential business;
    private final Credential businessRsa;
    private final Credential citizen;
    private final Credential agency;
    private final Credential system;
    private final Credential timeStamping;
    private final Map<X509Certificate, Map<BigInteger, Instant>> revocations = new LinkedHashMap<>();
    private final Map<X509Certificate, X509CRL> crls = new LinkedHashMap<>();
    private long crlNumber = 1;
    private final TrustAnchor anchor;

    protected GeneratedPki(URI crlBase, Clock clock) {
        this.clock = clock;
        this.created = clock.instant();
        String b = crlBase.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        Instant now = created;
        Instant from = now.minus(Duration.ofDays(1));

        KeyPair rootKeys = PkiFactory.keyPair(KeyKind.EC_P384);
        X500Name rootName = PkiFactory.subject("eDialog Demo Root CA", "Cổng Đối thoại eDialog (thử nghiệm)", null);
        X509Certificate rootCert = PkiFactory.certificate(
                new PkiFactory.Spec(
                        rootName,
                        rootKeys.getPublic(),
                        from,
                        now.plus(Duration.ofDays(3650 * 2)),
                        true,
                        CA_USAGE,
                        null,
                        "SHA384withECDSA",
                        null),
                rootName,
                rootKeys.getPrivate(),
                rootKeys.getPublic());
        root = new Credential(rootKeys.getPrivate(), rootCert, List.of(rootCert));
        anchor = new TrustAnchor(rootCert, null);
        publicCa = ca("eDialog Public CA", KeyKind.EC_P256, from, now.plus(Duration.ofDays(3650)));
        officialCa = ca("eDialog Official-Duty CA", KeyKind.RSA_3072, from, now.plus(Duration.ofDays(3650)));

        Instant leafEnd = now.plus(Duration.ofDays(730));
        business = issue(
                publicCa,
                "Công ty TNHH Thương mại Hoàng Long",
                "Công ty TNHH Thương mại Hoàng Long",
                "MST:" + BUSINESS_MST,
                PkiFactory.keyPair(KeyKind.EC_P256),
                from,
                leafEnd,
                SIGNING,
                null);
        businessRsa = issue(
                publicCa,
                "Công ty Cổ phần Đầu tư Sông Hồng",
                "Công ty Cổ phần Đầu tư Sông Hồng",
                "MST:" + BUSINESS_RSA_MST,
                PkiFactory.keyPair(KeyKind.RSA_2048),
                from,
                leafEnd,
                SIGNING,
                null);
        citizen = issue(
                publicCa,
                "Nguyễn Thị Hương",
                null,
                "CCCD:" + CITIZEN_CCCD,
                PkiFactory.keyPair(KeyKind.EC_P256),
                from,
                leafEnd,
                SIGNING,
                null);
        agency = issue(
                officialCa,
                "Sở Kế hoạch và Đầu tư tỉnh Bắc Ninh",
                "Sở Kế hoạch và Đầu tư tỉnh Bắc Ninh",
                "MNS:" + AGENCY_MNS,
                PkiFactory.keyPair(KeyKind.EC_P256),
                from,
                leafEnd,
                SIGNING,
                null);
        system = issue(
                officialCa,
                "eDialog System",
                "Hệ thống eDialog",
                "MNS:" + SYSTEM_MNS,
                PkiFactory.keyPair(KeyKind.EC_P256),
                from,
                leafEnd,
                SIGNING,
                null);
        // The demo time-stamping authority, as long as its CA: its time-stamps keep proving when a signature was made
        // for as long as the demo lasts (a deployment's authorities are renewed by archive time-stamps instead).
        timeStamping = PkiFactory.timeStamping(
                officialCa,
                URI.create(base + OFFICIAL_CA_CRL),
                from,
                officialCa.certificate().getNotAfter().toInstant());
        revocations.put(rootCert, new LinkedHashMap<>());
        revocations.put(publicCa.certificate(), new LinkedHashMap<>());
        revocations.put(officialCa.certificate(), new LinkedHashMap<>());
        // The CRLs are issued on first use, so that a subclass's revocations made while it is constructed are on the
        // first CRLs already.
    }

    private Credential ca(String cn, KeyKind kind, Instant from, Instant to) {
        KeyPair keys = PkiFactory.keyPair(kind);
        X509Certificate cert = PkiFactory.certificate(
                new PkiFactory.Spec(
                        PkiFactory.subject(cn, "Cổng Đối thoại eDialog (thử nghiệm)", null),
                        keys.getPublic(),
                        from,
                        to,
                        true,
                        CA_USAGE,
                        URI.create(base + ROOT_CRL),
                        "SHA384withECDSA",
                        null),
                X500Name.getInstance(
                        root.certificate().getSubjectX500Principal().getEncoded()),
                root.privateKey(),
                root.certificate().getPublicKey());
        return new Credential(keys.getPrivate(), cert, List.of(cert, root.certificate()));
    }

    /**
     * Issues a leaf for {@code keys} by {@code ca} (publicCa() or officialCa()), with its CRL distribution point, the
     * subject C=VN, [O], CN, [UID], the given validity and key usage, signed with {@code signatureAlgorithm} (null =
     * the usual algorithm for the CA's key).
     */
    protected final Credential issue(
            Credential ca,
            String cn,
            String o,
            String uid,
            KeyPair keys,
            Instant from,
            Instant to,
            int keyUsage,
            String signatureAlgorithm) {
        URI dp = URI.create(base + (ca == publicCa ? PUBLIC_CA_CRL : OFFICIAL_CA_CRL));
        X509Certificate cert = PkiFactory.certificate(
                new PkiFactory.Spec(
                        PkiFactory.subject(cn, o, uid),
                        keys.getPublic(),
                        from,
                        to,
                        false,
                        keyUsage,
                        dp,
                        signatureAlgorithm,
                        null),
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                ca.privateKey(),
                ca.certificate().getPublicKey());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(cert);
        chain.addAll(ca.chain());
        return new Credential(keys.getPrivate(), cert, chain);
    }

    /** When this PKI was generated. */
    protected final Instant created() {
        return created;
    }

    /** The clock this PKI was generated with. */
    protected final Clock clock() {
        return clock;
    }

    /** The start of a leaf issued now: a day ago. */
    protected final Instant leafStart() {
        return clock.instant().minus(Duration.ofDays(1));
    }

    /** The end of a leaf issued now: in 730 days. */
    protected final Instant leafEnd() {
        return clock.instant().plus(Duration.ofDays(730));
    }

    // ---------------------------------------------------------------- issuing

    /** A new EC P-256 agency certificate (official-duty CA) with UID MNS:{@code mns}; O = CN = {@code name}. */
    public Credential issueAgency(String mns, String name) {
        return issue(
                officialCa,
                name,
                name,
                "MNS:" + mns,
                PkiFactory.keyPair(KeyKind.EC_P256),
                leafStart(),
                leafEnd(),
                SIGNING,
                null);
    }

    /** Lists a certificate issued by one of the CAs as revoked at {@code at} and re-issues that CA's CRL. */
    protected final synchronized void revoke(X509Certificate certificate, Instant at) {
        for (Map.Entry<X509Certificate, Map<BigInteger, Instant>> e : revocations.entrySet()) {
            if (e.getKey().getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                e.getValue().put(certificate.getSerialNumber(), at);
                if (!crls.isEmpty()) {
                    refreshCrls();
                }
                return;
            }
        }
        throw new IllegalArgumentException("not issued by this PKI: " + certificate.getSubjectX500Principal());
    }

    // ---------------------------------------------------------------- accessors

    public Credential root() {
        return root;
    }

    public Credential publicCa() {
        return publicCa;
    }

    public Credential officialCa() {
        return officialCa;
    }

    /** Business, EC P-256, MST:0101234567. */
    public Credential business() {
        return business;
    }

    /** Business, RSA-2048, MST:0109876543. */
    public Credential businessRsa() {
        return businessRsa;
    }

    /** Citizen, EC P-256, CCCD:001234567890. */
    public Credential citizen() {
        return citizen;
    }

    /** Agency, EC P-256, MNS:1234567 (official-duty CA). */
    public Credential agency() {
        return agency;
    }

    /** The platform's system key, EC P-256, MNS:9999999 (official-duty CA). */
    public Credential system() {
        return system;
    }

    /**
     * The demo time-stamping authority's key, EC P-256 (official-duty CA), its certificate with the critical
     * extended key usage id-kp-timeStamping alone (RFC 3161).
     */
    public Credential timeStamping() {
        return timeStamping;
    }

    /** The root trust anchor. */
    public TrustAnchor trustAnchor() {
        return anchor;
    }

    /** The root as the trust anchor of every tenant. */
    public TrustAnchors trustAnchors() {
        return TrustAnchors.of(Set.of(anchor));
    }

    /** The current CRLs of root, public CA and official-duty CA (re-issued when half their validity has passed). */
    public synchronized List<X509CRL> crls() {
        if (crls.isEmpty()) {
            refreshCrls();
        }
        X509CRL any = crls.values().iterator().next();
        Instant half = any.getThisUpdate().toInstant().plus(CRL_VALIDITY.dividedBy(2));
        if (clock.instant().isAfter(half)) {
            refreshCrls();
        }
        return List.copyOf(crls.values());
    }

    /** The current CRL of {@code ca} (one of root(), publicCa(), officialCa()). */
    public X509CRL crlOf(Credential ca) {
        crls();
        synchronized (this) {
            return crls.get(ca.certificate());
        }
    }

    /** The DER CRL served at a path such as "/pki/crl/public-ca.crl" (or "public-ca.crl"), for the demo server. */
    public Optional<byte[]> crlDer(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        Credential ca =
                switch (name) {
                    case "root.crl" -> root;
                    case "public-ca.crl" -> publicCa;
                    case "official-ca.crl" -> officialCa;
                    default -> null;
                };
        if (ca == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(crlOf(ca).getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void refreshCrls() {
        Instant now = clock.instant();
        for (Map.Entry<X509Certificate, Map<BigInteger, Instant>> e : revocations.entrySet()) {
            Credential ca = e.getKey().equals(root.certificate())
                    ? root
                    : e.getKey().equals(publicCa.certificate()) ? publicCa : officialCa;
            crls.put(
                    e.getKey(),
                    PkiFactory.crl(ca, e.getValue(), now.minusSeconds(60), now.plus(CRL_VALIDITY), crlNumber++));
        }
    }

    // ---------------------------------------------------------------- export

    /** The leaves {@link #writeTo} writes, by file name: the business, citizen, agency and system leaves. */
    protected Map<String, Credential> namedLeaves() {
        Map<String, Credential> leaves = new LinkedHashMap<>();
        leaves.put("business-" + BUSINESS_MST, business);
        leaves.put("business-" + BUSINESS_RSA_MST, businessRsa);
        leaves.put("citizen-" + CITIZEN_CCCD, citizen);
        leaves.put("agency-" + AGENCY_MNS, agency);
        leaves.put("system", system);
        leaves.put("tsa", timeStamping);
        return leaves;
    }

    /**
     * Writes the PKI: root.pem, public-ca.pem, official-ca.pem, *.crl (DER) and *.crl.pem, and for each named leaf
     * {@code <name>.p12} (key + chain, {@code password}), {@code <name>.pem} (chain) and {@code <name>.key.pem}
     * (PKCS#8), plus README.txt.
     */
    public void writeTo(Path dir, char[] password) {
        try {
            Files.createDirectories(dir);
            write(dir.resolve("root.pem"), root.certificatePem());
            write(dir.resolve("public-ca.pem"), publicCa.certificatePem());
            write(dir.resolve("official-ca.pem"), officialCa.certificatePem());
            for (String name : List.of("root", "public-ca", "official-ca")) {
                byte[] der = crlDer(name + ".crl").orElseThrow();
                Files.write(dir.resolve(name + ".crl"), der);
                write(dir.resolve(name + ".crl.pem"), PemFiles.pem("X509 CRL", der));
            }
            StringBuilder readme = new StringBuilder();
            readme.append("eDialog demo PKI (generated ")
                    .append(created)
                    .append(")\n\n")
                    .append("root.pem            trust anchor (EC P-384)\n")
                    .append("public-ca.pem       public CA (EC P-256): businesses and citizens\n")
                    .append("official-ca.pem     official-duty CA (RSA 3072): agencies and the system key\n")
                    .append("*.crl / *.crl.pem   CRLs (DER / PEM), served at ")
                    .append(base)
                    .append("/pki/crl/\n\n")
                    .append("Per leaf: <name>.p12 (key + chain, AES-256/PBKDF2), <name>.pem (chain), <name>.key.pem"
                            + " (PKCS#8)\n\n");
            for (Map.Entry<String, Credential> e : namedLeaves().entrySet()) {
                Credential c = e.getValue();
                Files.write(dir.resolve(e.getKey() + ".p12"), c.pkcs12(password));
                write(dir.resolve(e.getKey() + ".pem"), c.chainPem());
                write(dir.resolve(e.getKey() + ".key.pem"), c.privateKeyPem());
                readme.append(String.format(
                        "%-28s %s%n",
                        e.getKey(), c.certificate().getSubjectX500Principal().getName()));
            }
            write(dir.resolve("README.txt"), readme.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
