package io.hoithao.reports.report;

import java.time.LocalDate;
import java.util.List;

/**
 * The review report (báo cáo sơ kết) of a programme and phase for a unit and the units below it. It holds no
 * time of its own making: the same messages give the same report, byte for byte.
 *
 * @param programme     the programme (chuyên đề)
 * @param phase         the phase reported on
 * @param previousPhase the phase before it (the model sites' change is against it); null for the first
 * @param unit          the unit reported on
 * @param events        the events of the programme in the phase organised by the unit or a unit below it, not cancelled
 * @param eventCounts   how many of them by level and kind
 * @param participation of the units below at {@code participation.level}, how many took part in at least one event
 * @param modelSites    model sites (mô hình điểm) per level among the unit and the units below, against the previous phase
 * @param attendance    delegates of the events: registered, confirmed, checked in per day, by unit and category
 * @param papers        papers (báo cáo tham luận) of the events by unit, with a total row last
 * @param lessons       demonstration lessons of the events held and observed
 * @param criteria      the observation forms' average per criterion
 */
public record Report(Named programme, PhaseView phase, String previousPhase, UnitView unit, List<EventRow> events,
                     List<EventCount> eventCounts, Participation participation, List<ModelSites> modelSites,
                     Attendance attendance, List<PaperRow> papers, Lessons lessons, List<CriterionAverage> criteria) {

    public record Named(String id, String name) {
    }

    public record PhaseView(String name, int fromYear, int toYear) {
    }

    public record UnitView(String id, String officialName, String level) {
    }

    /** {@code units}: the units that took part (the organiser and the units of confirmed delegates), by official name. */
    public record EventRow(String eventId, String title, String level, String kind, String organiserUnit, LocalDate startDate,
                           LocalDate endDate, String status, List<String> units) {
    }

    public record EventCount(String level, String kind, int events) {
    }

    /** {@code text}: "x / y", as a review report writes it. */
    public record Participation(String level, int tookPart, int total, String text, List<UnitView> notTakingPart) {
    }

    /** {@code change}: against the previous phase, signed ("+14"). */
    public record ModelSites(String level, int count, int previous, String change, List<UnitView> units) {
    }

    public record Attendance(int registered, int confirmed, List<DayCount> checkedIn, List<AttendanceRow> rows) {
    }

    public record DayCount(LocalDate day, int checkedIn) {
    }

    public record AttendanceRow(String unit, String category, int registered, int confirmed, List<DayCount> checkedIn) {
    }

    /** The last row is the total ({@code unit} "Tổng cộng"). */
    public record PaperRow(String unit, int submitted, int accepted, int presented) {
    }

    public record Lessons(int held, int observed) {
    }

    /** {@code average} rounded to two decimals. */
    public record CriterionAverage(String criterion, int forms, double average) {
    }
}
