package io.hoithao.keyset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * The suite's JWT decoder: the checks Spring Boot configures from
 * {@code spring.security.oauth2.resourceserver.jwt.*} (signature by one of the issuer's keys, RS256,
 * expiry and not-before, the issuer when one is set, one of the audiences when any are set), with the
 * keys from an {@link IssuerKeySet} instead of a fetch on the request path.
 */
public final class IssuerJwtDecoders {

	private IssuerJwtDecoders() {
	}

	public static NimbusReactiveJwtDecoder reactive(IssuerKeySet keys, String issuer, Collection<String> audiences) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(validator(issuer, audiences));
		return decoder;
	}

	static OAuth2TokenValidator<Jwt> validator(String issuer, Collection<String> audiences) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(JwtValidators.createDefault());
		if (StringUtils.hasText(issuer)) {
			validators.add(new JwtIssuerValidator(issuer));
		}
		if (audiences != null && !audiences.isEmpty()) {
			List<String> accepted = List.copyOf(audiences);
			validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
					audience -> audience != null && !Collections.disjoint(audience, accepted)));
		}
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

}
