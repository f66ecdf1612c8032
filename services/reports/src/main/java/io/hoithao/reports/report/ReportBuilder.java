package io.hoithao.reports.report;

import io.hoithao.reports.projection.Projected;
import io.hoithao.reports.report.Report.AttendanceRow;
import io.hoithao.reports.report.Report.CriterionAverage;
import io.hoithao.reports.report.Report.DayCount;
import io.hoithao.reports.report.Report.EventCount;
import io.hoithao.reports.report.Report.EventRow;
import io.hoithao.reports.report.Report.ModelSites;
import io.hoithao.reports.report.Report.PaperRow;
import io.hoithao.reports.report.Report.UnitView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Computes the report from the read model's documents, in memory and with no other input, so that the same
 * documents always give the same report. Rules (docs/decisions.md, "The review report"):
 * <ul>
 *   <li>an event is in the phase when its first day's year is within the phase's years; cancelled events are left out;</li>
 *   <li>the report's events are those organised by the unit or a unit below it;</li>
 *   <li>a unit took part if it organised an event of the programme in the phase (anyone's, not only the report's),
 *       or one of its delegates holds a confirmed seat at one;</li>
 *   <li>a paper is presented once its event is completed with the paper in a slot of the programme;</li>
 *   <li>a lesson is held unless cancelled, and observed once an observation form was submitted for it.</li>
 * </ul>
 */
final class ReportBuilder {

    static final String TOTAL = "Tổng cộng";
    static final List<String> MODEL_SITE_LEVELS = List.of("PROVINCE", "DISTRICT");

    private ReportBuilder() {
    }

    record Inputs(Projected.Programme programme, Projected.Phase phase, Projected.Unit unit, String participationLevel,
                  List<Projected.Unit> units, List<Projected.Event> events, List<Projected.ModelSite> modelSites,
                  List<Projected.Registration> registrations, List<Projected.Paper> papers, List<Projected.Lesson> lessons,
                  List<Projected.Form> forms) {
    }

    /** The phase that began last before this one, or null. */
    static Projected.Phase previous(Projected.Programme programme, Projected.Phase phase) {
        return programme.phases().stream()
                .filter(p -> p.fromYear() < phase.fromYear())
                .max(Comparator.comparingInt(Projected.Phase::fromYear).thenComparing(Projected.Phase::name))
                .orElse(null);
    }

