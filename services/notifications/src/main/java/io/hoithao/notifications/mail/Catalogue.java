package io.hoithao.notifications.mail;

import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/** Every word of every mail, from {@code mail/messages*.properties}: Vietnamese by default, English on request. */
@Component
public class Catalogue {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    Catalogue() {
        source.setBasename("mail/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
    }

    public String text(String key, Locale locale, Object... args) {
        return source.getMessage(key, args, locale);
    }

    /** The locale for a stored language tag: English when the person chose it, otherwise Vietnamese. */
    public static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : VIETNAMESE;
    }
}
