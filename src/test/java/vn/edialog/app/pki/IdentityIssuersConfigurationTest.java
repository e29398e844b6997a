package vn.edialog.app.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.edialog.app.support.TestPkiFiles;
import vn.edialog.app.support.TwoProvinces;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.signature.IdentityIssuers;
import vn.edialog.command.signature.IdentityType;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.command.tenant.TenantCatalog;

/** The keys {@code edialog.pki.identity-issuers.<type>} and {@code edialog.pki.tenant-identity-issuers.<tenant>.<type>}
 * with the test PKI's CA files. */
class IdentityIssuersConfigurationTest {

    private static final TestPki PKI = TestPki.shared();
    private static final Path DIR = TestPkiFiles.directory();

    private static List<Tenant> tenants() throws Exception {
        Tenant demo = TenantCatalog.demo().tenant("demo").orElseThrow();
        try (InputStream json = TwoProvinces.class.getResourceAsStream("/tenants/" + TwoProvinces.OTHER + ".json")) {
            return List.of(
                    demo, TenantCatalog.load(json).tenant(TwoProvinces.OTHER).orElseThrow());
        }
    }

    private static PkiProperties properties(
            Map<String, List<Path>> common, Map<String, Map<String, List<Path>>> perTenant) {
        return new PkiProperties(null, null, null, null, null, false, common, perTenant);
    }

    private static boolean allows(IdentityIssuers issuers, String tenant, IdentityType type, X509Certificate ca) {
        return issuers.allows(tenant, type, ca.getSubjectX500Principal(), ca.getPublicKey());
    }

    @Test
    void commonIssuersApplyToEveryTenantAndATenantMayAddItsOwn() throws Exception {
        IdentityIssuers issuers = PkiConfiguration.identityIssuers(
                properties(
                        Map.of("business", List.of(DIR.resolve("public-ca.pem"))),
                        Map.of(TwoProvinces.OTHER, Map.of("BUSINESS", List.of(DIR.resolve("official-ca.pem"))))),
                Map.of(),
                tenants());
        X509Certificate publicCa = PKI.publicCa().certificate();
        X509Certificate officialCa = PKI.officialCa().certificate();

        assertThat(allows(issuers, "demo", IdentityType.BUSINESS, publicCa)).isTrue();
        assertThat(allows(issuers, "demo", IdentityType.BUSINESS, officialCa)).isFalse();
        assertThat(allows(issuers, TwoProvinces.OTHER, IdentityType.BUSINESS, officialCa))
                .isTrue();
        assertThat(allows(issuers, "demo", IdentityType.CITIZEN, publicCa))
                .as("a type no CA is named for")
                .isFalse();
    }

    @Test
    void theDemoPkiMapsItsPublicCaToBusinessesAndCitizensAndItsOfficialCaToAgencies() throws Exception {
        List<X509Certificate> publicCa = List.of(PKI.publicCa().certificate());
        IdentityIssuers issuers = PkiConfiguration.identityIssuers(
                properties(Map.of(), Map.of()),
                Map.of(
                        IdentityType.BUSINESS,
                        publicCa,
                        IdentityType.CITIZEN,
                        publicCa,
                        IdentityType.AGENCY,
                        List.of(PKI.officialCa().certificate())),
                tenants());

        assertThat(allows(issuers, "demo", IdentityType.AGENCY, PKI.officialCa().certificate()))
                .isTrue();
        assertThat(allows(
                        issuers, "demo", IdentityType.BUSINESS, PKI.officialCa().certificate()))
                .isFalse();
    }

    @Test
    void withNothingConfiguredEveryTrustedCaMayIssueEveryType() throws Exception {
        IdentityIssuers issuers = PkiConfiguration.identityIssuers(
                properties(Map.of("business", List.of(Path.of(""))), Map.of()), Map.of(), tenants());

        assertThat(allows(
                        issuers, "demo", IdentityType.BUSINESS, PKI.officialCa().certificate()))
                .as("an empty environment variable configures nothing")
                .isTrue();
    }

    @Test
    void anUnknownIdentityTypeOrTenantStopsTheStart() {
        assertThatThrownBy(() -> PkiConfiguration.identityIssuers(
                        properties(Map.of("company", List.of(DIR.resolve("public-ca.pem"))), Map.of()),
                        Map.of(),
                        tenants()))
                .hasMessageContaining("business, citizen or agency");
        assertThatThrownBy(() -> PkiConfiguration.identityIssuers(
                        properties(
                                Map.of(),
                                Map.of("atlantis", Map.of("business", List.of(DIR.resolve("public-ca.pem"))))),
                        Map.of(),
                        tenants()))
                .hasMessageContaining("unknown tenant atlantis");
    }
}
