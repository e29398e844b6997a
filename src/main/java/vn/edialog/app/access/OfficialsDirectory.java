package vn.edialog.app.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.command.tenant.Agency;
import vn.edialog.command.tenant.Tenant;

/**
 * Who an official is: the Camunda user, and the tenant and agency given by membership of a role group {@code
 * <tenant>-<agency>-<role>}. An official acts for exactly one agency; a user in the groups of two agencies is refused,
 * since the server would not know whose key to sign with.
 */
@Component
public class OfficialsDirectory {

    private final IdentityService identity;
    private final Tenants tenants;

    OfficialsDirectory(IdentityService identity, Tenants tenants) {
        this.identity = identity;
        this.tenants = tenants;
    }

    /** The official behind a Camunda user, or empty when the user belongs to no agency. */
    public Optional<Official> find(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return Optional.empty();
        }
        List<Group> groups = identity.createGroupQuery().groupMember(userId).list();
        Official found = null;
        for (Tenant tenant : tenants.all()) {
            for (Agency agency : tenant.agencies()) {
                for (OfficialRole role : OfficialRole.values()) {
                    String groupId = role.groupId(tenant.code(), agency.code());
                    if (groups.stream().anyMatch(g -> g.getId().equals(groupId))) {
                        Official official = new Official(userId, displayName(user), tenant.code(), agency.code());
                        if (found != null
                                && !(found.tenant().equals(official.tenant())
                                        && found.agency().equals(official.agency()))) {
                            throw new IllegalStateException("User " + userId + " belongs to two agencies ("
                                    + found.tenant() + "/" + found.agency() + " and " + official.tenant() + "/"
                                    + official.agency() + "); an official acts for one agency only");
                        }
                        found = official;
                    }
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** The roles the user holds in the official's agency (its {@code <tenant>-<agency>-<role>} groups). */
    public Set<OfficialRole> roles(Official official) {
        Set<String> groups = identity.createGroupQuery().groupMember(official.userId()).list().stream()
                .map(Group::getId)
                .collect(Collectors.toSet());
        Set<OfficialRole> roles = EnumSet.noneOf(OfficialRole.class);
        for (OfficialRole role : OfficialRole.values()) {
            if (groups.contains(role.groupId(official.tenant(), official.agency()))) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** Whether the password is the user's (Camunda's identity service). */
    public boolean checkPassword(String userId, String password) {
        return identity.checkPassword(userId, password);
    }

    /** The official, or a refusal naming the user. */
    public Official require(String userId) {
        return find(userId)
                .orElseThrow(() -> new IllegalStateException(
                        "User " + userId + " is not an official of any agency (no <tenant>-<agency>-<role> group)"));
    }

    private static String displayName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                        + (user.getLastName() == null ? "" : user.getLastName()))
                .strip();
        return name.isEmpty() ? user.getId() : name;
    }
}
