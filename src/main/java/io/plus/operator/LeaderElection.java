package io.plus.operator;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With more than one operator replica, one leads (a Lease named {@code plus-operator} in the
 * operator's namespace; RBAC: get, create, update on coordination.k8s.io leases) and the others wait.
 * The Operator SDK applies it in the prod profile.
 */
public class LeaderElection {
    @Produces
    @Dependent
    LeaderElectionConfiguration leaderElection(
            @ConfigProperty(name = "plus.operator.leader-election", defaultValue = "true") boolean enabled) {
        return enabled ? new LeaderElectionConfiguration("plus-operator") : null;
    }
}
