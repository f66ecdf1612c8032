package io.hoithao.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * What every page's layout needs: the current path and query (for the language switch to come back to),
 * who is signed in, and the CSRF token every form carries.
 */
@ControllerAdvice
public class PageModel {

    @ModelAttribute("currentPath")
    public String currentPath(ServerWebExchange exchange) {
        var uri = exchange.getRequest().getURI();
        String query = uri.getRawQuery();
        return uri.getRawPath() + (query == null ? "" : "?" + query);
    }

    /** The signed-in person's name (empty when nobody is signed in). */
    @ModelAttribute("signedIn")
    public String signedIn(@AuthenticationPrincipal OidcUser user) {
        if (user == null) {
            return "";
        }
        String name = user.getFullName();
        return name == null || name.isBlank() ? user.getEmail() : name;
    }

    @ModelAttribute("_csrf")
    public Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }
}
