package io.hoithao.contracts;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.hoithao.contracts.events.EventsMessage;
import io.hoithao.contracts.identity.IdentityMessage;
import io.hoithao.contracts.observations.ObservationsMessage;
import io.hoithao.contracts.presentations.PresentationsMessage;
import io.hoithao.contracts.registrations.RegistrationsMessage;
import io.hoithao.contracts.units.UnitsMessage;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Turns messages into JSON and back. The type name ({@link MessageType}) travels beside the JSON
 * (as the {@code ce_type} header), so decoding never guesses from the payload and never depends on
 * class names. Every failure to decode is a {@link MessageDecodingException}; a message is either
 * read whole or not at all.
 *
 * <p>Reading is strict about what a message must contain and lenient about what it may add:
 * <ul>
 *   <li>Unknown properties are <em>tolerated</em> (ignored), so a producer may add an optional field
 *       within a version without breaking consumers that do not know it yet. Anything that removes a
 *       field or changes the meaning or type of an existing one gets a new version suffix.</li>
 *   <li>A required field that is missing, null or blank fails (the records' constructors check them
 *       with {@link Require}); a primitive field ({@code int}, {@code long}, {@code boolean}) that is
 *       missing or null fails too, rather than silently becoming 0 or false.</li>
 *   <li>No type coercion: a string where a number or boolean is expected, a number where a string or
 *       boolean is expected, or a fraction where an integer is expected fails. Times are ISO-8601
 *       strings, days are {@code yyyy-MM-dd}, ids of messages are UUID strings.</li>
 *   <li>The payload must be exactly one JSON object: no trailing content, no duplicate keys.</li>
 * </ul>
 */
public final class MessageCodec {

    private static final MessageCodec INSTANCE = new MessageCodec();

    private final JsonMapper mapper;
    private final Map<String, Class<? extends IntegrationMessage>> classesByType;
    private final Map<Class<?>, String> typesByClass;

    private MessageCodec() {
        // See the class comment: unknown properties tolerated, no coercion, one object per payload.
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.DateTime, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                // a day is a day: "2025-10-25T10:00" is not accepted as 2025-10-25
                .withConfigOverride(LocalDate.class, o -> o.setFormat(JsonFormat.Value.forLeniency(false)))
                .build();
        Map<String, Class<? extends IntegrationMessage>> byType = new LinkedHashMap<>();
        Map<Class<?>, String> byClass = new LinkedHashMap<>();
        for (Class<?> producer : new Class<?>[] {
                EventsMessage.class, RegistrationsMessage.class, ObservationsMessage.class, PresentationsMessage.class,
                IdentityMessage.class, UnitsMessage.class}) {
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
     * @throws MessageDecodingException if the type is unknown, the JSON is malformed, or a field is missing or invalid;
     *         its message names the type and the problem (and the field, where there is one)
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
            JsonNode tree = mapper.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new MessageDecodingException("malformed message of type '" + typeName
                        + "': payload is not a JSON object");
            }
            checkShapes(typeName, type, tree);
            IntegrationMessage message = mapper.treeToValue(tree, type);
            if (message == null) {
                throw new MessageDecodingException("malformed message of type '" + typeName + "': no message read");
            }
            return message;
        } catch (JacksonException e) {
            throw new MessageDecodingException("malformed message of type '" + typeName + "': " + describe(e), e);
        }
    }

    public IntegrationMessage decode(String typeName, String json) {
        return decode(typeName, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Checks Jackson would otherwise be lenient about: a missing or null primitive would need a default
     * (0, false) the producer never sent, and a number for a time would be read as an epoch count.
     */
    private static void checkShapes(String typeName, Class<?> type, JsonNode tree) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            return;
        }
        for (RecordComponent component : components) {
            JsonNode value = tree.get(component.getName());
            boolean absent = value == null || value.isNull() || value.isMissingNode();
            if (component.getType().isPrimitive() && absent) {
                throw new MessageDecodingException("malformed message of type '" + typeName
                        + "': missing field '" + component.getName() + "'");
            }
            if (Temporal.class.isAssignableFrom(component.getType()) && !absent && !value.isString()) {
                throw new MessageDecodingException("malformed message of type '" + typeName + "': field '"
                        + component.getName() + "' must be an ISO-8601 string, was " + value.getNodeType());
            }
        }
    }

    private static String describe(JacksonException e) {
        Throwable cause = rootCause(e);
        // an IllegalArgumentException comes from a record's constructor (Require) and already names the field
        String reason = cause instanceof IllegalArgumentException && cause.getMessage() != null
                ? cause.getMessage()
                : e.getOriginalMessage();
        String field = path(e);
        return field.isEmpty() ? reason : "field '" + field + "': " + reason;
    }

    /** The JSON path of the failing value, such as {@code presenters[1]}, or empty when it concerns the whole payload. */
    private static String path(JacksonException e) {
        List<String> parts = new ArrayList<>();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                parts.add((parts.isEmpty() ? "" : ".") + reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                parts.add("[" + reference.getIndex() + "]");
            }
        }
        return String.join("", parts);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable current = e;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
