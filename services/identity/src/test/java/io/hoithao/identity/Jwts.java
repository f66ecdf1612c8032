package io.hoithao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Checking tokens as a resource server does (signature with the published key set) and minting tokens for tests. */
final class Jwts {

    private Jwts() {
    }

    /** The claims, after checking the RS256 signature with the key of the token's {@code kid} in the key set. */
    static JWTClaimsSet verified(String token, String jwksJson) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWK key = JWKSet.parse(jwksJson).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the key set has the token's kid %s", jwt.getHeader().getKeyID()).isNotNull();
        assertThat(key.isPrivate()).as("the key set publishes only public keys").isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key.toRSAKey()))).as("signature verifies").isTrue();
        return jwt.getJWTClaimsSet();
    }

    /** A token signed with {@code key}, as if this server or someone else issued it. */
    static String mint(RSAKey key, String issuer, List<String> audience, String subject, List<String> roles,
            Instant issuedAt, Instant expiresAt) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(subject)
                .claim("email", subject).claim("roles", roles).issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static Map<String, Object> claims(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet().getClaims();
    }
}
