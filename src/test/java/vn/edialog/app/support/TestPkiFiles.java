package vn.edialog.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.PkiFactory;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.tenant.Agency;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.command.tenant.TenantCatalog;

/**
 * The project's test PKI ({@link TestPki#shared()}) written once per JVM to a folder, with a key for every agency of
 * the demo province, and the server properties that make the application trust it and sign with it.
 */
public final class TestPkiFiles {

    public static final String PASSWORD = "test-password";

    private static Path directory;
    private static Map<String, Credential> agencies;

    private TestPkiFiles() {}

    public static synchronized Path directory() {
        if (directory == null) {
            try {
                Path dir = Files.createTempDirectory("edialog-test-pki");
                TestPki pki = TestPki.shared();
                pki.writeTo(dir, PASSWORD.toCharArray());
                Map<String, Credential> issued = new LinkedHashMap<>();
                Tenant demo = TenantCatalog.demo().tenant("demo").orElseThrow();
                for (Agency agency : demo.agencies()) {
                    Credential credential = pki.issueAgency(agency.budgetCode(), agency.nameVi());
                    Files.write(
                            dir.resolve("agency-demo-" + agency.code() + ".p12"),
                            credential.pkcs12(PASSWORD.toCharArray()));
                    issued.put(agency.code(), credential);
                    // Its encryption key, for the data keys of confidential dialogues (never a signing key).
                    Credential encryption = PkiFactory.encryption(
                            pki.officialCa(),
                            agency.nameVi(),
                            "MNS:" + agency.budgetCode(),
                            URI.create("http://localhost/pki/crl/official-ca.crl"),
                            Instant.now().minus(Duration.ofDays(1)),
                            Instant.now().plus(Duration.ofDays(730)));
                    Files.write(
                            dir.resolve("agency-demo-" + agency.code() + "-encryption.p12"),
                            encryption.pkcs12(PASSWORD.toCharArray()));
                }
                agencies = issued;
                directory = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }

    /** The credential the server signs with for an agency of the demo province. */
    public static Credential agency(String code) {
        directory();
        return agencies.get(code);
    }

    /** Properties: trust the test root, use its CRLs (revocation required), accept each identity type from its CA,
     * sign with the system and agency keys. */
    public static Map<String, String> serverProperties() {
        Path dir = directory();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("edialog.pki.demo", "false");
        properties.put("edialog.pki.trust-anchors", dir.resolve("root.pem").toString());
        properties.put(
                "edialog.pki.crls",
                String.join(
                        ",",
                        List.of("root.crl", "public-ca.crl", "official-ca.crl").stream()
                                .map(name -> dir.resolve(name).toString())
                                .toList()));
        properties.put("edialog.pki.revocation", "require");
        // as in the demo PKI: the public CA issues businesses and citizens, the official-duty CA agencies
        properties.put(
                "edialog.pki.identity-issuers.business",
                dir.resolve("public-ca.pem").toString());
        properties.put(
                "edialog.pki.identity-issuers.citizen",
                dir.resolve("public-ca.pem").toString());
        properties.put(
                "edialog.pki.identity-issuers.agency",
                dir.resolve("official-ca.pem").toString());
        properties.put(
                "edialog.signing.system.key-store", dir.resolve("system.p12").toString());
        properties.put("edialog.signing.system.password", PASSWORD);
        for (Agency agency : TenantCatalog.demo().tenant("demo").orElseThrow().agencies()) {
            String prefix = "edialog.signing.agencies.demo." + agency.code() + ".";
            properties.put(
                    prefix + "key-store",
                    dir.resolve("agency-demo-" + agency.code() + ".p12").toString());
            properties.put(prefix + "password", PASSWORD);
            String decryption = "edialog.confidentiality.agencies.demo." + agency.code() + ".";
            properties.put(
                    decryption + "key-store",
                    dir.resolve("agency-demo-" + agency.code() + "-encryption.p12")
                            .toString());
            properties.put(decryption + "password", PASSWORD);
        }
        return properties;
    }
}
