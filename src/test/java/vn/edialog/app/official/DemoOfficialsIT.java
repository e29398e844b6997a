package vn.edialog.app.official;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.edialog.app.support.TwoProvinces;
import vn.edialog.app.support.TwoProvincesIntegrationTest;

/** The demo accounts of a deployment serving two provinces, as the start-up message lists them. */
@TwoProvincesIntegrationTest
class DemoOfficialsIT {

    @Autowired
    IdentityService identity;

    @Autowired
    vn.edialog.app.tenant.Tenants tenants;

    @Test
    void twoProvincesListEachAccountOnceUnderItsProvinceInAlignedColumnsWithAnAddress() {
        DemoOfficials officials = new DemoOfficials(identity, tenants, "demo");
        officials.create();
        officials.create();

        List<DemoOfficials.Account> accounts = officials.accounts();
        String table = officials.accountTable();
        List<String> rows =
                table.lines().filter(line -> line.startsWith("      ")).toList();
        assertThat(rows).hasSameSizeAs(accounts);
        assertThat(rows.stream().map(row -> row.strip().split(" ")[0]).toList())
                .doesNotHaveDuplicates()
                .contains("demo.ubnd.moderator", TwoProvinces.OTHER + ".ubnd.moderator");
        assertThat(table.lines().filter(line -> line.startsWith("    ") && line.endsWith(":")))
                .as("one heading per province")
                .hasSize(2);
        // Columns: every row's agency name starts at the same position, whatever the length of the id before it.
        assertThat(rows.stream()
                        .map(row ->
                                row.lastIndexOf(accounts.get(rows.indexOf(row)).agencyName()))
                        .distinct())
                .hasSize(1);
        assertThat(identity.createUserQuery()
                        .userId(TwoProvinces.OTHER + ".skhdt.officer")
                        .singleResult()
                        .getEmail())
                .isEqualTo(TwoProvinces.OTHER + ".skhdt.officer@" + TwoProvinces.OTHER + ".edialog.test");
    }
}
