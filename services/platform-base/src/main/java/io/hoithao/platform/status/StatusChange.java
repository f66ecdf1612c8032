package io.hoithao.platform.status;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decided change of a document as read, as plain values: the status it moves to ({@code to}, null when it stays;
 * only a transition of {@link Transitions#canBecome} can be made at all), the fields it sets (a value may be null), the
 * items it appends to a list field, and the messages of type {@code M} that tell about it. A service's domain decides
 * it; its store writes it as one conditional update with the messages. The events' and the papers' decisions carry
 * one.
 */
public record StatusChange<S extends Enum<S> & Transitions<S>, M>(S from, S to, Map<String, Object> fields,
                                                                  Map<String, Object> appended, List<M> messages) {

    public StatusChange {
        if (to != null && !from.canBecome(to)) {
            throw new IllegalArgumentException(
                    "A " + from.getDeclaringClass().getSimpleName() + " " + from + " cannot become " + to);
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        appended = Collections.unmodifiableMap(new LinkedHashMap<>(appended));
        messages = List.copyOf(messages);
    }
}
