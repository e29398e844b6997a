package vn.edialog.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.edialog.app.support.EDialogIntegrationTest;

/** Officials are Camunda users; their agency comes from membership of a {@code <tenant>-<agency>-<role>} group. */
@EDialogIntegrationTest
class OfficialsDirectoryIT {

    @Autowired
    IdentityService identity;

    @Autowired
    OfficialsDirectory directory;

    private void user(String id, String... groups) {
        var user = identity.newUser(id);
        user.setFirstName("Lê");
        user.setLastName("Thị Hoa");
        user.setPassword("secret");
        identity.saveUser(user);
        for (String group : groups) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                identity.saveGroup(identity.newGroup(group));
            }
            identity.createMembership(id, group);
        }
    }

    @Test
    void anOfficialActsForTheAgencyOfHerRoleGroup() {
        user(
                "hoa.skhdt",
                OfficialRole.OFFICERS.groupId("demo", "skhdt"),
                OfficialRole.LEADERS.groupId("demo", "skhdt"));
        assertThat(directory.require("hoa.skhdt")).isEqualTo(new Official("hoa.skhdt", "Lê Thị Hoa", "demo", "skhdt"));
    }

    @Test
    void aUserWithoutAnAgencyGroupIsNoOfficial() {
        user("visitor", "some-other-group");
        assertThat(directory.find("visitor")).isEmpty();
        assertThat(directory.find("nobody")).isEmpty();
        assertThatThrownBy(() -> directory.require("visitor")).hasMessageContaining("not an official");
    }

    @Test
    void aUserInTwoAgenciesIsRefused() {
        user("two.hats", OfficialRole.OFFICERS.groupId("demo", "skhdt"), OfficialRole.OFFICERS.groupId("demo", "thue"));
        assertThatThrownBy(() -> directory.find("two.hats")).hasMessageContaining("two agencies");
    }
}
