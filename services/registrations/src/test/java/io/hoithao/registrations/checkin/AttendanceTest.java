package io.hoithao.registrations.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.platform.text.Units;
import io.hoithao.registrations.registration.DelegateCategory;
import io.hoithao.registrations.registration.Registration;
import io.hoithao.registrations.registration.RegistrationStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttendanceTest {

    static final LocalDate DAY1 = LocalDate.of(2024, 12, 21);
    static final LocalDate DAY2 = DAY1.plusDays(1);

    static Registration delegate(int n, String unit, DelegateCategory category, LocalDate... days) {
        Instant at = Instant.parse("2024-12-01T00:00:00Z").plusSeconds(n);
        return new Registration("r" + n, "evt", "Giáo viên " + n, "gv" + n + "@mn.edu.vn", "0912345678", unit,
                Units.key(unit), null, category, null, RegistrationStatus.CONFIRMED, "CODE-000" + n, null, null,
                List.of(days).stream().map(LocalDate::toString).toList(), 1, at, at, null, null);
    }

    @Test
    void thirtySixOfThirtySixTeachersAttended() {
        List<Registration> confirmed = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            confirmed.add(delegate(i, "Trường Mầm non Long Biên", DelegateCategory.TEACHER, DAY1));
        }
        confirmed.add(delegate(100, "Trường Mầm non Long Biên", DelegateCategory.MANAGER));

        Attendance attendance = Attendance.of("evt", List.of(DAY1), confirmed);

        Attendance.Day day = attendance.days().get(0);
        assertThat(day.categories().get(DelegateCategory.TEACHER).summary()).isEqualTo("36 of 36 teachers attended");
        assertThat(day.categories().get(DelegateCategory.MANAGER).summary()).isEqualTo("0 of 1 managers attended");
        assertThat(day.summary()).isEqualTo("36 of 37 delegates attended");
        assertThat(day.units()).singleElement().satisfies(unit -> assertThat(unit.attended()).isEqualTo(36));
    }

    @Test
    void countsEachDayAndUnitApartAndShowsDaysOutsideTheKnownSchedule() {
        List<Registration> confirmed = List.of(
                delegate(1, "Phòng GD&ĐT Chợ Mới", DelegateCategory.LEADER, DAY1, DAY2),
                delegate(2, "Trường Mầm non Đồng Tâm", DelegateCategory.TEACHER, DAY2),
                delegate(3, "Trường Mầm non Đồng Tâm", DelegateCategory.TEACHER));

        Attendance attendance = Attendance.of("evt", List.of(DAY1), confirmed);

        assertThat(attendance.days()).extracting(Attendance.Day::day).containsExactly(DAY1, DAY2);
        assertThat(attendance.days().get(0).units()).extracting(Attendance.UnitDay::unit, Attendance.UnitDay::attended)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Phòng GD&ĐT Chợ Mới", 1),
                        org.assertj.core.groups.Tuple.tuple("Trường Mầm non Đồng Tâm", 0));
        assertThat(attendance.days().get(1).units().get(1).summary()).isEqualTo("1 of 2 delegates attended");
        assertThat(CheckInHandler.csv(attendance)).contains("2024-12-22,Trường Mầm non Đồng Tâm,2,1,1 of 2 delegates attended");
    }
}
