package vn.edialog.app.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.GeneratedPki;
import vn.edialog.command.pki.PkiFactory;
import vn.edialog.command.signature.CmsSigner;
import vn.edialog.command.signature.IdentityType;
import vn.edialog.command.signature.KeyStoreSigner;
import vn.edialog.command.signature.PemFiles;
import vn.edialog.command.tenant.Agency;
import vn.edialog.command.tenant.Tenant;

/**
 * The demo PKI of the embedded default, kept under {@code ${edialog.data-dir}/pki}: created on the first run (a root,
 * a public CA for businesses and citizens, an official-duty CA for agencies and the system key, a key per demo
 * agency, demo business and citizen keys as PKCS#12 with one generated password), then reused. The CA keys are kept
 * too (in {@code ca/}, demo only) so that the CRLs are re-issued before they go stale.
 */
public final class DemoPki {

    private static final Logger log = LoggerFactory.getLogger(DemoPki.class);
    private static final Duration CRL_VALIDITY = Duration.ofDays(7);
    private static final Duration CRL_REFRESH_BEFORE = Duration.ofDays(3);
    private static final List<String> CAS = List.of("root", "public-ca", "official-ca");
    private static final String TIME_STAMPING_FILE = "tsa.p12";

    private final Path directory;
    private final char[] password;
    private final List<X509Certificate> roots;
    private final boolean created;

    private DemoPki(Path directory, char[] password, List<X509Certificate> roots, boolean created) {
        this.directory = directory;
        this.password = password;
        this.roots = roots;
        this.created = created;
    }

    /** Creates the demo PKI in {@code directory} unless it is there already, and refreshes its CRLs. */
    public static DemoPki ensure(Path directory, URI crlBase, List<Tenant> tenants, Clock clock) {
        try {
            boolean create = !Files.exists(directory.resolve("root.pem"));
            if (create) {
                generate(directory, crlBase, tenants, clock);
            }
            char[] password = Files.readString(directory.resolve("password.txt"), StandardCharsets.UTF_8)
                    .strip()
                    .toCharArray();
            refreshCrls(directory, password, clock.instant());
            ensureTimeStamping(directory, crlBase, password, clock.instant());
            ensureEncryptionKeys(directory, crlBase, password, tenants, clock.instant());
            return new DemoPki(directory, password, PemFiles.readCertificates(directory.resolve("root.pem")), create);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the demo PKI in " + directory, e);
        }
    }

