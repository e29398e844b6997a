package vn.edialog.app.official;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.edialog.app.access.OfficialRole;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.command.tenant.Agency;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.processes.dialogue.DialogueProcess;

/**
 * With Camunda's authorization on, an official sees in the Tasklist and through {@code /engine-rest} only the tasks his
 * groups are candidates of: Camunda grants those per task as it creates them (and takes them back with the candidate
 * group, for example when a task is escalated). What the role groups need beyond that is granted here, at start-up,
 * for every {@code <tenant>-<agency>-<role>} group of the configured tenants: access to the Tasklist application,
 * reading the shared queues (filters, whose results are still limited to readable tasks), reading their own group
 * (see {@link #grantsFor}), and reading the dialogue process's definition (its name and forms) — never its tasks or instances as a whole. The
 * grants are idempotent; an administrator's own grants are left alone.
 */
@Component
class TasklistAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(TasklistAuthorizations.class);

    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final Tenants tenants;

    TasklistAuthorizations(AuthorizationService authorizations, IdentityService identity, Tenants tenants) {
        this.authorizations = authorizations;
        this.identity = identity;
        this.tenants = tenants;
    }

    private record Grant(Resource resource, String resourceId, Permission permission) {}

    /**
     * A group created while authorization is on is granted READ on itself by Camunda; one created before (an
     * installation that ran without authorization) is granted it here. Granting it ahead of the group's creation
     * would collide with Camunda's own grant.
     */
    private List<Grant> grantsFor(String groupId) {
        List<Grant> grants = new ArrayList<>(List.of(
                new Grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS),
                new Grant(Resources.FILTER, Authorization.ANY, Permissions.READ),
                new Grant(Resources.PROCESS_DEFINITION, DialogueProcess.PROCESS_KEY, Permissions.READ),
                new Grant(Resources.PROCESS_DEFINITION, DialogueProcess.PUBLICATION_PROCESS_KEY, Permissions.READ)));
        if (identity.createGroupQuery().groupId(groupId).count() > 0) {
            grants.add(new Grant(Resources.GROUP, groupId, Permissions.READ));
        }
        return grants;
    }

    /** Runs before the demo officials and the queues are created, which makes no difference to the grants. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(-10)
    void grant() {
        List<String> granted = new ArrayList<>();
        for (Tenant tenant : tenants.all()) {
            for (Agency agency : tenant.agencies()) {
                for (OfficialRole role : OfficialRole.values()) {
                    String groupId = role.groupId(tenant.code(), agency.code());
                    for (Grant grant : grantsFor(groupId)) {
                        if (ensure(groupId, grant)) {
                            granted.add(groupId);
                        }
                    }
                }
            }
        }
        if (!granted.isEmpty()) {
            log.info(
                    "Granted Tasklist access to {} role groups",
                    granted.stream().distinct().count());
        }
    }

    private boolean ensure(String groupId, Grant grant) {
        Authorization existing = authorizations
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .singleResult();
        if (existing != null && existing.isPermissionGranted(grant.permission())) {
            return false;
        }
        Authorization authorization =
                existing != null ? existing : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        authorization.addPermission(grant.permission());
        authorizations.saveAuthorization(authorization);
        return true;
    }
}
