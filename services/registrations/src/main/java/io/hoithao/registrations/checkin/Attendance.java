package io.hoithao.registrations.checkin;

import io.hoithao.platform.text.Units;
import io.hoithao.registrations.registration.DelegateCategory;
import io.hoithao.registrations.registration.Registration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who came, per day, per unit and per category, counted from the confirmed registrations: plain Java so
 * the counting rules are tested without a database. "36 of 36 teachers attended" reads
 * {@code attended of confirmed}, where confirmed is everyone holding a seat.
 */
record Attendance(String eventId, int confirmed, List<Day> days) {

    record Count(int confirmed, int attended, String summary) {
    }

    record UnitDay(String unit, int confirmed, int attended, String summary, Map<DelegateCategory, Count> categories) {
    }

    record Day(LocalDate day, int confirmed, int attended, String summary, Map<DelegateCategory, Count> categories,
               List<UnitDay> units) {
    }

    static Attendance of(String eventId, List<LocalDate> eventDays, List<Registration> confirmed) {
        TreeSet<LocalDate> days = new TreeSet<>(eventDays);
        // days before the schedule was known here, or outside it, still show
        confirmed.forEach(r -> r.checkIns().forEach(day -> days.add(LocalDate.parse(day))));
        Map<String, List<Registration>> byUnit = new TreeMap<>();
        Map<String, String> unitNames = new LinkedHashMap<>();
        confirmed.stream().sorted(Comparator.comparing(Registration::createdAt)).forEach(r -> {
            byUnit.computeIfAbsent(r.unitId(), k -> new ArrayList<>()).add(r);
            unitNames.putIfAbsent(r.unitId(), r.unit());
        });
        List<Day> result = new ArrayList<>();
        for (LocalDate day : days) {
            List<UnitDay> units = new ArrayList<>();
            byUnit.forEach((key, members) -> {
                int attended = attended(members, day);
                units.add(new UnitDay(unitNames.get(key), members.size(), attended,
                        summary(attended, members.size(), "delegates"), categories(members, day)));
            });
            units.sort(Comparator.comparing(unit -> Units.fold(unit.unit())));
            int attended = attended(confirmed, day);
            result.add(new Day(day, confirmed.size(), attended, summary(attended, confirmed.size(), "delegates"),
                    categories(confirmed, day), units));
        }
        return new Attendance(eventId, confirmed.size(), result);
    }

    private static int attended(List<Registration> registrations, LocalDate day) {
        String iso = day.toString();
        return (int) registrations.stream().filter(r -> r.checkIns().contains(iso)).count();
    }

    private static Map<DelegateCategory, Count> categories(List<Registration> registrations, LocalDate day) {
        Map<DelegateCategory, Count> counts = new EnumMap<>(DelegateCategory.class);
        for (DelegateCategory category : DelegateCategory.values()) {
            List<Registration> members = registrations.stream().filter(r -> r.category() == category).toList();
            if (!members.isEmpty()) {
                int attended = attended(members, day);
                counts.put(category, new Count(members.size(), attended, summary(attended, members.size(), plural(category))));
            }
        }
        return counts;
    }

    static String summary(int attended, int confirmed, String who) {
        return attended + " of " + confirmed + " " + who + " attended";
    }

    private static String plural(DelegateCategory category) {
        return switch (category) {
            case LEADER -> "leaders";
            case MANAGER -> "managers";
            case TEACHER -> "teachers";
            case STAFF -> "staff";
            case GUEST -> "guests";
        };
    }
}
