package io.hoithao.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.apache.kafka.common.header.Headers;
import org.springframework.messaging.MessageHeaders;

/** The CloudEvents Kafka binding headers (binary mode) every message travels with. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    public static void write(Headers headers, String id, String type, String source, Object occurredAt, String subject) {
        Instant time = occurredAt instanceof Date date ? date.toInstant() : (Instant) occurredAt;
        add(headers, ID, id);
        add(headers, TYPE, type);
        add(headers, SOURCE, source);
        add(headers, TIME, time.toString());
        add(headers, SPEC_VERSION, "1.0");
        add(headers, SUBJECT, subject);
        add(headers, CONTENT_TYPE, "application/json");
    }

    /** A header of a consumed message as text, whether the binder mapped it to a String or left the raw bytes. */
    public static String read(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
