package io.hoithao.notifications.reminder;

import io.hoithao.notifications.mail.Catalogue;
import io.hoithao.notifications.preference.Preference;
import io.hoithao.notifications.preference.Preferences;
import io.hoithao.platform.web.ProblemException;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/** Turns reminders off from the link in a reminder: GET from the mail's text, POST from a mail client's one-click (RFC 8058). */
@RestController
@RequestMapping("/api/notifications/unsubscribe")
class UnsubscribeHandler {

    private final Preferences preferences;
    private final OptOut optOut;
    private final Catalogue catalogue;

    UnsubscribeHandler(Preferences preferences, OptOut optOut, Catalogue catalogue) {
        this.preferences = preferences;
        this.optOut = optOut;
        this.catalogue = catalogue;
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    Mono<String> page(@RequestParam(required = false) String email, @RequestParam(required = false) String token) {
        return turnOff(email, token).map(preference -> {
            Locale locale = Catalogue.locale(preference.language());
            String title = HtmlUtils.htmlEscape(catalogue.text("page.unsubscribed.title", locale), "UTF-8");
            return "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width\"><title>" + title + "</title></head><body><main><h1>"
                    + title + "</h1><p>" + HtmlUtils.htmlEscape(catalogue.text("page.unsubscribed.body", locale), "UTF-8")
                    + "</p></main></body></html>";
        });
    }

    @PostMapping
    Mono<Void> oneClick(@RequestParam(required = false) String email, @RequestParam(required = false) String token) {
        return turnOff(email, token).then();
    }

    private Mono<Preference> turnOff(String email, String token) {
        if (!optOut.valid(email, token)) {
            return Mono.error(ProblemException.badRequest("invalid-unsubscribe-link",
                    "this opt-out link is incomplete or was not issued for this email"));
        }
        return preferences.turnRemindersOff(email);
    }
}