    private static void generate(Path directory, URI crlBase, List<Tenant> tenants, Clock clock) throws IOException {
        log.info("Creating the demo PKI in {}", directory.toAbsolutePath());
        GeneratedPki pki = PkiFactory.generate(crlBase, clock);
        char[] password = randomPassword();
        pki.writeTo(directory, password);
        for (Tenant tenant : tenants) {
            for (Agency agency : tenant.agencies()) {
                Credential credential = pki.issueAgency(agency.budgetCode(), agency.nameVi());
                Files.write(directory.resolve(agencyFile(tenant.code(), agency.code())), credential.pkcs12(password));
            }
        }
        Path ca = Files.createDirectories(directory.resolve("ca"));
        Files.write(ca.resolve("root.p12"), pki.root().pkcs12(password));
        Files.write(ca.resolve("public-ca.p12"), pki.publicCa().pkcs12(password));
        Files.write(ca.resolve("official-ca.p12"), pki.officialCa().pkcs12(password));
        Files.writeString(directory.resolve("password.txt"), new String(password) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Issues the demo time-stamping authority's key ({@code tsa.p12}) with the official-duty CA's key, for a demo PKI
     * created before the product time-stamped (a new one has it already).
     */
    private static void ensureTimeStamping(Path directory, URI crlBase, char[] password, Instant now)
            throws IOException {
        Path file = directory.resolve(TIME_STAMPING_FILE);
        Path caKey = directory.resolve("ca").resolve("official-ca.p12");
        if (Files.exists(file) || !Files.exists(caKey)) {
            return;
        }
        Credential ca = Credential.fromPkcs12(caKey, password);
        String base = crlBase.toString().replaceAll("/+$", "");
        Credential tsa = PkiFactory.timeStamping(
                ca,
                URI.create(base + GeneratedPki.OFFICIAL_CA_CRL),
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(5 * 365)));
        Files.write(file, tsa.pkcs12(password));
        Files.writeString(directory.resolve("tsa.pem"), tsa.chainPem());
        log.info("Issued the demo time-stamping authority's key {}", file);
    }

    /**
     * Issues each demo agency's encryption key ({@code agency-<tenant>-<agency>-encryption.p12}, ECDH for the data
     * keys of confidential dialogues) with the official-duty CA's key, where it is missing: for new agencies and for a
     * demo PKI created before confidential dialogues were encrypted.
     */
    private static void ensureEncryptionKeys(
            Path directory, URI crlBase, char[] password, List<Tenant> tenants, Instant now) throws IOException {
        Path caKey = directory.resolve("ca").resolve("official-ca.p12");
        if (!Files.exists(caKey)) {
            return;
        }
        Credential ca = null;
        String base = crlBase.toString().replaceAll("/+$", "");
        for (Tenant tenant : tenants) {
            for (Agency agency : tenant.agencies()) {
                Path file = directory.resolve(encryptionFile(tenant.code(), agency.code()));
                if (Files.exists(file)) {
                    continue;
                }
                if (ca == null) {
                    ca = Credential.fromPkcs12(caKey, password);
                }
                Credential key = PkiFactory.encryption(
                        ca,
                        agency.nameVi(),
                        "MNS:" + agency.budgetCode(),
                        URI.create(base + GeneratedPki.OFFICIAL_CA_CRL),
                        now.minus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(5 * 365)));
                Files.write(file, key.pkcs12(password));
                log.info("Issued the demo encryption key {}", file);
            }
        }
    }

    static String encryptionFile(String tenant, String agency) {
        return "agency-" + tenant + "-" + agency + "-encryption.p12";
    }

    /** The demo agencies' encryption keys, by {@link ServerSigners#key(String, String)}. */
    public Map<String, Credential> encryptionKeys(List<Tenant> tenants) {
        Map<String, Credential> keys = new LinkedHashMap<>();
        for (Tenant tenant : tenants) {
            for (Agency agency : tenant.agencies()) {
                Path file = directory.resolve(encryptionFile(tenant.code(), agency.code()));
                if (Files.exists(file)) {
                    keys.put(ServerSigners.key(tenant.code(), agency.code()), Credential.fromPkcs12(file, password));
                }
            }
        }
        return keys;
    }

    static String agencyFile(String tenant, String agency) {
        return "agency-" + tenant + "-" + agency + ".p12";
    }

    /** Re-issues each CA's CRL (same revoked entries, next number) when it expires within three days. */
    private static void refreshCrls(Path directory, char[] password, Instant now) throws IOException {
        for (String ca : CAS) {
            Path file = directory.resolve(ca + ".crl");
            Path key = directory.resolve("ca").resolve(ca + ".p12");
            if (!Files.exists(file) || !Files.exists(key)) {
                continue;
            }
            X509CRL current = PemFiles.readCrls(file).get(0);
            if (current.getNextUpdate() != null
                    && current.getNextUpdate().toInstant().isAfter(now.plus(CRL_REFRESH_BEFORE))) {
                continue;
            }
            byte[] der = reissue(current, key, password, now);
            Files.write(file, der);
            Files.writeString(directory.resolve(ca + ".crl.pem"), PemFiles.pem("X509 CRL", der));
            log.info("Re-issued the demo CRL {}", file);
        }
    }

