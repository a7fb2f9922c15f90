package io.plus.serve.db;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * The one way request code reaches tenant data: a transaction that first becomes the role
 * {@code plus_request} and sets the tenant of the caller's credential, so PostgreSQL's row-level
 * security (V7) limits every statement in it to that tenant's rows, whatever its own filter says.
 * Both settings are transaction-local: a pooled connection carries neither into its next use.
 */
public final class TenantTransactions {
    /** A SELECT run as an update: Hibernate caches no plan for it (a native select's plan key is new per call). */
    private static final String BIND = "SELECT set_config('role', 'plus_request', true), set_config('plus.tenant', ?1, true)";

    private TenantTransactions() {
    }

    /** {@code work} in a transaction bound to {@code tenant}; it commits when {@code work} succeeds. */
    public static <T> Uni<T> of(String tenant, Supplier<Uni<T>> work) {
        if (tenant == null || tenant.isEmpty()) {
            throw new IllegalArgumentException("a tenant transaction needs the caller's tenant");
        }
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(BIND).setParameter(1, tenant).executeUpdate())
                .chain(ignored -> work.get()));
    }
}
