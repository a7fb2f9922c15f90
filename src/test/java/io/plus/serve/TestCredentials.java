package io.plus.serve;

import io.plus.serve.auth.ApiKeyAdmin;
import io.plus.serve.auth.Scope;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys for the serving tests, made in the test database as `plus keys create` makes them: the
 * tests act as a client of the tenant their request names (its ?tenant= or body "tenant", else the
 * tenant "default"), holding a key of that tenant with every scope; registry and audit calls carry the
 * admin token. A request that sets its own Authorization header, or {@link #ANONYMOUS}, is sent as it is.
 */
public final class TestCredentials {
    /** Sends the request without a credential (the header itself is removed). */
    public static final String ANONYMOUS = "X-Test-Anonymous";
    public static final String DEFAULT_TENANT = "default";
    /** The test configuration's PLUS_ADMIN_TOKEN, sent on registry and audit calls. */
    public static final String ADMIN_TOKEN = "test-admin-token";
    private static final Pattern BODY_TENANT = Pattern.compile("\"tenant\"\\s*:\\s*\"([A-Za-z0-9._:@-]{1,128})\"");
    /** A Map or List body before serialization, as its toString shows it. */
    private static final Pattern MAP_TENANT = Pattern.compile("[{ ,]tenant=([A-Za-z0-9._:@-]{1,128})[,}]");
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private TestCredentials() {
    }

    /** Installs the filter and forgets keys of a previous (reset) database. */
    static void install() {
        TOKENS.clear();
        RestAssured.replaceFiltersWith(new Filter() {
            @Override
            public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                                   FilterContext context) {
                if (request.getHeaders().hasHeaderWithName(ANONYMOUS)) {
                    request.removeHeader(ANONYMOUS);
                } else if (!request.getHeaders().hasHeaderWithName("Authorization") && request.getURI().contains("/v1/")) {
                    boolean admin = request.getURI().contains("/v1/models") || request.getURI().contains("/v1/audit");
                    request.header("Authorization", "Bearer " + (admin ? ADMIN_TOKEN : tokenFor(tenantOf(request))));
                }
                return context.next(request, response);
            }
        });
    }

    /** A token of {@code tenant} with every data scope (made once per database). */
    public static String tokenFor(String tenant) {
        return TOKENS.computeIfAbsent(tenant, t -> create(t, EnumSet.allOf(Scope.class)).token());
    }

    /** The key id of {@link #tokenFor}'s key: what the audit log names as the actor. */
    public static String keyIdOf(String tenant) {
        return io.plus.serve.auth.KeyTokens.parse(tokenFor(tenant)).orElseThrow().keyId();
    }

    /** A new key of {@code tenant} with {@code scopes}. */
    public static ApiKeyAdmin.Created create(String tenant, EnumSet<Scope> scopes) {
        return withKeys(keys -> keys.create(tenant, scopes, "test", Optional.empty()));
    }

    public static <T> T withKeys(KeysWork<T> work) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            return work.run(new ApiKeyAdmin(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the test database's api_key table", e);
        }
    }

    /** Work on the test database's keys. */
    public interface KeysWork<T> {
        T run(ApiKeyAdmin keys) throws SQLException;
    }

    private static String tenantOf(FilterableRequestSpecification request) {
        Object query = request.getQueryParams().get("tenant");
        if (query != null) {
            return query.toString();
        }
        Matcher inUri = Pattern.compile("[?&]tenant=([^&]+)").matcher(request.getURI());
        if (inUri.find()) {
            return inUri.group(1);
        }
        Object body = request.getBody();
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : body == null ? "" : body.toString();
        Matcher inBody = BODY_TENANT.matcher(text);
        if (inBody.find()) {
            return inBody.group(1);
        }
        Matcher inMap = MAP_TENANT.matcher(text);
        return inMap.find() ? inMap.group(1) : DEFAULT_TENANT;
    }
}
