package vn.edialog.app.support;

import org.camunda.bpm.engine.IdentityService;

/** Officials for tests: a Camunda user in a role group {@code <tenant>-<agency>-<role>}, created once per database. */
public final class TestOfficials {

    private TestOfficials() {}

    /** Creates the group and the user (first and last name, password) unless they exist, and the membership. */
    public static void ensure(
            IdentityService identity,
            String userId,
            String groupId,
            String password,
            String firstName,
            String lastName) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            identity.saveGroup(identity.newGroup(groupId));
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            var user = identity.newUser(userId);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setPassword(password);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    /** An official named "Cán bộ <userId>". */
    public static void ensure(IdentityService identity, String userId, String groupId, String password) {
        ensure(identity, userId, groupId, password, "Cán bộ", userId);
    }
}
