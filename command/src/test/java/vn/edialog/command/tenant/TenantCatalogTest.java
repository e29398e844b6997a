package vn.edialog.command.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TenantCatalogTest {

    private final TenantCatalog demo = TenantCatalog.demo();

    @Test
    void theDemoProvinceIsModeratedByItsPeoplesCommittee() {
        Tenant tenant = demo.tenant("demo").orElseThrow();
        assertThat(tenant.nameVi()).isEqualTo("Tỉnh Demo");
        assertThat(tenant.nameEn()).isEqualTo("Demo Province");
        assertThat(tenant.moderatorAgency()).isEqualTo("ubnd");
        Agency ubnd = tenant.agency("ubnd").orElseThrow();
        assertThat(ubnd.kind()).isEqualTo(AgencyKind.MODERATOR);
        assertThat(ubnd.nameVi()).isEqualTo("Ủy ban nhân dân tỉnh Demo");
    }

    @Test
    void theDemoProvinceHasItsFourDepartmentsWithDistinctBudgetCodes() {
        Tenant tenant = demo.tenant("demo").orElseThrow();
        assertThat(tenant.agencies().stream()
                        .filter(a -> a.kind() == AgencyKind.DEPARTMENT)
                        .map(Agency::code))
                .containsExactly("skhdt", "stnmt", "stttt", "thue");
        assertThat(tenant.agency("skhdt").orElseThrow().nameVi()).isEqualTo("Sở Kế hoạch và Đầu tư");
        assertThat(tenant.agency("thue").orElseThrow().nameEn()).isEqualTo("Provincial Tax Department");
        Set<String> budgetCodes =
                tenant.agencies().stream().map(Agency::budgetCode).collect(Collectors.toSet());
        assertThat(budgetCodes).hasSize(5).allMatch(code -> code.matches("\\d{7}"));
    }

    @Test
    void anAgencyIsFoundByItsCertificateUid() {
        Agency stnmt = demo.agency("demo", "stnmt").orElseThrow();
        assertThat(stnmt.certificateUid()).isEqualTo("MNS:" + stnmt.budgetCode());
        assertThat(demo.tenant("demo").orElseThrow().agencyByCertificateUid(stnmt.certificateUid()))
                .contains(stnmt);
    }

    @Test
    void theDemoTopicsSuggestAnExistingAgencyAndHaveFields() {
        Tenant tenant = demo.tenant("demo").orElseThrow();
        assertThat(tenant.topics()).hasSizeBetween(6, 8);
        assertThat(tenant.topics()).allSatisfy(topic -> {
            assertThat(tenant.agency(topic.suggestedAgency())).isPresent();
            assertThat(topic.fields()).isNotEmpty();
            assertThat(topic.code()).matches("[a-z0-9-]+");
        });
        Topic registration = demo.topic("demo", "dang-ky-kinh-doanh").orElseThrow();
        assertThat(registration.suggestedAgency()).isEqualTo("skhdt");
        assertThat(registration.fields()).anyMatch(FormField::required);
    }

    @Test
    void unknownCodesAreNotFound() {
        assertThat(demo.tenant("ha-noi")).isEmpty();
        assertThat(demo.agency("demo", "syt")).isEmpty();
        assertThat(demo.topic("demo", "giao-thong")).isEmpty();
        assertThat(demo.agency("ha-noi", "ubnd")).isEmpty();
    }

    @Test
    void theCatalogCannotBeChanged() {
        Tenant tenant = demo.tenant("demo").orElseThrow();
        assertThatThrownBy(() -> demo.tenants().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> tenant.agencies().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> tenant.topics().get(0).fields().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTopicSuggestingAnUnknownAgencyIsRefused() {
        assertRefused(tenant(AGENCIES, topic("syt")), "suggestedAgency syt is unknown");
    }

    @Test
    void aTenantWithoutAModeratorIsRefused() {
        assertRefused(
                tenant("[" + agency("skhdt", "1000202", "DEPARTMENT") + "]", topic("skhdt")),
                "exactly one MODERATOR agency is required, found 0");
    }

    @Test
    void aTenantWithTwoModeratorsIsRefused() {
        assertRefused(
                tenant(
                        "[" + agency("ubnd", "1000101", "MODERATOR") + "," + agency("hdnd", "1000909", "MODERATOR")
                                + "]",
                        topic("ubnd")),
                "found 2");
    }

    @Test
    void aModeratorAgencyThatIsNotTheModeratorIsRefused() {
        assertRefused(
                """
                {"code":"demo","nameVi":"Tỉnh Demo","nameEn":"Demo Province","moderatorAgency":"skhdt",
                 "agencies":%s,"topics":[%s]}"""
                        .formatted(AGENCIES, topic("skhdt")),
                "is not the MODERATOR agency ubnd");
    }

    @Test
    void aBudgetCodeThatIsNotSevenDigitsIsRefused() {
        assertRefused(
                tenant("[" + agency("ubnd", "10001", "MODERATOR") + "]", topic("ubnd")), "budgetCode must be 7 digits");
    }

    @Test
    void twoAgenciesWithTheSameBudgetCodeAreRefused() {
        assertRefused(
                tenant(
                        "[" + agency("ubnd", "1000101", "MODERATOR") + "," + agency("skhdt", "1000101", "DEPARTMENT")
                                + "]",
                        topic("ubnd")),
                "is used twice");
    }

    @Test
    void anUnknownPropertyIsRefused() {
        assertRefused(
                tenant(AGENCIES, topic("ubnd")).replace("\"nameEn\":\"Demo Province\"", "\"nameEn\":\"Demo\",\"x\":1"),
                "unreadable");
    }

    @Test
    void theSameTenantTwiceIsRefused() {
        String json = tenant(AGENCIES, topic("ubnd"));
        assertThatThrownBy(() -> TenantCatalog.load(stream(json), stream(json)))
                .isInstanceOf(InvalidTenantCatalog.class)
                .hasMessageContaining("defined twice");
    }

    @Test
    void severalTenantsLoadTogether() {
        String other = tenant(AGENCIES, topic("ubnd")).replace("\"code\":\"demo\"", "\"code\":\"demo-2\"");
        TenantCatalog catalog = TenantCatalog.load(stream(tenant(AGENCIES, topic("ubnd"))), stream(other));
        assertThat(catalog.tenants()).extracting(Tenant::code).containsExactlyInAnyOrder("demo", "demo-2");
    }

    @Test
    void tenantsBuiltInCodeAreValidatedToo() {
        Tenant noModerator = new Tenant(
                "demo",
                "Tỉnh Demo",
                "Demo Province",
                "ubnd",
                List.of(new Agency("skhdt", "1000202", "Sở Kế hoạch và Đầu tư", "DPI", AgencyKind.DEPARTMENT)),
                List.of());
        assertThatThrownBy(() -> TenantCatalog.of(List.of(noModerator))).isInstanceOf(InvalidTenantCatalog.class);
    }

    private static final String AGENCIES =
            "[" + agency("ubnd", "1000101", "MODERATOR") + "," + agency("skhdt", "1000202", "DEPARTMENT") + "]";

    private static String agency(String code, String budgetCode, String kind) {
        return """
                {"code":"%s","budgetCode":"%s","nameVi":"Cơ quan %s","nameEn":"Agency %s","kind":"%s"}"""
                .formatted(code, budgetCode, code, code, kind);
    }

    private static String topic(String suggestedAgency) {
        return """
                {"code":"phan-anh","nameVi":"Phản ánh, kiến nghị","nameEn":"Petitions","suggestedAgency":"%s",
                 "fields":[{"name":"diaDiem","labelVi":"Địa điểm","labelEn":"Place","required":false}]}"""
                .formatted(suggestedAgency);
    }

    private static String tenant(String agencies, String topic) {
        return """
                {"code":"demo","nameVi":"Tỉnh Demo","nameEn":"Demo Province","moderatorAgency":"ubnd",
                 "agencies":%s,"topics":[%s]}"""
                .formatted(agencies, topic);
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> TenantCatalog.load(stream(json)))
                .isInstanceOf(InvalidTenantCatalog.class)
                .hasMessageContaining(message);
    }
}
