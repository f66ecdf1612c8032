package io.hoithao.registrations.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.registrations.registration.DelegateCategory;
import io.hoithao.registrations.registration.Registration;
import io.hoithao.registrations.registration.RegistrationStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanTest {

    static final Instant NOW = Instant.parse("2027-10-25T00:42:00Z");
    static final LocalDate DAY = LocalDate.parse("2027-10-25");

    static Registration in(RegistrationStatus status, List<String> checkIns) {
        return new Registration("reg-1", "evt-1", "Nguyễn Thị Hoà", "hoa@mndongtam.edu.vn", "0912345678",
                "Trường Mầm non Đồng Tâm", "unit-1", null, DelegateCategory.TEACHER, null, status, "K7QM-3XPD", null, null,
                checkIns, 3, NOW, NOW, 7L, null);
    }

    @Test
    void onlyAConfirmedDelegateIsCheckedIn() {
        for (RegistrationStatus status : RegistrationStatus.values()) {
            Scan scan = Scan.of(in(status, List.of()), DAY, NOW);
            assertThat(scan).as(status.name())
                    .isInstanceOf(status == RegistrationStatus.CONFIRMED ? Scan.Record.class : Scan.NotConfirmed.class);
        }
    }

    @Test
    void aSecondScanTheSameDayRecordsNothingAndAnotherDayIsRecordedWithItsMessage() {
        assertThat(Scan.of(in(RegistrationStatus.CONFIRMED, List.of("2027-10-25")), DAY, NOW)).isInstanceOf(Scan.Already.class);

        Scan.Record record = (Scan.Record) Scan.of(in(RegistrationStatus.CONFIRMED, List.of("2027-10-24")), DAY, NOW);
        assertThat(record.day()).isEqualTo("2027-10-25");
        assertThat(record.at()).isEqualTo(NOW);
        assertThat(record.message().registrationId()).isEqualTo("reg-1");
        assertThat(record.message().day()).isEqualTo(DAY);
    }
}
