package io.hoithao.notifications.preference;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.web.ProblemException;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The signed-in person reads and sets the language her mails are written in. */
@RestController
@RequestMapping("/api/notifications/preferences")
class PreferenceHandler {

    private final Preferences preferences;

    PreferenceHandler(Preferences preferences) {
        this.preferences = preferences;
    }

    record PreferenceRequest(String language) {
    }

    @GetMapping
    Mono<Preference> mine(Caller caller) {
        String email = key(caller);
        return preferences.find(email);
    }

    @PutMapping
    Mono<Preference> set(Caller caller, @RequestBody PreferenceRequest request) {
        String email = key(caller);
        if (request == null || !("vi".equals(request.language()) || "en".equals(request.language()))) {
            throw ProblemException.badRequest("invalid-language", "language must be \"vi\" or \"en\"");
        }
        return preferences.setLanguage(email, request.language());
    }

    private static String key(Caller caller) {
        caller.requireSignedIn();
        if (caller.email() == null) {
            throw ProblemException.badRequest("no-email", "the token carries no email to write to");
        }
        return caller.email().toLowerCase(Locale.ROOT);
    }
}
