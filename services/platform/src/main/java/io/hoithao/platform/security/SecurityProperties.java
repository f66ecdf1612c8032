package io.hoithao.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the access token keeps who the caller is. The defaults match the suite's own issuer and
 * the Keycloak realm in {@code infra/compose/keycloak}; an issuer with other claim names is
 * configured here, not in code. The issuer, its key set and the audience are Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 *
 * @param rolesClaim a claim holding a list of role names; a dotted path reaches into objects
 *                   (Keycloak's default is {@code realm_access.roles})
 * @param unitClaim  the claim with the name of the caller's unit, for display
 * @param unitIdClaim the claim with the id of the caller's confirmed unit in the units directory (rights and counts)
 * @param emailClaim the claim with the person's email address (ownership of their objects)
 * @param nameClaim  the claim with the person's display name
 */
@ConfigurationProperties("hoithao.security")
public record SecurityProperties(String rolesClaim, String unitClaim, String emailClaim, String nameClaim, String unitIdClaim) {

    public SecurityProperties {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        unitClaim = unitClaim == null || unitClaim.isBlank() ? "unit" : unitClaim;
        emailClaim = emailClaim == null || emailClaim.isBlank() ? "email" : emailClaim;
        nameClaim = nameClaim == null || nameClaim.isBlank() ? "name" : nameClaim;
        unitIdClaim = unitIdClaim == null || unitIdClaim.isBlank() ? "unit_id" : unitIdClaim;
    }
}
