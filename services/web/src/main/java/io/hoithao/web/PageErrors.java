package io.hoithao.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An API that is down or answers 5xx is a friendly page with a way back; never a stack trace. A problem
 * an API answers to a page's read is explained in the person's language; a sign-in that is over (the
 * token refused, its refresh refused) sends her through the sign-in again.
 */
@ControllerAdvice
public class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final ProblemMessages problems;

    public PageErrors(ProblemMessages problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiUnavailableException.class)
    public Rendering unavailable(ApiUnavailableException e) {
        log.warn("API unavailable: {}", e.getMessage());
        return Rendering.view("error/error").modelAttribute("kind", "unavailable").status(HttpStatus.SERVICE_UNAVAILABLE).build();
    }

    @ExceptionHandler(NotFoundException.class)
    public Rendering notFound(NotFoundException e) {
        return Rendering.view("error/error").modelAttribute("kind", "not-found").status(HttpStatus.NOT_FOUND).build();
    }

    @ExceptionHandler(ApiProblem.class)
    public Rendering problem(ApiProblem e, ServerWebExchange exchange) {
        if (e.status() == 404) {
            return notFound(new NotFoundException(e.getMessage()));
        }
        return Rendering.view("error/error").modelAttribute("kind", "problem")
                .modelAttribute("problem", problems.show(e, exchange.getLocaleContext().getLocale()))
                .status(HttpStatus.valueOf(e.status())).build();
    }

    @ExceptionHandler({SignInAgainException.class, OAuth2AuthorizationException.class})
    public Rendering signInAgain(RuntimeException e) {
        log.info("Signing in again: {}", e.getMessage());
        return Rendering.redirectTo(SecurityConfig.SIGN_IN).build();
    }
}
