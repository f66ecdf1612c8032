package io.hoithao.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The page's language: the visitor's choice (cookie {@value #COOKIE}, set by the language switch), else
 * the first of Vietnamese or English in the browser's Accept-Language, else Vietnamese.
 */
public class LanguageResolver implements LocaleContextResolver {

    public static final String COOKIE = "hoithao-lang";
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        if (cookie != null) {
            Locale chosen = supported(cookie.getValue());
            if (chosen != null) {
                return new SimpleLocaleContext(chosen);
            }
        }
        List<Locale> accepted;
        try {
            accepted = exchange.getRequest().getHeaders().getAcceptLanguageAsLocales();
        } catch (IllegalArgumentException malformed) {
            accepted = List.of();
        }
        for (Locale locale : accepted) {
            Locale match = supported(locale.getLanguage());
            if (match != null) {
                return new SimpleLocaleContext(match);
            }
        }
        return new SimpleLocaleContext(VIETNAMESE);
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        throw new UnsupportedOperationException("The language is chosen with the language switch (/language)");
    }

    /** The supported locale for a language tag ("vi", "en"), or null. */
    public static Locale supported(String tag) {
        if (tag == null) {
            return null;
        }
        String language = tag.strip().toLowerCase(Locale.ROOT);
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
    }
}
