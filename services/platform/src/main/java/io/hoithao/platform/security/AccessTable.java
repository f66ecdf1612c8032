package io.hoithao.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * A service's coarse access rules as a table under its API's path: each row names a method (or every method), the
 * paths below the API ({@code ""} is the API's own path) and who may call them, anyone or the callers with one of
 * the roles. The rows apply in the order written, before the platform's last rule that everything else needs a
 * signed-in caller; which event or whose registration is for the handlers to decide.
 */
public final class AccessTable implements EndpointRules {

    /** Who runs events: administrators, and organisers of the event's unit (the handlers check the unit). */
    public static final List<Role> MANAGERS = List.of(Role.ADMIN, Role.ORGANISER);

    private record Row(HttpMethod method, String[] paths, String[] roles) {
    }

    private final String api;
    private final List<Row> rows = new ArrayList<>();

    private AccessTable(String api) {
        this.api = api;
    }

    /** A table for the paths below {@code api}, e.g. {@code /api/registrations}. */
    public static AccessTable under(String api) {
        return new AccessTable(api);
    }

    /** Anyone may call these, signed in or not ({@code method} null: with any method). */
    public AccessTable anyone(HttpMethod method, String... paths) {
        return row(method, paths, null);
    }

    /** Only the {@link #MANAGERS} may call these ({@code method} null: with any method). */
    public AccessTable managers(HttpMethod method, String... paths) {
        return roles(method, MANAGERS, paths);
    }

    /** Only callers with one of {@code roles} may call these ({@code method} null: with any method). */
    public AccessTable roles(HttpMethod method, List<Role> roles, String... paths) {
        return row(method, paths, roles.stream().map(Role::name).toArray(String[]::new));
    }

    private AccessTable row(HttpMethod method, String[] paths, String[] roles) {
        rows.add(new Row(method, Arrays.stream(paths).map(path -> api + path).toArray(String[]::new), roles));
        return this;
    }

    @Override
    public void configure(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
        for (Row row : rows) {
            ServerHttpSecurity.AuthorizeExchangeSpec.Access access = row.method() == null
                    ? exchanges.pathMatchers(row.paths())
                    : exchanges.pathMatchers(row.method(), row.paths());
            if (row.roles() == null) {
                access.permitAll();
            } else {
                access.hasAnyRole(row.roles());
            }
        }
    }
}
