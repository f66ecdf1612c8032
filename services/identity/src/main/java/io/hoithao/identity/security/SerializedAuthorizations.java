package io.hoithao.identity.security;

import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The authorization server's in-memory authorizations (codes, tokens), one call at a time. Spring's
 * {@link InMemoryOAuth2AuthorizationService} iterates a map of authorizations in progress that other
 * threads change: concurrent sign-ins (a crowd of delegates at once) ended in a
 * {@code ConcurrentModificationException} and a 500. Each call is short and in memory, so a lock costs
 * little.
 */
final class SerializedAuthorizations implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();

    @Override
    public synchronized void save(OAuth2Authorization authorization) {
        delegate.save(authorization);
    }

    @Override
    public synchronized void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public synchronized OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public synchronized OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return delegate.findByToken(token, tokenType);
    }
}
