package io.plus.serve.users;

/** A user as the API names one: a tenant and the tenant's user id. */
public record UserKey(String tenant, String user) {
}
