package io.hoithao.web.organiser;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;

/** Someone signed in who is neither an organiser nor an administrator is told the console is not hers (403). */
@ControllerAdvice
class ConsoleErrors {

    @ExceptionHandler(Console.NotOrganiserException.class)
    Rendering notOrganiser() {
        return Rendering.view("organiser/not-organiser").status(HttpStatus.FORBIDDEN).build();
    }
}
