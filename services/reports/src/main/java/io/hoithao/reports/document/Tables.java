package io.hoithao.reports.document;

import io.hoithao.reports.report.Report;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The report as the tables both documents show, in Vietnamese (the language officials write their reports in):
 * one heading and one table each. Numbers stay numbers; dates are written day first.
 */
final class Tables {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final Map<String, String> LEVELS = Map.of("PROVINCE", "Cấp tỉnh", "DISTRICT", "Cấp huyện", "SCHOOL", "Cấp trường");
    private static final Map<String, String> KINDS = Map.of("CONFERENCE", "Hội nghị", "WORKSHOP", "Hội thảo",
            "THEMATIC_SESSION", "Sinh hoạt chuyên đề");
    private static final Map<String, String> STATES = Map.of("PUBLISHED", "Đã công bố", "IN_PROGRESS", "Đang diễn ra",
            "COMPLETED", "Đã kết thúc");

    /** A table: {@code sheet} is its short name (an XLSX sheet name: at most 31 characters). */
    record Table(String sheet, String heading, List<String> columns, List<List<Object>> rows) {
    }

    private Tables() {
    }

    public static String title(Report report) {
        return "Báo cáo sơ kết chuyên đề “" + report.programme().name() + "”, giai đoạn " + report.phase().name();
    }

    public static String subtitle(Report report) {
        return "Đơn vị: " + report.unit().officialName() + " và các đơn vị trực thuộc";
    }

    public static List<Table> of(Report report) {
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("Sự kiện", "1. Các hội nghị, hội thảo, sinh hoạt chuyên đề đã tổ chức",
                List.of("Cấp", "Loại", "Tên", "Đơn vị tổ chức", "Từ ngày", "Đến ngày", "Trạng thái", "Đơn vị tham gia"),
                report.events().stream().map(e -> List.<Object>of(level(e.level()), kind(e.kind()), e.title(), e.organiserUnit(),
                        day(e.startDate()), day(e.endDate()), STATES.getOrDefault(e.status(), e.status()),
                        String.join("; ", e.units()))).toList()));
        tables.add(new Table("Theo cấp và loại", "2. Số sự kiện theo cấp và loại", List.of("Cấp", "Loại", "Số sự kiện"),
                report.eventCounts().stream().map(c -> List.<Object>of(level(c.level()), kind(c.kind()), c.events())).toList()));
        Report.Participation p = report.participation();
        tables.add(new Table("Tham gia", "3. Đơn vị tham gia (" + level(p.level()).toLowerCase() + "): " + p.text(),
                List.of("Chỉ tiêu", "Số lượng"),
                List.of(List.of("Đơn vị đã tham gia ít nhất một sự kiện", p.tookPart()), List.of("Tổng số đơn vị", p.total()),
                        List.of("Tỉ lệ", p.text()))));
        tables.add(new Table("Chưa tham gia", "4. Đơn vị chưa tham gia", List.of("Đơn vị"),
                p.notTakingPart().stream().map(u -> List.<Object>of(u.officialName())).toList()));
        tables.add(new Table("Mô hình điểm", "5. Mô hình điểm" + (report.previousPhase() == null ? ""
                        : " (so với giai đoạn " + report.previousPhase() + ")"),
                List.of("Cấp", "Số mô hình", "Giai đoạn trước", "Tăng/giảm", "Đơn vị"),
                report.modelSites().stream().map(m -> List.<Object>of(level(m.level()), m.count(), m.previous(), m.change(),
                        String.join("; ", m.units().stream().map(Report.UnitView::officialName).toList()))).toList()));
        tables.add(attendance(report.attendance()));
        tables.add(new Table("Tham luận", "7. Báo cáo tham luận", List.of("Đơn vị", "Đã gửi", "Được chấp nhận", "Đã trình bày"),
                report.papers().stream().map(r -> List.<Object>of(r.unit(), r.submitted(), r.accepted(), r.presented())).toList()));
        tables.add(new Table("Tiết dạy minh họa", "8. Tiết dạy minh họa và dự giờ", List.of("Chỉ tiêu", "Số lượng"),
                List.of(List.of("Tiết dạy đã tổ chức", report.lessons().held()),
                        List.of("Tiết dạy có người dự giờ", report.lessons().observed()))));
        tables.add(new Table("Phiếu dự giờ", "9. Phiếu dự giờ: điểm trung bình theo tiêu chí",
                List.of("Tiêu chí", "Số phiếu", "Điểm trung bình"),
                report.criteria().stream().map(c -> List.<Object>of(c.criterion(), c.forms(), c.average())).toList()));
        return tables;
    }

    private static Table attendance(Report.Attendance attendance) {
        TreeSet<LocalDate> days = new TreeSet<>();
        attendance.checkedIn().forEach(d -> days.add(d.day()));
        List<String> columns = new ArrayList<>(List.of("Đơn vị", "Đối tượng", "Đăng ký", "Đã xác nhận"));
        days.forEach(d -> columns.add("Có mặt " + day(d)));
        List<List<Object>> rows = new ArrayList<>();
        for (Report.AttendanceRow row : attendance.rows()) {
            List<Object> cells = new ArrayList<>(List.of(row.unit(), row.category(), row.registered(), row.confirmed()));
            days.forEach(d -> cells.add(row.checkedIn().stream().filter(c -> c.day().equals(d)).mapToInt(Report.DayCount::checkedIn).sum()));
            rows.add(cells);
        }
        List<Object> total = new ArrayList<>(List.of("Tổng cộng", "", attendance.registered(), attendance.confirmed()));
        days.forEach(d -> total.add(attendance.checkedIn().stream().filter(c -> c.day().equals(d)).mapToInt(Report.DayCount::checkedIn).sum()));
        rows.add(total);
        return new Table("Điểm danh", "6. Đại biểu: đăng ký, xác nhận, có mặt theo ngày", columns, rows);
    }

    private static String level(String level) {
        return LEVELS.getOrDefault(level, level);
    }

    private static String kind(String kind) {
        return KINDS.getOrDefault(kind, kind);
    }

    private static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }
}
