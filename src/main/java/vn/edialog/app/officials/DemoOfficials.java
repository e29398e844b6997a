package vn.edialog.app.officials;

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
import vn.edialog.app.tenant.Tenants;
import vn.edialog.command.tenant.Agency;
import vn.edialog.command.tenant.AgencyKind;
import vn.edialog.command.tenant.Tenant;

/**
 * The embedded default's officials: for every agency of every tenant its role groups, and one demo account per role
 * ({@code <agency>.moderator} for the People's Committee, {@code <agency>.officer} for departments, {@code
 * <agency>.leader} for all), all with the password {@code edialog.officials.demo-password}. Created once; existing
 * users and groups are left as they are.
 */
@Component
@ConditionalOnProperty(name = "edialog.pki.demo", havingValue = "true")
class DemoOfficials {

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
                    String userId = agency.code() + "." + role.suffix().replaceAll("s$", "");
                    if (tenants.all().size() > 1) {
                        userId = tenant.code() + "." + userId;
                    }
                    if (identity.createUserQuery().userId(userId).count() == 0) {
                        User user = identity.newUser(userId);
                        user.setFirstName(roleTitle(role));
                        user.setLastName(agency.nameVi());
                        user.setPassword(password);
                        identity.saveUser(user);
                        identity.createMembership(userId, groupId);
                        created.add(userId);
                    }
                }
            }
        }
        if (!created.isEmpty()) {
            log.info("Created the demo officials (password '{}'): {}", password, String.join(", ", created));
        }
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
