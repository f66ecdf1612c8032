package io.hoithao.web.organiser;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.hoithao.web.ApiProblem;
import io.hoithao.web.ProblemMessages;

/**
 * An API's problem as the console says it: the site's messages ({@link ProblemMessages}), except where the
 * console has its own words for a type or a field ({@code organiser.problem.<type>},
 * {@code organiser.problem.field.<field>}): an event's title is not a paper's, an event's refused step not a
 * registration's.
 */
@Component
class ConsoleProblems {

    private final ProblemMessages problems;
    private final MessageSource messages;

    ConsoleProblems(ProblemMessages problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    ProblemMessages.Shown show(ApiProblem problem, Locale locale) {
        ProblemMessages.Shown shown = problems.show(problem, locale);
        // no default here: a default message would be run through MessageFormat with the arguments
        String own = messages.getMessage("organiser.problem." + problem.type(),
                new Object[] {problem.clashingTitle() == null ? "" : problem.clashingTitle()}, null, locale);
        String message = own != null ? own : shown.message();
        Map<String, String> fields = new LinkedHashMap<>();
        shown.fields().forEach((field, text) -> {
            String mine = messages.getMessage("organiser.problem.field." + field, null, null, locale);
            fields.put(field, mine != null ? mine : text);
        });
        return new ProblemMessages.Shown(shown.type(), message, fields);
    }
}
