package io.hoithao.observations.form;

import java.util.List;
import java.util.Map;

/** Per-lesson figures of the submitted forms: for each criterion its mean, count, lowest and highest score. */
final class Aggregates {

    record CriterionSummary(String id, String label, Double mean, int count, Integer min, Integer max) {
    }

    record Summary(String lessonId, int forms, List<CriterionSummary> criteria) {
    }

    private Aggregates() {
    }

    static Summary of(String lessonId, List<Criterion> criteria, List<Map<String, Integer>> scores) {
        List<CriterionSummary> lines = criteria.stream().map(criterion -> {
            List<Integer> given = scores.stream().map(s -> s.get(criterion.id())).filter(java.util.Objects::nonNull).toList();
            if (given.isEmpty()) {
                return new CriterionSummary(criterion.id(), criterion.label(), null, 0, null, null);
            }
            double mean = given.stream().mapToInt(Integer::intValue).average().orElseThrow();
            return new CriterionSummary(criterion.id(), criterion.label(), Math.round(mean * 100) / 100.0, given.size(),
                    given.stream().min(Integer::compare).orElseThrow(), given.stream().max(Integer::compare).orElseThrow());
        }).toList();
        return new Summary(lessonId, scores.size(), lines);
    }
}
