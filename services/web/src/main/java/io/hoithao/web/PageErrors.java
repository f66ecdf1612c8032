package io.hoithao.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An API that is down or answers 5xx is a friendly page with a way back; never a stack trace. */
@ControllerAdvice
public class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(ApiUnavailableException.class)
    public Rendering unavailable(ApiUnavailableException e) {
        log.warn("API unavailable: {}", e.getMessage());
        return Rendering.view("error/error").modelAttribute("kind", "unavailable").status(HttpStatus.SERVICE_UNAVAILABLE).build();
    }

    @ExceptionHandler(NotFoundException.class)
    public Rendering notFound(NotFoundException e) {
        return Rendering.view("error/error").modelAttribute("kind", "not-found").status(HttpStatus.NOT_FOUND).build();
    }
}
