package io.hoithao.registrations.registration;

import io.hoithao.contracts.IntegrationMessage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Lifecycle} decides about a command on a registration, as plain values: a change to write, the
 * registration as it already is, or a refusal. {@link RegistrationStore#apply} makes a change one conditional
 * write; the handler answers a refusal as a problem ({@link RegistrationProblems#orThrow}).
 */
sealed interface Decision {

    /**
     * A change of status, written only while the registration is still {@code from}, with the other fields it
     * sets (a value may be null) and the messages that tell about it. Only a transition of {@link
     * RegistrationStatus#canBecome} can be made at all.
     */
    record Change(String registrationId, RegistrationStatus from, RegistrationStatus to, Map<String, Object> fields,
                  List<IntegrationMessage> messages) implements Decision {

        public Change {
            if (!from.canBecome(to)) {
                throw new IllegalArgumentException("A registration " + from + " cannot become " + to);
            }
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            messages = List.copyOf(messages);
        }
    }

    /** Where a command on a registration ended, for its caller: the registration as it stands, or a refusal. */
    sealed interface Result {
    }

    /** The registration as the command leaves it: nothing was to be done, or the change was made. */
    record Done(Registration registration) implements Decision, Result {
    }

    /** Why a command was refused. */
    sealed interface Refusal extends Decision, Result {
    }

    /** The registration's status cannot become {@code requested} (as the caller asked for it). */
    record InvalidTransition(String registrationId, RegistrationStatus current, RegistrationStatus requested)
            implements Refusal {
    }

    /** The registration's status changed under every attempt to cancel it. */
    record KeptChanging(String registrationId) implements Refusal {
    }
}
