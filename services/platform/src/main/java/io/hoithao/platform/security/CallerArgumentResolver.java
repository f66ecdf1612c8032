package io.hoithao.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Gives a handler method's {@link Caller} parameter: the token's person, or {@link Caller#anonymous()}. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private final CallerClaims claims;

    CallerArgumentResolver(CallerClaims claims) {
        this.claims = claims;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> (Object) claims.caller(((JwtAuthenticationToken) principal).getToken()))
                .defaultIfEmpty(Caller.anonymous());
    }
}
