package io.hoithao.web.organiser;

import java.util.Collection;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import io.hoithao.web.NotFoundException;
import io.hoithao.web.Roles;
import io.hoithao.web.SignedInApi;
import reactor.core.publisher.Mono;

/**
 * Who runs the console: her account (unit and roles from the identity service). Only an organiser (her
 * unit's events, her unit known by its id in the units directory) or an administrator (every event) gets in; anyone else is told the console is not hers.
 * The APIs decide again on every call, so this only spares her pages she could not use.
 */
@Component
class Console {

    private final SignedInApi signedIn;
    private final Roles tokens;

    Console(SignedInApi signedIn, Roles tokens) {
        this.signedIn = signedIn;
        this.tokens = tokens;
    }

    Mono<Organiser> organiser(OidcUser user) {
        return Mono.zip(signedIn.account(user), tokens.current(user)).map(both -> {
            var account = both.getT1();
            // an account read from the ID token (an issuer without the user API, Keycloak) has no roles of its own:
            // the tokens' (the suite's roles claim or Keycloak's realm_access.roles)
            Collection<String> roles = account.roles() != null && !account.roles().isEmpty()
                    ? account.roles().stream().map(r -> r.toLowerCase(java.util.Locale.ROOT)).toList() : both.getT2();
            boolean admin = roles.contains("admin");
            if (!admin && !roles.contains("organiser")) {
                throw new NotOrganiserException();
            }
            return new Organiser(account.fullName(), account.email(), account.unit(), blankToNull(account.unitId()), admin);
        });
    }

    /** An id as the APIs make them; anything else is no page. */
    static String id(String id) {
        if (id == null || id.length() > 64 || !id.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_')) {
            throw new NotFoundException("No such item");
        }
        return id;
    }

    /** A name without case, diacritics (đ as d) or repeated spaces: "Sở GD&ĐT Bắc Kạn" and "SO GD&DT BAC KAN" are one. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String plain = java.text.Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return plain.toLowerCase(java.util.Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * @param unit her unit's name, for display (an administrator's may be empty: she sees every unit's events)
     * @param unitId her unit's id in the units directory (her account's {@code unitId}, the tokens' {@code unit_id}),
     *        which the APIs go by; null while she has no confirmed unit
     */
    record Organiser(String name, String email, String unit, String unitId, boolean admin) {
    }

    static class NotOrganiserException extends RuntimeException {

        NotOrganiserException() {
            super("The console is for organisers and administrators", null, false, false);
        }
    }
}
