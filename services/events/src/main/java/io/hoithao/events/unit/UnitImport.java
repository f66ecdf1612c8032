package io.hoithao.events.unit;

import io.hoithao.events.unit.UnitRequests.CreateUnit;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.platform.web.ProblemTypes;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bulk import of units from a UTF-8 CSV file (RFC 4180: commas, double quotes around a field that holds
 * commas or quotes). The first line names the columns, in any order and case: {@code officialName},
 * {@code kind}, {@code level} (required), {@code shortName}, {@code parent}, {@code key} (optional).
 * {@code parent} is the {@code key} of an earlier row of the file, or the id of a unit of the directory;
 * empty at the top. Each row is created as one {@code POST /api/events/units} would be, in file order, and
 * answered with its own outcome; a row whose unit exists already (same name under the same parent) is a
 * duplicate and its key then names the existing unit, so a file can be imported again.
 */
@Component
class UnitImport {

    static final int MAX_ROWS = 2000;
    /** Problem type (400), as for the registrations service's delegate uploads: a file that cannot be read as the units' CSV. */
    static final String MALFORMED_CSV = "malformed-csv";
    private static final Set<String> REQUIRED = Set.of("officialname", "kind", "level");

    private final UnitDirectory directory;

    UnitImport(UnitDirectory directory) {
        this.directory = directory;
    }

    enum Outcome { CREATED, DUPLICATE, MALFORMED, FORBIDDEN }

    /** One row's outcome (row 1 is the first after the column names): the unit created (or the existing one, for a duplicate), or why not. */
    record RowResult(long row, Outcome outcome, String unitId, String officialName, String detail) {
    }

    record Report(int created, int duplicates, int malformed, int forbidden, List<RowResult> rows) {
    }

    record Row(long number, Map<String, String> values) {
        String get(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    Mono<Report> run(byte[] csv, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.ADMIN, Role.ORGANISER);
            List<Row> rows = parse(csv);
            Map<String, String> keys = new HashMap<>();
            return Flux.fromIterable(rows).concatMap(row -> one(row, keys, caller)).collectList().map(UnitImport::report);
        });
    }

    private Mono<RowResult> one(Row row, Map<String, String> keys, Caller caller) {
        String name = row.get("officialname");
        String key = row.get("key");
        CreateUnit request;
        try {
            if (key != null && keys.containsKey(key)) {
                return Mono.just(malformed(row, name, "key " + key + " is used by an earlier row"));
            }
            request = new CreateUnit(name, row.get("shortname"), enumValue(UnitKind.class, "kind", row.get("kind")),
                    enumValue(UnitLevel.class, "level", row.get("level")), parent(row.get("parent"), keys));
        } catch (ProblemException e) {
            return Mono.just(malformed(row, name, detail(e)));
        }
        return directory.create(request, caller)
                .map(unit -> {
                    remember(key, unit.id(), keys);
                    return new RowResult(row.number(), Outcome.CREATED, unit.id(), unit.officialName(), null);
                })
                .onErrorResume(ProblemException.class, e -> {
                    if (e.status() == HttpStatus.FORBIDDEN) {
                        return Mono.just(new RowResult(row.number(), Outcome.FORBIDDEN, null, name, e.getMessage()));
                    }
                    if (e.type().equals(ProblemTypes.uri(ProblemTypes.DUPLICATE)) && e.properties().get("existingUnitId") instanceof String existing) {
                        remember(key, existing, keys);
                        return Mono.just(new RowResult(row.number(), Outcome.DUPLICATE, existing, name, e.getMessage()));
                    }
                    return Mono.just(malformed(row, name, detail(e)));
                });
    }

    private static void remember(String key, String unitId, Map<String, String> keys) {
        if (key != null) {
            keys.put(key, unitId);
        }
    }

    private static String parent(String parent, Map<String, String> keys) {
        return parent == null ? null : keys.getOrDefault(parent, parent);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        if (value == null) {
            throw ProblemException.invalidField(field, "is missing");
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static RowResult malformed(Row row, String name, String detail) {
        return new RowResult(row.number(), Outcome.MALFORMED, null, name, detail);
    }

    /** The field errors of a validation problem ("officialName: must not be blank"), else its detail. */
    private static String detail(ProblemException e) {
        if (e.properties().get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            return errors.stream().map(error -> error instanceof Map<?, ?> m ? m.get("field") + ": " + m.get("message") : String.valueOf(error))
                    .collect(Collectors.joining("; "));
        }
        return e.getMessage();
    }

    private static Report report(List<RowResult> rows) {
        Map<Outcome, Long> counts = rows.stream().collect(Collectors.groupingBy(RowResult::outcome, Collectors.counting()));
        return new Report(counts.getOrDefault(Outcome.CREATED, 0L).intValue(), counts.getOrDefault(Outcome.DUPLICATE, 0L).intValue(),
                counts.getOrDefault(Outcome.MALFORMED, 0L).intValue(), counts.getOrDefault(Outcome.FORBIDDEN, 0L).intValue(), rows);
    }

    /** The rows of the file; a file that is not UTF-8, not CSV, without the required columns or too long is 400. */
    static List<Row> parse(byte[] csv) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(csv)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest(MALFORMED_CSV, "The file is not UTF-8 text; save it as CSV UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setIgnoreHeaderCase(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .setAllowMissingColumnNames(false)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Set<String> columns = parser.getHeaderNames().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            List<String> missing = REQUIRED.stream().filter(c -> !columns.contains(c)).sorted().toList();
            if (!missing.isEmpty()) {
                throw ProblemException.badRequest(MALFORMED_CSV, "The first line must name the columns officialName, kind and"
                        + " level (and may name shortName, parent, key); missing: " + missing);
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw ProblemException.badRequest(MALFORMED_CSV, "A file holds at most " + MAX_ROWS + " units; split it");
                }
                Map<String, String> values = new HashMap<>();
                record.toMap().forEach((column, value) -> values.put(column.strip().toLowerCase(Locale.ROOT), value));
                rows.add(new Row(record.getRecordNumber(), values));
            }
            if (rows.isEmpty()) {
                throw ProblemException.badRequest(MALFORMED_CSV, "The file has no units below its first line");
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.badRequest(MALFORMED_CSV, "The file is not valid CSV: " + e.getMessage());
        }
    }
}
