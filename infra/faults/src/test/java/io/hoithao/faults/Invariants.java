package io.hoithao.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.hoithao.devstack.App;
import tools.jackson.databind.JsonNode;

/**
 * What must hold after any scenario: every acknowledged registration and booking exists exactly once;
 * the observations service's observers, and the events service's programme view (confirmed
 * delegates, each lesson's seats left) equal what the producers' own data says; no dead letters.
 */
final class Invariants {

    static final Duration REPAIR = Duration.ofSeconds(90);

    private Invariants() {
    }

    /** Checks everything; the projections may take up to {@code converge} to catch up. Returns the time they took. */
    static Duration check(FaultStack stack, FaultStack.Scenario scenario, Workload workload, Duration converge) throws Exception {
        String eventId = scenario.eventId();
        // every acknowledged registration exists exactly once; no delegate twice; the seats' count is
        // the confirmed registrations once the registrations service's repair sweep has settled a
        // registration a fault cut short between its seat and its document (grace 30 s, every 30 s)
        long t00 = System.nanoTime();
        List<List<JsonNode>> settled = new ArrayList<>(List.of(List.of()));
        await().atMost(REPAIR).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<JsonNode> listed = registrations(stack, eventId);
            long confirmedListed = listed.stream().filter(r -> "CONFIRMED".equals(r.get("status").asString())).count();
            JsonNode seats = stack.get(App.REGISTRATIONS, "/api/registrations/events/" + eventId);
            assertThat(seats.get("confirmed").asLong()).as("the seats' count").isEqualTo(confirmedListed);
            settled.set(0, listed);
        });
        Duration repaired = Duration.ofNanos(System.nanoTime() - t00);
        List<JsonNode> stored = settled.get(0);
        Map<String, Long> byId = stored.stream().collect(Collectors.groupingBy(r -> r.get("id").asString(), Collectors.counting()));
        Map<String, Long> byEmail = stored.stream().collect(Collectors.groupingBy(r -> r.get("email").asString(), Collectors.counting()));
        assertThat(byId.values()).as("registrations listed twice").allMatch(count -> count == 1);
        assertThat(byEmail.values()).as("a delegate registered twice").allMatch(count -> count == 1);
        assertThat(byId.keySet()).as("acknowledged registrations lost").containsAll(workload.registrations.keySet());
        Set<String> confirmed = stored.stream().filter(r -> "CONFIRMED".equals(r.get("status").asString()))
                .map(r -> r.get("id").asString()).collect(Collectors.toCollection(TreeSet::new));

        // every acknowledged booking exists exactly once, booked or waiting
        Map<String, JsonNode> lessons = new HashMap<>();
        Map<String, Integer> held = new HashMap<>();
        for (String lessonId : scenario.lessonIds()) {
            JsonNode observers = stack.get(App.OBSERVATIONS, "/api/observations/lessons/" + lessonId + "/observers");
            lessons.put(lessonId, observers);
            for (JsonNode holder : concat(observers.get("booked"), observers.get("waiting"))) {
                held.merge(holder.get("registrationId").asString() + "@" + lessonId, 1, Integer::sum);
            }
            assertThat(observers.get("seatsLeft").asInt()).as("seats left of " + lessonId)
                    .isEqualTo(observers.get("seats").asInt() - observers.get("booked").size());
        }
        assertThat(held.values()).as("a booking held twice").allMatch(count -> count == 1);
        workload.bookings.forEach((registrationId, lessonId) ->
                assertThat(held).as("acknowledged booking lost").containsKey(registrationId + "@" + lessonId));

        // the projections converge on the producers' data
        long t0 = System.nanoTime();
        await().atMost(converge).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Set<String> observers = new TreeSet<>();
            for (JsonNode observer : stack.get(App.OBSERVATIONS, "/api/observations/events/" + eventId + "/observers")) {
                observers.add(observer.get("registrationId").asString());
            }
            assertThat(observers).as("observers known to the observations service").isEqualTo(confirmed);
            JsonNode programme = stack.get(App.EVENTS, "/api/events/" + eventId + "/programme");
            assertThat(programme.get("registrations").get("confirmed").asLong()).as("confirmed in the programme view")
                    .isEqualTo(confirmed.size());
            Map<String, Integer> seatsLeft = new HashMap<>();
            for (JsonNode lesson : lessonsOf(programme)) {
                seatsLeft.put(lesson.get("lessonId").asString(), lesson.path("seatsLeft").isNull() ? null : lesson.path("seatsLeft").asInt());
            }
            for (String lessonId : scenario.lessonIds()) {
                assertThat(seatsLeft.get(lessonId)).as("seats left of " + lessonId + " in the programme view")
                        .isEqualTo(lessons.get(lessonId).get("seatsLeft").asInt());
            }
        });
        Duration converged = Duration.ofNanos(System.nanoTime() - t0);

        // no dead letters (none of the scenarios poisons a message)
        for (App app : new App[] {App.EVENTS, App.REGISTRATIONS, App.OBSERVATIONS}) {
            JsonNode letters = stack.get(app, "/actuator/deadletters");
            assertThat(letters.get("deadLetters").size()).as("dead letters of " + app.id() + ": " + letters).isZero();
        }
        assertThat(workload.unexpected).as("5xx answers other than 503 problem+json").isEmpty();
        FaultStack.report("invariants hold: %d registrations stored (%d acknowledged, %d confirmed; seats' count settled"
                        + " after %.1f s), %d bookings held (%d acknowledged), observers and programme view equal after %.1f s,"
                        + " no dead letters", stored.size(), workload.registrations.size(), confirmed.size(),
                repaired.toMillis() / 1000.0, held.size(), workload.bookings.size(), converged.toMillis() / 1000.0);
        return converged;
    }

    private static List<JsonNode> registrations(FaultStack stack, String eventId) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = stack.get(App.REGISTRATIONS, "/api/registrations/events/" + eventId + "/registrations?size=500&page=" + page)
                    .get("items");
            items.forEach(all::add);
            if (items.size() < 500) {
                return all;
            }
        }
    }

    private static List<JsonNode> lessonsOf(JsonNode programme) {
        List<JsonNode> lessons = new ArrayList<>();
        programme.path("otherLessons").forEach(lessons::add);
        for (JsonNode day : programme.path("days")) {
            for (JsonNode item : day.path("sessions")) {
                item.path("lessons").forEach(lessons::add);
            }
        }
        return lessons;
    }

    private static List<JsonNode> concat(JsonNode a, JsonNode b) {
        List<JsonNode> all = new ArrayList<>();
        a.forEach(all::add);
        b.forEach(all::add);
        return all;
    }
}
