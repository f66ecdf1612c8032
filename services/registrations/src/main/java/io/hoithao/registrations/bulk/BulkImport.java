package io.hoithao.registrations.bulk;

import io.hoithao.platform.text.Units;
import io.hoithao.platform.units.KnownUnits;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.registrations.event.EventAccess;
import io.hoithao.registrations.event.EventProjection;
import io.hoithao.registrations.registration.DelegateCategory;
import io.hoithao.registrations.registration.Registration;
import io.hoithao.registrations.registration.RegistrationRequest;
import io.hoithao.registrations.registration.RegistrationService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registers the delegates of a CSV file one row at a time, in file order (first come, first served),
 * through the same path as a single registration. Each row is checked whole before anything is written,
 * and a row is one registration: a bad row is rejected without writing a delegate or taking a seat, and
 * the rows before and after it are unaffected.
 */
@Service
class BulkImport {

    static final String MALFORMED_CSV = "malformed-csv";
    static final int MAX_ROWS = 2000;
    static final List<String> REQUIRED = List.of("fullName", "email", "phone", "category");

    private final RegistrationService registrations;
    private final EventProjection events;
    private final Validator validator;
    private final KnownUnits units;

    BulkImport(RegistrationService registrations, EventProjection events, Validator validator, KnownUnits units) {
        this.units = units;
        this.registrations = registrations;
        this.events = events;
        this.validator = validator;
    }

    enum Outcome { REGISTERED, WAITLISTED, PENDING_APPROVAL, REJECTED }

    record Row(long row, String email, String fullName, Outcome outcome, String registrationId, String confirmationCode,
               String problemType, String reason) {
    }

    record Result(String eventId, int total, long registered, long waitlisted, long pendingApproval, long rejected,
                  List<Row> rows) {
    }

    /**
     * Registers the file's rows as requests of {@code requester} (the uploader's token subject). With a
     * {@code delegation} (a unit's contact uploading), every row is of that unit, and a row naming another is rejected.
     */
    Mono<Result> importCsv(String eventId, String csv, String defaultUnit, String idempotencyKey, String requester,
                           EventAccess.Delegation delegation) {
        List<CSVRecord> records = parse(csv);
        return events.find(eventId)
                .filter(event -> event.acceptsRegistrations(Instant.now()))
                .switchIfEmpty(Mono.error(() -> ProblemException.conflict("registration-not-open",
                        "Registration for event " + eventId + " is not open").with("eventId", eventId)))
                .flatMap(event -> Flux.fromIterable(records)
                        .concatMap(record -> row(eventId, record, defaultUnit, idempotencyKey, requester, delegation))
                        .collectList())
                .map(rows -> new Result(eventId, rows.size(), count(rows, Outcome.REGISTERED), count(rows, Outcome.WAITLISTED),
                        count(rows, Outcome.PENDING_APPROVAL), count(rows, Outcome.REJECTED), rows));
    }

    private static long count(List<Row> rows, Outcome outcome) {
        return rows.stream().filter(row -> row.outcome() == outcome).count();
    }

