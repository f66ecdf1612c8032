package io.hoithao.identity.security;

import io.hoithao.platform.security.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller of the user API: the token's subject, with authorities from its {@code roles} claim ({@code ROLE_ADMIN}...). */
final class RolesClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Object claim = jwt.getClaims().get("roles");
        List<GrantedAuthority> authorities = claim instanceof Collection<?> names
                ? names.stream().map(name -> Role.fromName(String.valueOf(name))).flatMap(Optional::stream)
                        .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList()
                : List.of();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