    static Report build(Inputs in) {
        Directory directory = new Directory(in.units());
        String root = in.unit().id();

        List<Projected.Event> phaseEvents = in.events().stream()
                .filter(e -> e.status() != null && !"CANCELLED".equals(e.status()) && e.startDate() != null)
                .filter(e -> e.startDate().getYear() >= in.phase().fromYear() && e.startDate().getYear() <= in.phase().toYear())
                .toList();
        Set<String> phaseEventIds = phaseEvents.stream().map(Projected.Event::id).collect(Collectors.toSet());
        Map<String, List<Projected.Registration>> confirmedByEvent = in.registrations().stream()
                .filter(r -> "CONFIRMED".equals(r.status()) && phaseEventIds.contains(r.eventId()))
                .collect(Collectors.groupingBy(Projected.Registration::eventId));

        // Units that took part, in any event of the phase.
        Set<String> tookPart = new HashSet<>();
        for (Projected.Event event : phaseEvents) {
            directory.organiser(event).ifPresent(u -> tookPart.add(u.id()));
            for (Projected.Registration r : confirmedByEvent.getOrDefault(event.id(), List.of())) {
                directory.resolve(r.unit()).ifPresent(u -> tookPart.add(u.id()));
            }
        }

        List<Projected.Event> scoped = phaseEvents.stream()
                .filter(e -> directory.organiser(e).map(u -> directory.within(u.id(), root)).orElse(false))
                .sorted(Comparator.comparing(Projected.Event::startDate).thenComparing(Projected.Event::id))
                .toList();
        Set<String> scopedIds = scoped.stream().map(Projected.Event::id).collect(Collectors.toSet());

        List<EventRow> rows = scoped.stream().map(e -> {
            Set<String> names = new TreeSet<>();
            names.add(directory.organiserName(e));
            confirmedByEvent.getOrDefault(e.id(), List.of()).forEach(r -> names.add(directory.display(r.unit())));
            names.remove("");
            return new EventRow(e.id(), e.title(), e.level(), e.kind(), directory.organiserName(e), e.startDate(),
                    e.endDate(), e.status(), List.copyOf(names));
        }).toList();
        Map<List<String>, Integer> counts = new TreeMap<>(Comparator.comparing((List<String> k) -> levelOrder(k.get(0)))
                .thenComparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        scoped.forEach(e -> counts.merge(List.of(e.level(), e.kind()), 1, Integer::sum));
        List<EventCount> eventCounts = counts.entrySet().stream()
                .map(c -> new EventCount(c.getKey().get(0), c.getKey().get(1), c.getValue())).toList();

        List<Projected.Unit> subtree = directory.subtree(root);
        List<Projected.Unit> counted = subtree.stream().filter(u -> in.participationLevel().equals(u.level()))
                .sorted(byName()).toList();
        List<UnitView> missing = counted.stream().filter(u -> !tookPart.contains(u.id())).map(ReportBuilder::view).toList();
        int took = counted.size() - missing.size();
        Report.Participation participation = new Report.Participation(in.participationLevel(), took, counted.size(),
                took + " / " + counted.size(), missing);

        Projected.Phase before = previous(in.programme(), in.phase());
        List<ModelSites> modelSites = new ArrayList<>();
        for (String level : MODEL_SITE_LEVELS) {
            List<UnitView> now = sites(in.modelSites(), directory, root, in.phase().name(), level).stream()
                    .sorted(byName()).map(ReportBuilder::view).toList();
            int earlier = before == null ? 0 : sites(in.modelSites(), directory, root, before.name(), level).size();
            int change = now.size() - earlier;
            modelSites.add(new ModelSites(level, now.size(), earlier, (change >= 0 ? "+" : "") + change, now));
        }

        return new Report(new Report.Named(in.programme().id(), in.programme().name()),
                new Report.PhaseView(in.phase().name(), in.phase().fromYear(), in.phase().toYear()),
                before == null ? null : before.name(), view(in.unit()), rows, eventCounts, participation, modelSites,
                attendance(in.registrations(), scopedIds, directory), papers(in.papers(), scoped, directory),
                lessons(in.lessons(), in.forms(), scopedIds), criteria(in.forms(), scopedIds));
    }

    private static List<Projected.Unit> sites(List<Projected.ModelSite> sites, Directory directory, String root, String phase,
                                              String level) {
        return sites.stream()
                .filter(s -> phase.equals(s.phase()) && level.equals(s.level()) && directory.within(s.unitId(), root))
                .map(s -> directory.find(s.unitId()).orElse(null)).filter(Objects::nonNull).distinct().toList();
    }

    private static Report.Attendance attendance(List<Projected.Registration> registrations, Set<String> events, Directory directory) {
        Map<List<String>, int[]> byUnit = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        Map<List<String>, Map<LocalDate, Integer>> daysByUnit = new HashMap<>();
        Map<LocalDate, Integer> days = new TreeMap<>();
        int registered = 0;
        int confirmed = 0;
        for (Projected.Registration r : registrations) {
            if (!events.contains(r.eventId()) || r.status() == null) {
                continue; // a check-in told before its registration: not a registration yet
            }
            List<String> key = List.of(directory.display(r.unit()), r.category() == null ? "" : r.category());
            int[] counts = byUnit.computeIfAbsent(key, k -> new int[2]);
            registered++;
            counts[0]++;
            if ("CONFIRMED".equals(r.status())) {
                confirmed++;
                counts[1]++;
                for (LocalDate day : new TreeSet<>(r.checkIns())) {
                    days.merge(day, 1, Integer::sum);
                    daysByUnit.computeIfAbsent(key, k -> new TreeMap<>()).merge(day, 1, Integer::sum);
                }
            }
        }
        List<AttendanceRow> rows = byUnit.entrySet().stream().map(e -> new AttendanceRow(e.getKey().get(0), e.getKey().get(1),
                e.getValue()[0], e.getValue()[1], dayCounts(daysByUnit.getOrDefault(e.getKey(), Map.of())))).toList();
        return new Report.Attendance(registered, confirmed, dayCounts(days), rows);
    }

    private static List<DayCount> dayCounts(Map<LocalDate, Integer> days) {
        return new TreeMap<>(days).entrySet().stream().map(d -> new DayCount(d.getKey(), d.getValue())).toList();
    }

    private static List<PaperRow> papers(List<Projected.Paper> papers, List<Projected.Event> events, Directory directory) {
        Map<String, Projected.Event> byId = events.stream().collect(Collectors.toMap(Projected.Event::id, e -> e));
        Map<String, int[]> byUnit = new TreeMap<>();
        int[] total = new int[3];
        for (Projected.Paper paper : papers) {
            Projected.Event event = byId.get(paper.eventId());
            if (event == null || paper.status() == null) {
                continue;
            }
            int[] counts = byUnit.computeIfAbsent(directory.display(paper.unit()), k -> new int[3]);
            boolean accepted = "ACCEPTED".equals(paper.status());
            boolean presented = accepted && Boolean.TRUE.equals(paper.scheduled()) && "COMPLETED".equals(event.status());
            int[] add = {1, accepted ? 1 : 0, presented ? 1 : 0};
            for (int i = 0; i < 3; i++) {
                counts[i] += add[i];
                total[i] += add[i];
            }
        }
        List<PaperRow> rows = new ArrayList<>(byUnit.entrySet().stream()
                .map(e -> new PaperRow(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList());
        rows.add(new PaperRow(TOTAL, total[0], total[1], total[2]));
        return rows;
    }

    private static Report.Lessons lessons(List<Projected.Lesson> lessons, List<Projected.Form> forms, Set<String> events) {
        Set<String> observed = forms.stream().map(Projected.Form::lessonId).collect(Collectors.toSet());
        List<Projected.Lesson> held = lessons.stream()
                .filter(l -> events.contains(l.eventId()) && l.title() != null && !Boolean.TRUE.equals(l.cancelled())).toList();
        return new Report.Lessons(held.size(), (int) held.stream().filter(l -> observed.contains(l.id())).count());
    }

    private static List<CriterionAverage> criteria(List<Projected.Form> forms, Set<String> events) {
        Map<String, int[]> sums = new TreeMap<>();
        for (Projected.Form form : forms) {
            if (!events.contains(form.eventId()) || form.scores() == null) {
                continue;
            }
            form.scores().forEach((criterion, score) -> {
                int[] s = sums.computeIfAbsent(criterion, k -> new int[2]);
                s[0]++;
                s[1] += score;
            });
        }
        return sums.entrySet().stream().map(e -> new CriterionAverage(e.getKey(), e.getValue()[0],
                BigDecimal.valueOf(e.getValue()[1]).divide(BigDecimal.valueOf(e.getValue()[0]), 2, RoundingMode.HALF_UP)
                        .doubleValue())).toList();
    }

    private static int levelOrder(String level) {
        int i = List.of("PROVINCE", "DISTRICT", "SCHOOL").indexOf(level);
        return i < 0 ? 3 : i;
    }

    private static Comparator<Projected.Unit> byName() {
        return Comparator.comparing(Projected.Unit::officialName).thenComparing(Projected.Unit::id);
    }

    static UnitView view(Projected.Unit unit) {
        return new UnitView(unit.id(), unit.officialName(), unit.level());
    }
}
