package io.hoithao.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hoithao.contracts.events.CapacityChanged;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a consumer may receive is untrusted: every way a payload can be wrong ends in a
 * {@link MessageDecodingException} that says what is wrong, never in a half-filled record.
 */
class DecodingRejectionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PUBLISHED = "events.EventPublished.v1";
    private static final String CAPACITY = "events.CapacityChanged.v1";
    private static final String CANCELLED = "registrations.RegistrationCancelled.v1";
    private static final String ACCEPTED = "presentations.PaperAccepted.v1";
    private static final String CHECKED_IN = "registrations.DelegateCheckedIn.v1";

    private final MessageCodec codec = MessageCodec.instance();

    private static IntegrationMessage sample(String typeName) {
        return Samples.all().stream()
                .filter(m -> MessageCodec.instance().typeName(m).equals(typeName))
                .findFirst().orElseThrow();
    }

    private static ObjectNode tree(IntegrationMessage message) {
        return (ObjectNode) JSON.readTree(MessageCodec.instance().encode(message));
    }

    /** The sample of the type, encoded, changed by {@code change}, as JSON text. */
    private static String changed(String typeName, Consumer<ObjectNode> change) {
        ObjectNode node = tree(sample(typeName));
        change.accept(node);
        return JSON.writeValueAsString(node);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String typeName, String json) {
        return assertThatThrownBy(() -> codec.decode(typeName, json))
                .isInstanceOf(MessageDecodingException.class)
                .hasMessageStartingWith("malformed message of type '" + typeName + "': ");
    }

    // --- the type name ---

    @ParameterizedTest
    @ValueSource(strings = {
            "events.NoSuchThing.v1",
            "events.EventPublished.v2",
            "EventPublished",
            "io.hoithao.contracts.events.EventPublished",
            "Events.EventPublished.v1",
            "registrations.EventPublished.v1"})
    void rejectsAnUnknownTypeName(String typeName) {
        byte[] json = codec.encode(sample(PUBLISHED));

        assertThatThrownBy(() -> codec.decode(typeName, json))
                .isInstanceOf(MessageDecodingException.class)
                .hasMessage("unknown message type '" + typeName + "'");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void rejectsAMissingOrBlankTypeName(String typeName) {
        byte[] json = codec.encode(sample(PUBLISHED));

        assertThatThrownBy(() -> codec.decode(typeName, json))
                .isInstanceOf(MessageDecodingException.class)
                .hasMessage("message has no type name");
    }

    // --- the payload as a whole ---

    @Test
    void rejectsAnEmptyPayload() {
        assertThatThrownBy(() -> codec.decode(PUBLISHED, new byte[0]))
                .isInstanceOf(MessageDecodingException.class)
                .hasMessage("message of type '" + PUBLISHED + "' has an empty payload");
        assertThatThrownBy(() -> codec.decode(PUBLISHED, (byte[]) null))
                .isInstanceOf(MessageDecodingException.class)
                .hasMessage("message of type '" + PUBLISHED + "' has an empty payload");
        assertThatThrownBy(() -> codec.decode(PUBLISHED, ""))
                .isInstanceOf(MessageDecodingException.class)
                .hasMessage("message of type '" + PUBLISHED + "' has an empty payload");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "[{}]", "\"EventPublished\"", "42", "true", "   "})
    void rejectsAPayloadThatIsNotAnObject(String json) {
        assertRejected(PUBLISHED, json).hasMessageEndingWith("payload is not a JSON object");
    }

    @Test
    void rejectsMalformedJson() {
        String valid = codec.encodeToString(sample(PUBLISHED));

        assertRejected(PUBLISHED, valid.substring(0, valid.length() / 2))
                .hasMessageContaining("Unexpected end-of-input");
        assertRejected(PUBLISHED, "{messageId: 1}")
                .hasMessageContaining("Unexpected character").hasMessageContaining("double-quote to start property name");
        assertRejected(PUBLISHED, "{'messageId':'x'}")
                .hasMessageContaining("Unexpected character");
        assertRejected(PUBLISHED, "<event/>")
                .hasMessageContaining("Unexpected character ('<'");
        assertRejected(PUBLISHED, valid.replace(",\"title\"", ",,\"title\""))
                .hasMessageContaining("Unexpected character (','");
    }

    @Test
    void rejectsTrailingGarbage() {
        String valid = codec.encodeToString(sample(PUBLISHED));

        assertRejected(PUBLISHED, valid + " {}").hasMessageContaining("Trailing token");
        assertRejected(PUBLISHED, valid + valid).hasMessageContaining("Trailing token");
        assertRejected(PUBLISHED, valid + "}").hasMessageContaining("Unexpected close marker '}'");
        assertRejected(PUBLISHED, valid + " garbage").hasMessageContaining("Unrecognized token 'garbage'");
    }

    @Test
    void rejectsDuplicateKeysRatherThanPickingOne() {
        String valid = codec.encodeToString(sample(PUBLISHED));

        assertRejected(PUBLISHED, valid.replace("{\"messageId\"", "{\"eventId\":\"another-event\",\"messageId\""))
                .hasMessageContaining("Duplicate property \"eventId\"");
    }

    // --- missing fields, for every field of every type ---

    static Stream<Arguments> requiredFields() {
        return Samples.all().stream().flatMap(sample -> Arrays.stream(Records.components(sample))
                .filter(c -> !Records.nullable(sample.getClass(), c.getName()))
                .map(c -> Arguments.of(MessageCodec.instance().typeName(sample), c.getName())));
    }

    static Stream<Arguments> requiredTextFields() {
        return Samples.all().stream().flatMap(sample -> Arrays.stream(Records.components(sample))
                .filter(c -> c.getType() == String.class && !Records.nullable(sample.getClass(), c.getName()))
                .map(c -> Arguments.of(MessageCodec.instance().typeName(sample), c.getName())));
    }

    static Stream<Arguments> nullableFields() {
        return Samples.all().stream().flatMap(sample -> Arrays.stream(Records.components(sample))
                .filter(c -> Records.nullable(sample.getClass(), c.getName()))
                .map(c -> Arguments.of(MessageCodec.instance().typeName(sample), c.getName())));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredFields")
    void rejectsAMissingRequiredField(String typeName, String field) {
        assertRejected(typeName, changed(typeName, node -> node.remove(field)))
                .hasMessageEndingWith("missing field '" + field + "'");
    }

    @ParameterizedTest(name = "{0} with {1} null")
    @MethodSource("requiredFields")
    void rejectsNullForARequiredField(String typeName, String field) {
        assertRejected(typeName, changed(typeName, node -> node.putNull(field)))
                .hasMessageEndingWith("missing field '" + field + "'");
    }

    @ParameterizedTest(name = "{0} with {1} blank")
    @MethodSource("requiredTextFields")
    void rejectsBlankRequiredText(String typeName, String field) {
        assertRejected(typeName, changed(typeName, node -> node.put(field, "  ")))
                .hasMessageEndingWith("missing field '" + field + "'");
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("nullableFields")
    void readsAnAbsentOrNullOptionalFieldAsNull(String typeName, String field) throws Exception {
        IntegrationMessage absent = codec.decode(typeName, changed(typeName, node -> node.remove(field)));
        IntegrationMessage nulled = codec.decode(typeName, changed(typeName, node -> node.putNull(field)));

        Object value = absent.getClass().getRecordComponents()[indexOf(absent, field)].getAccessor().invoke(absent);
        assertThat(value).isNull();
        assertThat(nulled).isEqualTo(absent);
        assertThat(absent).isEqualTo(Records.with(sample(typeName), field, null));
    }

    private static int indexOf(IntegrationMessage message, String field) {
        var components = message.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(field)) {
                return i;
            }
        }
        throw new AssertionError(field);
    }

    // --- null or absent primitives never become 0 or false ---

    @Test
    void rejectsNullOrAbsentPrimitives() {
        assertRejected(CAPACITY, changed(CAPACITY, n -> n.putNull("capacity")))
                .hasMessageEndingWith("missing field 'capacity'");
        assertRejected(CAPACITY, changed(CAPACITY, n -> n.remove("revision")))
                .hasMessageEndingWith("missing field 'revision'");
        assertRejected(CAPACITY, changed(CAPACITY, n -> n.putNull("revision")))
                .hasMessageEndingWith("missing field 'revision'");
        assertRejected(CANCELLED, changed(CANCELLED, n -> n.putNull("wasConfirmed")))
                .hasMessageEndingWith("missing field 'wasConfirmed'");
        assertRejected(CANCELLED, changed(CANCELLED, n -> n.remove("wasConfirmed")))
                .hasMessageEndingWith("missing field 'wasConfirmed'");
    }

    // --- wrong types: no coercion ---

    @Test
    void rejectsAStringForANumber() {
        assertRejected(CAPACITY, changed(CAPACITY, n -> n.put("capacity", "nhiều")))
                .hasMessageContaining("field 'capacity'").hasMessageContaining("Cannot coerce String value (\"nhiều\") to `int`");
        assertRejected(CAPACITY, changed(CAPACITY, n -> n.put("capacity", "200")))
                .hasMessageContaining("field 'capacity'").hasMessageContaining("Cannot coerce String value (\"200\")");
        assertRejected(CAPACITY, changed(CAPACITY, n -> n.put("capacity", "")))
                .hasMessageContaining("field 'capacity'").hasMessageContaining("Cannot coerce empty String");
        assertRejected(CAPACITY, changed(CAPACITY, n -> n.put("revision", "8")))
                .hasMessageContaining("field 'revision'").hasMessageContaining("to `long`");
    }

    @Test
    void rejectsAFractionOrAnOverflowForAnInteger() {
        assertRejected(CAPACITY, changed(CAPACITY, n -> n.put("capacity", 199.5)))
                .hasMessageContaining("field 'capacity'").hasMessageContaining("Floating-point value (199.5)");
        assertRejected(CAPACITY, changed(CAPACITY, n -> n.put("capacity", 9_999_999_999L)))
                .hasMessageContaining("field 'capacity'").hasMessageContaining("out of range of `int`");
    }

    @Test
    void rejectsOtherScalarsForTextOrBoolean() {
        assertRejected(PUBLISHED, changed(PUBLISHED, n -> n.put("eventId", 42)))
                .hasMessageContaining("field 'eventId'").hasMessageContaining("Cannot coerce Integer value (42)");
        assertRejected(PUBLISHED, changed(PUBLISHED, n -> n.put("title", true)))
                .hasMessageContaining("field 'title'").hasMessageContaining("Cannot coerce Boolean value");
        assertRejected(PUBLISHED, changed(PUBLISHED, n -> n.putObject("title").put("vi", "Hội thảo")))
                .hasMessageContaining("field 'title'").hasMessageContaining("from Object value");
        assertRejected(CANCELLED, changed(CANCELLED, n -> n.put("wasConfirmed", "true")))
                .hasMessageContaining("field 'wasConfirmed'").hasMessageContaining("to `boolean`");
        assertRejected(CANCELLED, changed(CANCELLED, n -> n.put("wasConfirmed", 1)))
                .hasMessageContaining("field 'wasConfirmed'").hasMessageContaining("Integer value (1)");
    }

    @Test
    void rejectsABadUuid() {
        assertRejected(PUBLISHED, changed(PUBLISHED, n -> n.put("messageId", "not-a-uuid")))
                .hasMessageContaining("field 'messageId'").hasMessageContaining("UUID");
        assertRejected(PUBLISHED, changed(PUBLISHED, n -> n.put("messageId", "3f1c2a4e-8b5d-4c6e-9f70-1a2b3c4d5e6z")))
                .hasMessageContaining("field 'messageId'");
    }

    @Test
    void rejectsBadDaysAndTimes() {
        assertRejected(PUBLISHED, changed(PUBLISHED, n -> n.put("startDate", "2025-13-40")))
                .hasMessageContaining("field 'startDate'").hasMessageContaining("Invalid value for MonthOfYear");
        assertRejected(PUBLISHED, changed(PUBLISHED, n -> n.put("startDate", "25/10/2025")))
                .hasMessageContaining("field 'startDate'").hasMessageContaining("'25/10/2025' could not be parsed");
        assertRejected(CHECKED_IN, changed(CHECKED_IN, n -> n.put("day", "2025-10-25T08:00:00")))
                .hasMessageContaining("field 'day'").hasMessageContaining("time component");
        assertRejected(CHECKED_IN, changed(CHECKED_IN, n -> n.put("day", 20386)))
                .hasMessageEndingWith("field 'day' must be an ISO-8601 string, was NUMBER");
        assertRejected(PUBLISHED, changed(PUBLISHED, n -> n.put("occurredAt", "hôm qua")))
                .hasMessageContaining("field 'occurredAt'").hasMessageContaining("could not be parsed");
        assertRejected(PUBLISHED, changed(PUBLISHED, n -> n.put("occurredAt", "2025-10-25T08:30:00")))
                .as("a local time without offset is ambiguous")
                .hasMessageContaining("field 'occurredAt'");
        assertRejected(PUBLISHED, changed(PUBLISHED, n -> n.put("occurredAt", 1_761_355_800L)))
                .hasMessageEndingWith("field 'occurredAt' must be an ISO-8601 string, was NUMBER");
        assertRejected(PUBLISHED, changed(PUBLISHED, n -> n.putArray("occurredAt").add(2025).add(10).add(25)))
                .hasMessageEndingWith("field 'occurredAt' must be an ISO-8601 string, was ARRAY");
    }

    @Test
    void acceptsATimeWithAnOffset() {
        IntegrationMessage message = codec.decode(PUBLISHED,
                changed(PUBLISHED, n -> n.put("occurredAt", "2025-10-25T08:30:00.123456+07:00")));

        assertThat(message.occurredAt()).isEqualTo(Samples.AT);
    }

    @Test
    void rejectsBadLists() {
        assertRejected(ACCEPTED, changed(ACCEPTED, n -> n.put("presenters", "Nguyễn Thị Hoà")))
                .hasMessageContaining("field 'presenters'").hasMessageContaining("from String value");
        assertRejected(ACCEPTED, changed(ACCEPTED, n -> n.putArray("presenters").add("Nguyễn Thị Hoà").addNull()))
                .hasMessageEndingWith("field 'presenters' has a missing entry at index 1");
        assertRejected(ACCEPTED, changed(ACCEPTED, n -> n.putArray("presenters").add("Nguyễn Thị Hoà").add(7)))
                .hasMessageContaining("field 'presenters[1]'");
    }

    @Test
    void rejectsValuesTheConstructorForbids() {
        assertRejected(CAPACITY, changed(CAPACITY, n -> n.put("capacity", -1)))
                .hasMessageEndingWith("field 'capacity' must not be negative, was -1");
        assertRejected(PUBLISHED, changed(PUBLISHED, n -> n.put("endDate", "2025-10-24")))
                .hasMessageEndingWith("field 'endDate' is before 'startDate'");
        assertRejected("events.SessionScheduled.v1",
                changed("events.SessionScheduled.v1", n -> n.put("endsAt", "2025-10-25T01:00:00Z")))
                .hasMessageEndingWith("field 'endsAt' must be after 'startsAt'");
    }

    @Test
    void keepsTheJacksonProblemAsTheCause() {
        assertThatThrownBy(() -> codec.decode(CAPACITY, changed(CAPACITY, n -> n.put("capacity", "x"))))
                .isInstanceOf(MessageDecodingException.class)
                .cause().isInstanceOf(tools.jackson.core.JacksonException.class);
    }

    // --- tolerated: unknown extra properties (see MessageCodec) ---

    @Test
    void ignoresUnknownExtraProperties() {
        IntegrationMessage sample = sample(CAPACITY);
        String json = changed(CAPACITY, n -> {
            n.put("reasonForChange", "Hội trường lớn hơn");
            n.putObject("futureBlock").putArray("tags").add("a").add(1);
            n.putNull("alsoUnknown");
        });

        assertThat(codec.decode(CAPACITY, json)).isEqualTo(sample).isInstanceOf(CapacityChanged.class);
    }

    @Test
    void readsBytesAsUtf8() {
        EventCancelled cancelled = (EventCancelled) sample("events.EventCancelled.v1");
        byte[] bytes = codec.encodeToString(cancelled).getBytes(StandardCharsets.UTF_8);

        assertThat(codec.decode("events.EventCancelled.v1", bytes)).isEqualTo(cancelled);
        assertThat(((RegistrationCancelled) codec.decode(CANCELLED, codec.encode(sample(CANCELLED)))).reason())
                .isEqualTo("Bận công tác đột xuất");
    }
}
