package io.hoithao.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns an API's problem into what the page says: one message for the page (catalogue key
 * {@code problem.<type>}, else {@code problem.generic}) and, for a validation problem, one message per
 * field it names ({@code problem.field.<field>}, else {@code problem.field}), shown next to that field.
 */
@Component
public class ProblemMessages {

    private final MessageSource messages;

    public ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    public Shown show(ApiProblem problem, Locale locale) {
        String message = null;
        if (problem.registrationStatus() != null) {
            message = text("problem." + problem.type() + "." + problem.registrationStatus(), locale);
        }
        if (message == null) {
            message = messages.getMessage("problem." + problem.type(),
                    new Object[] {problem.clashingTitle() == null ? "" : problem.clashingTitle()}, null, locale);
        }
        if (message == null) {
            message = text("problem.generic", locale);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (ApiProblem.FieldProblem error : problem.errors()) {
            if (error.field() == null) {
                continue;
            }
            // "scores.age-fit" names the criterion, "presenters[0]" the list
            String name = error.field().replaceAll("\\[\\d*]$", "");
            String field = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
            String text = text("problem.field." + field, locale);
            fields.putIfAbsent(field, text != null ? text : text("problem.field", locale));
        }
        return new Shown(problem.type(), message, fields);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, null, locale);
    }

    /**
     * @param type    the problem's type (for the page's data attribute and tests)
     * @param message the page's message
     * @param fields  per field name, the message shown next to it
     */
    public record Shown(String type, String message, Map<String, String> fields) {

        public String field(String name) {
            return fields.get(name);
        }

        public boolean has(String name) {
            return fields.containsKey(name);
        }
    }
}