    private static byte[] reissue(X509CRL current, Path caKeyStore, char[] password, Instant now) throws IOException {
        try (InputStream in = Files.newInputStream(caKeyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String alias = Collections.list(store.aliases()).stream()
                    .filter(a -> {
                        try {
                            return store.isKeyEntry(a);
                        } catch (Exception e) {
                            return false;
                        }
                    })
                    .findFirst()
                    .orElseThrow(() -> new IOException("No key in " + caKeyStore));
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            X509Certificate caCertificate = (X509Certificate) store.getCertificate(alias);
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    new X509CRLHolder(current.getEncoded()).getIssuer(), Date.from(now.minusSeconds(60)));
            builder.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
            if (current.getRevokedCertificates() != null) {
                for (X509CRLEntry entry : current.getRevokedCertificates()) {
                    builder.addCRLEntry(entry.getSerialNumber(), entry.getRevocationDate(), CRLReason.unspecified);
                }
            }
            byte[] numberExtension = current.getExtensionValue(Extension.cRLNumber.getId());
            BigInteger number = numberExtension == null
                    ? BigInteger.ONE
                    : CRLNumber.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(numberExtension)
                                    .getOctets())
                            .getCRLNumber()
                            .add(BigInteger.ONE);
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCertificate));
            String algorithm = CmsSigner.defaultAlgorithm(key);
            X509CRLHolder holder = builder.build(new JcaContentSignerBuilder(algorithm).build(key));
            return new JcaX509CRLConverter().getCRL(holder).getEncoded();
        } catch (IOException e) {
            throw e;
        } catch (OperatorCreationException | java.security.GeneralSecurityException e) {
            throw new IOException("Cannot re-issue the demo CRL with " + caKeyStore + ": " + e.getMessage(), e);
        }
    }

    private static char[] randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        char[] password = new char[16];
        for (int i = 0; i < password.length; i++) {
            password[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return password;
    }

    /** Whether this run created the PKI (first start). */
    public boolean created() {
        return created;
    }

    public Path directory() {
        return directory;
    }

    /** The password of every PKCS#12 file of the demo PKI. */
    public String password() {
        return new String(password);
    }

    public List<X509Certificate> roots() {
        return roots;
    }

    /** The demo's identity issuers: the public CA for businesses and citizens, the official-duty CA for agencies. */
    public Map<IdentityType, List<X509Certificate>> identityIssuers() {
        List<X509Certificate> publicCa = PemFiles.readCertificates(directory.resolve("public-ca.pem"));
        List<X509Certificate> officialCa = PemFiles.readCertificates(directory.resolve("official-ca.pem"));
        return Map.of(IdentityType.BUSINESS, publicCa, IdentityType.CITIZEN, publicCa, IdentityType.AGENCY, officialCa);
    }

    public List<Path> crlFiles() {
        return CAS.stream()
                .map(ca -> directory.resolve(ca + ".crl"))
                .filter(Files::exists)
                .toList();
    }

    /** The demo time-stamping authority's key and chain; absent only when the official-duty CA's key is. */
    public Optional<Credential> timeStamping() {
        Path file = directory.resolve(TIME_STAMPING_FILE);
        return Files.exists(file) ? Optional.of(Credential.fromPkcs12(file, password)) : Optional.empty();
    }

    public CmsSigner systemSigner() {
        return KeyStoreSigner.fromPkcs12(directory.resolve("system.p12"), password);
    }

    /** Signers of every demo agency that has a key file, by {@link ServerSigners#key(String, String)}. */
    public Map<String, CmsSigner> agencySigners(List<Tenant> tenants) {
        Map<String, CmsSigner> signers = new LinkedHashMap<>();
        for (Tenant tenant : tenants) {
            for (Agency agency : tenant.agencies()) {
                Path file = directory.resolve(agencyFile(tenant.code(), agency.code()));
                if (Files.exists(file)) {
                    signers.put(
                            ServerSigners.key(tenant.code(), agency.code()), KeyStoreSigner.fromPkcs12(file, password));
                }
            }
        }
        return signers;
    }

    /** The demo business and citizen PKCS#12 files, for the start-up message. */
    public List<Path> askerKeyFiles() {
        List<Path> files = new ArrayList<>();
        try (var listing = Files.list(directory)) {
            listing.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".p12") && (name.startsWith("business-") || name.startsWith("citizen-"));
                    })
                    .sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
