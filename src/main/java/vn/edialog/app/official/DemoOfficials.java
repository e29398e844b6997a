package vn.edialog.app.official;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.edialog.app.access.OfficialRole;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.command.tenant.Agency;
import vn.edialog.command.tenant.AgencyKind;
import vn.edialog.command.tenant.Tenant;

/**
 * The embedded default's officials: for every agency of every tenant its role groups, and one demo account per role
 * ({@code <agency>.moderator} for the People's Committee, {@code <agency>.officer} for departments, {@code
 * <agency>.leader} for all), all with the password {@code edialog.officials.demo-password} and an address {@code
 * <user>@<tenant>.edialog.test} for reminders and escalations. Created once; existing users and groups are left as they
 * are, except that an account without an address gets one.
 */
@Component
@ConditionalOnProperty(name = "edialog.pki.demo", havingValue = "true")
public class DemoOfficials {

    /** One demo account: who it is, in which province and agency. */
    public record Account(String tenant, String tenantName, String userId, String title, String agencyName) {}

    private static final Logger log = LoggerFactory.getLogger(DemoOfficials.class);

    private final IdentityService identity;
    private final Tenants tenants;
    private final String password;

    DemoOfficials(
            IdentityService identity,
            Tenants tenants,
            @Value("${edialog.officials.demo-password:demo}") String password) {
        this.identity = identity;
        this.tenants = tenants;
        this.password = password;
    }

    /** Runs before the start-up message so that it can list the accounts. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void create() {
        List<String> created = new ArrayList<>();
        for (Tenant tenant : tenants.all()) {
            for (Agency agency : tenant.agencies()) {
                for (OfficialRole role : rolesOf(agency)) {
                    String groupId = role.groupId(tenant.code(), agency.code());
                    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
                        Group group = identity.newGroup(groupId);
                        group.setName(groupName(role, agency));
                        group.setType("WORKFLOW");
                        identity.saveGroup(group);
                    }
                    String userId = userId(tenant, agency, role);
                    User user = identity.createUserQuery().userId(userId).singleResult();
                    if (user == null) {
                        user = identity.newUser(userId);
                        user.setFirstName(roleTitle(role));
                        user.setLastName(agency.nameVi());
                        user.setEmail(email(tenant, userId));
                        user.setPassword(password);
                        identity.saveUser(user);
                        identity.createMembership(userId, groupId);
                        created.add(userId);
                    } else if (user.getEmail() == null || user.getEmail().isBlank()) {
                        // Accounts made before officials had addresses get one, so reminders reach them.
                        user.setEmail(email(tenant, userId));
                        identity.saveUser(user);
                    }
                }
            }
        }
        if (!created.isEmpty()) {
            log.info("Created the demo officials (password '{}'): {}", password, String.join(", ", created));
        }
    }

    /**
     * The demo accounts of the configured provinces, in province and agency order: each once, with the id it has
     * now (accounts left from an earlier configuration are not listed).
     */
    public List<Account> accounts() {
        List<Account> accounts = new ArrayList<>();
        for (Tenant tenant : tenants.all()) {
            for (Agency agency : tenant.agencies()) {
                for (OfficialRole role : rolesOf(agency)) {
                    accounts.add(new Account(
                            tenant.code(),
                            tenant.nameVi(),
                            userId(tenant, agency, role),
                            roleTitle(role),
                            agency.nameVi()));
                }
            }
        }
        return accounts;
    }

    /**
     * The accounts in aligned columns (the id column as wide as the longest id), under a line per province when there
     * is more than one.
     */
    public String accountTable() {
        List<Account> accounts = accounts();
        int idWidth = accounts.stream().mapToInt(a -> a.userId().length()).max().orElse(0);
        int titleWidth =
                accounts.stream().mapToInt(a -> a.title().length()).max().orElse(0);
        boolean provinces = accounts.stream().map(Account::tenant).distinct().count() > 1;
        StringBuilder table = new StringBuilder();
        String tenant = null;
        for (Account account : accounts) {
            if (provinces && !account.tenant().equals(tenant)) {
                tenant = account.tenant();
                table.append("    ").append(account.tenantName()).append(":\n");
            }
            table.append(provinces ? "      " : "    ")
                    .append(String.format(
                            "%-" + idWidth + "s  %-" + titleWidth + "s  %s",
                            account.userId(),
                            account.title(),
                            account.agencyName()))
                    .append('\n');
        }
        return table.toString();
    }

    /** A demo address in the reserved {@code .test} domain: the embedded default logs its mails instead of sending. */
    static String email(Tenant tenant, String userId) {
        return userId + "@" + tenant.code() + ".edialog.test";
    }

    /** {@code <agency>.<role>}; with more than one province {@code <tenant>.<agency>.<role>}, as agency codes repeat. */
    private String userId(Tenant tenant, Agency agency, OfficialRole role) {
        String userId = agency.code() + "." + role.suffix().replaceAll("s$", "");
        return tenants.all().size() > 1 ? tenant.code() + "." + userId : userId;
    }

    static List<OfficialRole> rolesOf(Agency agency) {
        return agency.kind() == AgencyKind.MODERATOR
                ? List.of(OfficialRole.MODERATORS, OfficialRole.LEADERS)
                : List.of(OfficialRole.OFFICERS, OfficialRole.LEADERS);
    }

    private static String roleTitle(OfficialRole role) {
        return switch (role) {
            case MODERATORS -> "Cán bộ tiếp nhận";
            case OFFICERS -> "Chuyên viên";
            case LEADERS -> "Lãnh đạo";
        };
    }

    private static String groupName(OfficialRole role, Agency agency) {
        return roleTitle(role) + " — " + agency.nameVi();
    }
}