    private static List<CSVRecord> parse(String csv) {
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setIgnoreHeaderCase(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> missing = REQUIRED.stream()
                    .filter(column -> parser.getHeaderMap().keySet().stream().noneMatch(column::equalsIgnoreCase))
                    .toList();
            if (!missing.isEmpty()) {
                throw ProblemException.badRequest(MALFORMED_CSV, "The CSV header lacks the column(s) " + missing
                        + "; expected fullName,email,phone,unit,position,category,note").with("missingColumns", missing);
            }
            List<CSVRecord> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (records.size() == MAX_ROWS) {
                    throw ProblemException.badRequest(MALFORMED_CSV, "A file may hold at most " + MAX_ROWS + " delegates");
                }
                records.add(record);
            }
            return records;
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // commons-csv reports an unterminated quote or a broken header this way; the file cannot be read row by row
            throw ProblemException.badRequest(MALFORMED_CSV, "The file is not readable as UTF-8 CSV with a header row");
        }
    }

    private Mono<Row> row(String eventId, CSVRecord record, String defaultUnit, String idempotencyKey, String requester,
                          EventAccess.Delegation delegation) {
        long line = record.getRecordNumber() + 1; // the header is line 1
        Map<String, String> values = record.toMap();
        String email = value(values, "email");
        String fullName = value(values, "fullName");
        if (!record.isConsistent()) {
            return Mono.just(rejected(line, email, fullName, MALFORMED_CSV,
                    "the row has " + record.size() + " columns, the header " + record.getParser().getHeaderNames().size()));
        }
        DelegateCategory category = Categories.parse(value(values, "category"));
        if (category == null && value(values, "category") != null) {
            return Mono.just(rejected(line, email, fullName, "validation", "category: '" + value(values, "category")
                    + "' is not one of " + List.of(DelegateCategory.values())));
        }
        // a row's unit is a unit of the directory, by id (column unitId, or the upload's default)
        String unitId = value(values, "unitId") == null ? defaultUnit : value(values, "unitId");
        Mono<KnownUnits.KnownUnit> unit;
        if (delegation != null) {
            if (unitId != null && !unitId.equals(delegation.unitId())) {
                return units.name(unitId, unitId).map(name -> rejected(line, email, fullName, "forbidden", "the row's unit "
                        + name + " is not " + delegation.unit() + ", whose delegation you manage"));
            }
            unit = Mono.just(new KnownUnits.KnownUnit(delegation.unitId(), delegation.unit(), null, null));
        } else if (unitId == null) {
            return Mono.just(rejected(line, email, fullName, "validation", "unitId: is required (a column unitId, or ?unitId= for"
                    + " every row)"));
        } else {
            unit = units.find(unitId);
        }
        return unit.flatMap(found -> register(line, eventId, values, fullName, email, category, found, idempotencyKey, requester))
                .switchIfEmpty(Mono.fromSupplier(() -> rejected(line, email, fullName, "validation",
                        "unitId: " + unitId + " is not the id of a unit of the directory")));
    }

    private Mono<Row> register(long line, String eventId, Map<String, String> values, String fullName, String email,
                               DelegateCategory category, KnownUnits.KnownUnit unit, String idempotencyKey, String requester) {
        RegistrationRequest request = new RegistrationRequest(eventId, fullName, email, value(values, "phone"),
                unit.officialName(), unit.id(), value(values, "position"), category, value(values, "note"));
        Set<ConstraintViolation<RegistrationRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return Mono.just(rejected(line, email, fullName, "validation", violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .sorted(Comparator.naturalOrder())
                    .collect(Collectors.joining("; "))));
        }
        String key = idempotencyKey == null ? null : idempotencyKey + "#" + line;
        return registrations.register(request, key, requester)
                .map(outcome -> registered(line, outcome.registration()))
                .onErrorResume(ProblemException.class, e -> Mono.just(rejected(line, email, fullName,
                        e.type().toString().substring(e.type().toString().lastIndexOf('/') + 1), e.getMessage())));
    }

    private static Row registered(long line, Registration r) {
        Outcome outcome = switch (r.status()) {
            case CONFIRMED -> Outcome.REGISTERED;
            case AWAITING_APPROVAL -> Outcome.PENDING_APPROVAL;
            case WAITLISTED, PENDING -> Outcome.WAITLISTED;
            case CANCELLED, REJECTED -> Outcome.REJECTED;
        };
        return new Row(line, r.email(), r.fullName(), outcome, r.id(), r.confirmationCode(), null,
                outcome == Outcome.REJECTED ? "the registration is " + r.status() : null);
    }

    private static Row rejected(long line, String email, String fullName, String type, String reason) {
        return new Row(line, email, fullName, Outcome.REJECTED, null, null, type, reason);
    }

    private static String value(Map<String, String> values, String column) {
        return values.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(column))
                .map(Map.Entry::getValue)
                .filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(null);
    }

    /** Categories as organisers write them in spreadsheets, in English or Vietnamese, with or without diacritics. */
    static final class Categories {

        private static final Map<String, DelegateCategory> NAMES = Map.ofEntries(
                Map.entry("lanh dao", DelegateCategory.LEADER),
                Map.entry("can bo quan ly", DelegateCategory.MANAGER),
                Map.entry("quan ly", DelegateCategory.MANAGER),
                Map.entry("giao vien", DelegateCategory.TEACHER),
                Map.entry("nhan vien", DelegateCategory.STAFF),
                Map.entry("khach moi", DelegateCategory.GUEST));

        private Categories() {
        }

        static DelegateCategory parse(String text) {
            if (text == null) {
                return null;
            }
            String folded = Units.fold(text);
            for (DelegateCategory category : DelegateCategory.values()) {
                if (category.name().equalsIgnoreCase(folded)) {
                    return category;
                }
            }
            return NAMES.get(folded);
        }
    }
}
