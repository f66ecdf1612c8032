package io.hoithao.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps {@code docs/asyncapi.yaml} (the catalogue of topics and messages) in step with the records:
 * the same type names, each on its producer's topic, each payload with exactly the record's fields.
 * Maven runs tests with the module directory as working directory.
 */
class AsyncApiCatalogueTest {

    private static final Path CATALOGUE = Path.of("../../docs/asyncapi.yaml");
    /** Anything that looks like a versioned type name, whatever its producer prefix. */
    private static final Pattern TYPE_NAME_LIKE = Pattern.compile("\\b[A-Za-z][\\w-]*\\.[A-Za-z]\\w*\\.v[0-9]+\\b");
    private static final List<String> CLOUD_EVENT_HEADERS =
            List.of("ce_id", "ce_type", "ce_source", "ce_time", "ce_specversion", "ce_subject");

    private static String text;
    private static Map<String, Object> doc;

    @BeforeAll
    static void read() throws IOException {
        text = Files.readString(CATALOGUE, StandardCharsets.UTF_8);
        doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    static Stream<String> typeNames() {
        return MessageCodec.instance().typeNames().stream();
    }

    @Test
    void namesExactlyTheTypesTheCodecKnows() {
        Set<String> mentioned = new LinkedHashSet<>();
        Matcher matcher = TYPE_NAME_LIKE.matcher(text);
        while (matcher.find()) {
            mentioned.add(matcher.group());
        }

        assertThat(mentioned).containsExactlyInAnyOrderElementsOf(MessageCodec.instance().typeNames());
    }

    @Test
    void isAsyncApi3WithOneChannelPerTopic() {
        assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");
        assertThat(doc.get("defaultContentType")).isEqualTo("application/json");

        List<String> addresses = map(doc, "channels").values().stream()
                .map(channel -> (String) ((Map<?, ?>) channel).get("address"))
                .toList();

        assertThat(addresses).containsExactlyInAnyOrder(
                Topics.EVENTS, Topics.REGISTRATIONS, Topics.OBSERVATIONS, Topics.PRESENTATIONS, Topics.IDENTITY, Topics.UNITS);
    }

    @Test
    void everyMessageCarriesTheCloudEventHeadersAndTheEventIdAsKey() {
        Map<String, Object> trait = map(doc, "components", "messageTraits", "CloudEvent");

        assertThat(trait.get("contentType")).isEqualTo("application/json");
        assertThat(map(trait, "headers", "properties")).containsKeys(CLOUD_EVENT_HEADERS.toArray(String[]::new));
        assertThat(list(map(trait, "headers"), "required")).containsExactlyInAnyOrderElementsOf(List.copyOf(CLOUD_EVENT_HEADERS));
        assertThat(map(trait, "bindings", "kafka", "key")).containsEntry("type", "string");

        for (Object message : map(doc, "components", "messages").values()) {
            assertThat(((Map<?, ?>) message).get("traits").toString()).contains("#/components/messageTraits/CloudEvent");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeNames")
    void describesTheMessageOnItsProducersTopic(String typeName) {
        Class<? extends IntegrationMessage> type = MessageCodec.instance().classOf(typeName);
        String key = messageKey(typeName);
        Map<String, Object> message = map(doc, "components", "messages", key);

        assertThat((String) message.get("summary")).as("one-line summary").isNotBlank().doesNotContain("\n");
        assertThat(map(message, "headers", "properties", "ce_type")).containsEntry("const", typeName);

        Map<String, Object> channel = channelWithAddress(Topics.of(type));
        assertThat(map(channel, "messages", key).get("$ref")).isEqualTo("#/components/messages/" + key);

        List<String> sent = map(doc, "operations").values().stream()
                .map(o -> (Map<?, ?>) o)
                .filter(o -> "send".equals(o.get("action")))
                .flatMap(o -> o.get("messages") == null ? Stream.empty() : ((List<?>) o.get("messages")).stream())
                .map(ref -> (String) ((Map<?, ?>) ref).get("$ref"))
                .toList();
        String channelKey = map(doc, "channels").entrySet().stream()
                .filter(e -> e.getValue() == channel).map(Map.Entry::getKey).findFirst().orElseThrow();
        assertThat(sent).contains("#/channels/" + channelKey + "/messages/" + key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeNames")
    void payloadSchemaHasExactlyTheRecordsFields(String typeName) {
        Class<? extends IntegrationMessage> type = MessageCodec.instance().classOf(typeName);
        Map<String, Object> schema = resolve(map(doc, "components", "messages", messageKey(typeName), "payload"));
        RecordComponent[] components = type.getRecordComponents();

        assertThat(schema).containsEntry("type", "object");
        assertThat(map(schema, "properties").keySet())
                .containsExactly(Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new));
        List<Object> required = Arrays.stream(components)
                .map(RecordComponent::getName)
                .filter(name -> !Records.nullable(type, name))
                .map(Object.class::cast)
                .toList();
        assertThat(list(schema, "required")).as("required = all fields but the documented nullable ones")
                .containsExactlyInAnyOrderElementsOf(required);

        for (RecordComponent component : components) {
            Map<String, Object> property = resolve(map(schema, "properties", component.getName()));
            assertThat(property.get("description")).as(component.getName() + " has a description").isNotNull();
            assertMatchesJavaType(property, component, Records.nullable(type, component.getName()));
        }
    }

    private static void assertMatchesJavaType(Map<String, Object> property, RecordComponent component, boolean nullable) {
        Class<?> java = component.getType();
        String label = component.getDeclaringRecord().getSimpleName() + "." + component.getName();
        Object expectedType;
        String expectedFormat = null;
        if (java == String.class || java == UUID.class || java == Instant.class || java == LocalDate.class) {
            expectedType = nullable ? List.of("string", "null") : "string";
            expectedFormat = java == UUID.class ? "uuid"
                    : java == Instant.class ? "date-time"
                    : java == LocalDate.class ? "date"
                    : null;
        } else if (java == Integer.class) {
            expectedType = nullable ? List.of("integer", "null") : "integer";
            expectedFormat = "int32";
        } else if (java == int.class || java == long.class) {
            expectedType = "integer";
            expectedFormat = java == int.class ? "int32" : "int64";
        } else if (java == boolean.class) {
            expectedType = "boolean";
        } else if (java == java.util.Map.class) {
            expectedType = nullable ? List.of("object", "null") : "object";
            assertThat(map(property, "additionalProperties")).as(label).containsEntry("type", "integer");
        } else if (java == List.class) {
            expectedType = "array";
            assertThat(map(property, "items")).as(label).containsEntry("type", "string");
        } else {
            throw new AssertionError("no JSON type known for " + java + " of " + label);
        }
        assertThat(property.get("type")).as(label + " type").isEqualTo(expectedType);
        assertThat(property.get("format")).as(label + " format").isEqualTo(expectedFormat);
    }

    private static String messageKey(String typeName) {
        List<String> keys = new ArrayList<>();
        map(doc, "components", "messages").forEach((key, message) -> {
            if (typeName.equals(((Map<?, ?>) message).get("name"))) {
                keys.add(key);
            }
        });
        assertThat(keys).as("messages named " + typeName).hasSize(1);
        return keys.get(0);
    }

    private static Map<String, Object> channelWithAddress(String address) {
        List<Map<String, Object>> channels = map(doc, "channels").values().stream()
                .map(AsyncApiCatalogueTest::asMap)
                .filter(c -> address.equals(c.get("address")))
                .collect(Collectors.toList());
        assertThat(channels).as("channels with address " + address).hasSize(1);
        return channels.get(0);
    }

    /** Follows a local {@code $ref} such as {@code #/components/schemas/Revision}. */
    private static Map<String, Object> resolve(Map<String, Object> node) {
        Object ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        assertThat((String) ref).startsWith("#/");
        return resolve(map(doc, ((String) ref).substring(2).split("/")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> map(Map<String, Object> from, String... path) {
        Object current = from;
        for (String step : path) {
            current = asMap(current).get(step);
            assertThat(current).as("catalogue has " + String.join("/", path)).isNotNull();
        }
        return asMap(current);
    }

    private static List<Object> list(Map<String, Object> from, String key) {
        Object value = from.get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return List.copyOf((List<?>) value);
    }
}
