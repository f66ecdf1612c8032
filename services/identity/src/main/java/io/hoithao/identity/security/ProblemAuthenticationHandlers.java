package io.hoithao.identity.security;

import io.hoithao.identity.web.Problems;
import io.hoithao.platform.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The user API's answers when a call is not signed in (401 {@code unauthenticated}), carries a bad
 * token (401 {@code invalid-token}), or may not do this (403 {@code forbidden}): problem+json with
 * the {@code WWW-Authenticate: Bearer ...} header of RFC 6750.
 */
final class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final Problems problems;

    ProblemAuthenticationHandlers(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearer.commence(request, response, failure); // status and WWW-Authenticate
        boolean badToken = failure instanceof OAuth2AuthenticationException;
        problems.write(request, response, badToken
                ? Problems.problem(HttpStatus.UNAUTHORIZED, ProblemTypes.INVALID_TOKEN, "Invalid token",
                        "The access token is expired, not signed by this issuer, or not meant for this audience; sign in again")
                : Problems.problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated",
                        "Sign in and send the access token as 'Authorization: Bearer <token>'"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(request, response, Problems.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                "Your roles do not allow this"));
    }
}
