package io.hoithao.events.event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What a list of events is narrowed to. {@code from}/{@code to} select events with at least one day
 * in that range; {@code q} matches events whose title, description, organiser or venues contain every
 * word, ignoring diacritics and case; {@code organiser} is the organising unit's id in the directory (exactly:
 * a unit is never found by its name).
 */
record EventFilter(EventStatus status, EventLevel level, EventKind kind, String organiser, String programmeId,
                   LocalDate from, LocalDate to, String q) {

    /** The query for this filter, narrowed further by {@code visibility} (null: not narrowed). */
    Query query(Criteria visibility) {
        List<Criteria> all = new ArrayList<>();
        if (visibility != null) {
            all.add(visibility);
        }
        if (status != null) {
            all.add(Criteria.where("status").is(status));
        }
        if (level != null) {
            all.add(Criteria.where("level").is(level));
        }
        if (kind != null) {
            all.add(Criteria.where("kind").is(kind));
        }
        if (organiser != null && !organiser.isBlank()) {
            all.add(Criteria.where("organiserUnitId").is(organiser.strip()));
        }
        if (programmeId != null && !programmeId.isBlank()) {
            all.add(Criteria.where("programmeId").is(programmeId));
        }
        if (to != null) {
            all.add(Criteria.where("startDate").lte(to));
        }
        if (from != null) {
            all.add(Criteria.where("endDate").gte(from));
        }
        List<String> terms = SearchText.terms(q);
        if (!terms.isEmpty()) {
            all.add(Criteria.where("searchTerms").all(terms));
        }
        return all.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(all));
    }
}
