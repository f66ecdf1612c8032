package io.hoithao.contracts;

import io.hoithao.contracts.events.EventsMessage;
import io.hoithao.contracts.observations.ObservationsMessage;
import io.hoithao.contracts.presentations.PresentationsMessage;
import io.hoithao.contracts.registrations.RegistrationsMessage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns messages into JSON and back. The type name ({@link MessageType}) travels beside the JSON
 * (as the {@code ce_type} header), so decoding never guesses from the payload and never depends on
 * class names. Every failure to decode is a {@link MessageDecodingException}; a message is either
 * read whole or not at all.
 */
public final class MessageCodec {

    private static final MessageCodec INSTANCE = new MessageCodec();

    private final JsonMapper mapper;
    private final Map<String, Class<? extends IntegrationMessage>> classesByType;
    private final Map<Class<?>, String> typesByClass;

    private MessageCodec() {
        // Unknown properties are tolerated so a producer may add optional fields within a version;
        // anything that changes the meaning of existing fields gets a new version suffix.
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        Map<String, Class<? extends IntegrationMessage>> byType = new LinkedHashMap<>();
        Map<Class<?>, String> byClass = new LinkedHashMap<>();
        for (Class<?> producer : new Class<?>[] {
                EventsMessage.class, RegistrationsMessage.class, ObservationsMessage.class, PresentationsMessage.class}) {
            for (Class<?> permitted : producer.getPermittedSubclasses()) {
                MessageType annotation = permitted.getAnnotation(MessageType.class);
                if (annotation == null) {
                    throw new IllegalStateException(permitted.getName() + " has no @MessageType");
                }
                @SuppressWarnings("unchecked")
                Class<? extends IntegrationMessage> type = (Class<? extends IntegrationMessage>) permitted;
                if (byType.put(annotation.value(), type) != null) {
                    throw new IllegalStateException("type name " + annotation.value() + " is used twice");
                }
                byClass.put(type, annotation.value());
            }
        }
        this.classesByType = Collections.unmodifiableMap(byType);
        this.typesByClass = Collections.unmodifiableMap(byClass);
    }

    public static MessageCodec instance() {
        return INSTANCE;
    }

    /** Every known type name, in catalogue order. */
    public Set<String> typeNames() {
        return classesByType.keySet();
    }

    public String typeName(Class<? extends IntegrationMessage> type) {
        String name = typesByClass.get(type);
        if (name == null) {
            throw new IllegalArgumentException(type.getName() + " is not a catalogued message");
        }
        return name;
    }

    public String typeName(IntegrationMessage message) {
        return typeName(message.getClass());
    }

    public Class<? extends IntegrationMessage> classOf(String typeName) {
        Class<? extends IntegrationMessage> type = classesByType.get(typeName);
        if (type == null) {
            throw new MessageDecodingException("unknown message type '" + typeName + "'");
        }
        return type;
    }

    public byte[] encode(IntegrationMessage message) {
        typeName(message);
        return mapper.writeValueAsBytes(message);
    }

    public String encodeToString(IntegrationMessage message) {
        typeName(message);
        return mapper.writeValueAsString(message);
    }

    /**
     * Reads a message of the given type name.
     *
     * @throws MessageDecodingException if the type is unknown, the JSON is malformed, or a field is missing or invalid
     */
    public IntegrationMessage decode(String typeName, byte[] json) {
        if (typeName == null || typeName.isBlank()) {
            throw new MessageDecodingException("message has no type name");
        }
        Class<? extends IntegrationMessage> type = classOf(typeName);
        if (json == null || json.length == 0) {
            throw new MessageDecodingException("message of type '" + typeName + "' has an empty payload");
        }
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            Throwable cause = rootCause(e);
            String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw new MessageDecodingException("malformed message of type '" + typeName + "': " + reason, e);
        }
    }

    public IntegrationMessage decode(String typeName, String json) {
        return decode(typeName, json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable current = e;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
