package io.hoithao.web;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * The gateway as the signed-in person, for the pages of the feature packages (check-in, review): the same
 * token handling and visitor's address as {@link SignedInApi}, and the same reading of answers: a 4xx
 * problem is an {@link ApiProblem}, a 401 a {@link SignInAgainException}, a 5xx or no answer within the
 * timeout an {@link ApiUnavailableException}.
 */
@Component
public class SignedInCalls {

    private final WebClient gateway;
    private final WebProperties properties;

    public SignedInCalls(WebProperties properties, ReactiveOAuth2AuthorizedClientManager clients) {
        ServerOAuth2AuthorizedClientExchangeFilterFunction tokens = new ServerOAuth2AuthorizedClientExchangeFilterFunction(clients);
        tokens.setDefaultOAuth2AuthorizedClient(true);
        this.gateway = WebClient.builder().baseUrl(properties.apiUri()).filter(tokens).filter(ForwardedFor.filter()).build();
        this.properties = properties;
    }

    /** The gateway with her token; read the answer with {@link #body} and wrap the call in {@link #call}. */
    public WebClient gateway() {
        return gateway;
    }

    /** The API timeout, and transport failures as {@link ApiUnavailableException}. */
    public <T> Mono<T> call(Mono<T> call) {
        return call.timeout(properties.apiTimeout()).onErrorMap(SignedInApi::translate);
    }

    public static <T> Mono<T> body(ClientResponse response, Class<T> type) {
        return response.statusCode().is2xxSuccessful() ? response.bodyToMono(type) : problem(response);
    }

    public static <T> Mono<T> body(ClientResponse response, ParameterizedTypeReference<T> type) {
        return response.statusCode().is2xxSuccessful() ? response.bodyToMono(type) : problem(response);
    }

    /** A refusal or failure as the exception the pages handle (see the class comment). */
    public static <T> Mono<T> problem(ClientResponse response) {
        HttpStatus status = HttpStatus.resolve(response.statusCode().value());
        if (status == HttpStatus.UNAUTHORIZED) {
            return response.releaseBody().then(Mono.error(new SignInAgainException()));
        }
        if (status != null && status.is4xxClientError()) {
            return response.bodyToMono(ApiProblem.Body.class)
                    .onErrorResume(e -> Mono.empty())
                    .defaultIfEmpty(new ApiProblem.Body(null, status.value(), null))
                    .flatMap(b -> Mono.error(new ApiProblem(status.value(), b)));
        }
        return response.releaseBody().then(Mono.error(new ApiUnavailableException("API answered " + response.statusCode(), null)));
    }
}
