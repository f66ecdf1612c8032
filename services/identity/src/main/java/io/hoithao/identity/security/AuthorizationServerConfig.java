package io.hoithao.identity.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.hoithao.identity.IdentityProperties.Client;
import io.hoithao.identity.IdentityProperties;
import io.hoithao.identity.unit.KnownUnits;
import io.hoithao.identity.user.UserAccount;
import io.hoithao.identity.user.UserDirectory;
import io.hoithao.platform.security.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The authorization server's parts: the fixed issuer, the two public clients and the site's confidential one, the signing key, the
 * claims every access token carries, and the decoder the user API checks tokens with.
 *
 * <p>The access token's claims are the suite's contract (Keycloak is configured to give the same):
 * {@code iss} the configured issuer, {@code sub} and {@code email} the lower-case email, {@code email_verified}
 * (boolean: whether the person proved they own the address; also in the ID token), {@code aud}
 * containing {@value #AUDIENCE}, {@code name}, {@code roles} (lower-case role names), {@code unit_id} (the id of
 * the user's confirmed unit in the units directory, only when she has one) and {@code unit} (that unit's current
 * name, for display; only when the user has a unit).
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfig {

    /** The audience every service of the suite requires in an access token. */
    public static final String AUDIENCE = "hoithao";

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties properties, PasswordEncoder passwords) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build();
        return new InMemoryRegisteredClientRepository(
                publicClient(properties.webClient(), tokens), publicClient(properties.cliClient(), tokens),
                siteClient(properties.siteClient(), properties.accessTokenTtl(), passwords));
    }

    /** The web application (services/web): a confidential client with refresh tokens, no consent screen. */
    private static RegisteredClient siteClient(IdentityProperties.SiteClient client, java.time.Duration accessTokenTtl,
            PasswordEncoder passwords) {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(client.clientId().getBytes()).toString())
                .clientId(client.clientId())
                .clientSecret(passwords.encode(client.clientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(accessTokenTtl)
                        .refreshTokenTimeToLive(client.refreshTokenTtl()).reuseRefreshTokens(false).build())
                .build();
    }

    private static RegisteredClient publicClient(Client client, TokenSettings tokens) {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(client.clientId().getBytes()).toString())
                .clientId(client.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens)
                .build();
    }

    /** Codes and tokens in the database, shared by every instance ({@link MongoAuthorizations}). */
    @Bean
    OAuth2AuthorizationService authorizationService(org.springframework.data.mongodb.core.MongoTemplate mongo) {
        return new MongoAuthorizations(mongo);
    }

    @Bean
    RSAKey signingKey(IdentityProperties properties, ResourceLoader resources) {
        return SigningKeys.load(properties.signingKey(), resources);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey signingKey) {
        return new ImmutableJWKSet<>(new JWKSet(signingKey));
    }

    /** bcrypt through Spring Security's delegating encoder; see {@link PasswordHashing} for passwords over 72 bytes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new PasswordHashing();
    }

    /**
     * Checks bearer tokens on the user API (and the OIDC user info endpoint) in this process, with the
     * same key set that {@code /oauth2/jwks} publishes: RS256 only, the configured issuer, not expired,
     * audience {@value #AUDIENCE}.
     */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, IdentityProperties properties) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, jwkSource));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
            // NimbusJwtDecoder's validators below check the claims
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(AUDIENCE))));
        return decoder;
    }

    /** The suite's claims, read from the user's record when the token is made (so role changes show at the next sign-in). */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(UserDirectory users, KnownUnits knownUnits) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            UserAccount user = users.find(context.getPrincipal().getName()).orElseThrow(() -> new OAuth2AuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The signed-in user no longer exists", null)));
            // Someone who signed up with another's address could sign in until its owner set her password by
            // the link, and whoever learnt an old password until its owner reset it: a sign-in (session or
            // refresh token) from before the password was last set gets nothing more.
            users.credentialsChangedAt(user.email()).ifPresent(changed -> {
                if (!(context.getPrincipal().getDetails() instanceof SignInDetails details) || details.signedInAt().isBefore(changed)) {
                    throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                            "The password was set since this sign-in; sign in again", null));
                }
            });
            context.getClaims().subject(user.email()).claim("email", user.email())
                    .claim("email_verified", user.emailVerified()).claim("name", user.fullName());
            if (accessToken) {
                context.getClaims().claims(claims -> {
                    List<String> audience = new ArrayList<>();
                    if (claims.get(JwtClaimNames.AUD) instanceof Collection<?> existing) {
                        existing.forEach(value -> audience.add(String.valueOf(value)));
                    }
                    if (!audience.contains(AUDIENCE)) {
                        audience.add(AUDIENCE);
                    }
                    claims.put(JwtClaimNames.AUD, audience);
                    claims.put("roles", user.roles().stream().sorted().map(Role::claimValue).toList());
                    // A unit of the directory: its id, and its current name (a rename shows in the next token).
                    // A unit requested at sign-up is nothing here until confirmed.
                    String unitName = user.unitId() == null ? user.unit()
                            : knownUnits.find(user.unitId()).map(KnownUnits.KnownUnit::officialName).orElse(user.unit());
                    if (unitName != null) {
                        claims.put("unit", unitName);
                    } else {
                        claims.remove("unit");
                    }
                    if (user.unitId() != null) {
                        claims.put("unit_id", user.unitId());
                    } else {
                        claims.remove("unit_id");
                    }
                });
            }
        };
    }
}
