package io.hoithao.reports;

import io.hoithao.contracts.events.EventCompleted;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventProgrammeChanged;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventsMessage;
import io.hoithao.contracts.events.ProgrammeCreated;
import io.hoithao.contracts.events.ProgrammePhaseAdded;
import io.hoithao.contracts.observations.LessonCancelled;
import io.hoithao.contracts.observations.LessonScheduled;
import io.hoithao.contracts.observations.ObservationFormSubmitted;
import io.hoithao.contracts.presentations.PaperAccepted;
import io.hoithao.contracts.presentations.PaperRejected;
import io.hoithao.contracts.presentations.PaperScheduled;
import io.hoithao.contracts.presentations.PaperSubmitted;
import io.hoithao.contracts.registrations.DelegateCheckedIn;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationWaitlisted;
import io.hoithao.contracts.units.ModelSiteDesignated;
import io.hoithao.contracts.units.UnitCreated;
import io.hoithao.contracts.units.UnitRenamed;
import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.platform.testing.TestMessages;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Bắc Kạn review of the programme "Xây dựng trường mầm non lấy trẻ làm trung tâm", told as the services
 * tell it on Kafka: the department, its 8 district offices and 109 preschool facilities; the programme with the
 * phases 2016–2020 and 2021–2025; 14 district model sites in the first phase, 8 province and 28 district ones in
 * the second; the two-day review conference of 25–26/10/2023 in Chợ Mới with a delegate of every facility, and
 * each district's workshop; papers, demonstration lessons and observation forms.
 */
final class BacKan {

    static final String[] DISTRICTS = {"TP Bắc Kạn", "Ba Bể", "Bạch Thông", "Chợ Đồn", "Chợ Mới", "Na Rì", "Ngân Sơn", "Pác Nặm"};
    static final String PROGRAMME_NAME = "Xây dựng trường mầm non lấy trẻ làm trung tâm";
    static final String FIRST = "2016–2020";
    static final String SECOND = "2021–2025";
    static final LocalDate DAY_1 = LocalDate.of(2023, 10, 25);
    static final LocalDate DAY_2 = LocalDate.of(2023, 10, 26);

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String department = "so-" + tag;
    final String departmentName = "Sở GD&ĐT Bắc Kạn " + tag;
    final String programme = "chuyen-de-" + tag;
    final String conference = "so-ket-" + tag;
    final List<String> offices = new ArrayList<>();
    final List<String> officeNames = new ArrayList<>();
    /** The facilities of each district, in order. */
    final List<List<String>> schools = new ArrayList<>();
    final List<IntegrationMessage> told = new ArrayList<>();
    private int messages;

    String schoolName(int district, int n) {
        return "Trường Mầm non " + DISTRICTS[district] + " số " + (n + 1) + " " + tag;
    }

    String officeName(int district) {
        return "Phòng GD&ĐT " + DISTRICTS[district] + " " + tag;
    }

    private UUID id() {
        return UUID.nameUUIDFromBytes((tag + "/" + messages++).getBytes());
    }

    private Instant at() {
        return Instant.parse("2023-10-01T00:00:00Z").plusSeconds(messages);
    }

    private void tell(IntegrationMessage message) {
        told.add(message);
    }

    /** Every message of the review, in an order the services could have published them. */
    BacKan build() {
        tell(new UnitCreated(id(), at(), UnitsMessage.NO_EVENT, department, departmentName, "SGDĐT Bắc Kạn " + tag,
                "DEPARTMENT", "PROVINCE", null, 0));
        for (int d = 0; d < DISTRICTS.length; d++) {
            String office = "pgd-" + d + "-" + tag;
            offices.add(office);
            officeNames.add(officeName(d));
            tell(new UnitCreated(id(), at(), UnitsMessage.NO_EVENT, office, officeName(d), "PGDĐT " + DISTRICTS[d] + " " + tag,
                    "DISTRICT_OFFICE", "DISTRICT", department, 0));
            List<String> here = new ArrayList<>();
            for (int n = 0; n < (d < 5 ? 14 : 13); n++) {
                String school = "mn-" + d + "-" + n + "-" + tag;
                here.add(school);
                tell(new UnitCreated(id(), at(), UnitsMessage.NO_EVENT, school, schoolName(d, n),
                        "MN " + DISTRICTS[d] + " số " + (n + 1) + " " + tag, "SCHOOL", "SCHOOL", office, 0));
            }
            schools.add(here);
        }
        // A facility renamed after its delegate registered under the old name: she still counts for it.
        tell(new UnitRenamed(id(), at(), UnitsMessage.NO_EVENT, schools.get(4).get(0), "Trường Mầm non Đồng Tâm " + tag,
                "MN Đồng Tâm " + tag, schoolName(4, 0), 1));

        tell(new ProgrammeCreated(id(), at(), EventsMessage.NO_EVENT, programme, PROGRAMME_NAME, departmentName));
        tell(new ProgrammePhaseAdded(id(), at(), EventsMessage.NO_EVENT, programme, FIRST, 2016, 2020));
        tell(new ProgrammePhaseAdded(id(), at(), EventsMessage.NO_EVENT, programme, SECOND, 2021, 2025));

        // Model sites: first phase 14 district ones; second phase 8 province ones and 28 district ones.
        for (int d = 0; d < 7; d++) {
            for (int n = 1; n <= 2; n++) {
                tell(new ModelSiteDesignated(id(), at(), UnitsMessage.NO_EVENT, schools.get(d).get(n), programme, FIRST, "DISTRICT", 0));
            }
        }
        for (int d = 0; d < 8; d++) {
            tell(new ModelSiteDesignated(id(), at(), UnitsMessage.NO_EVENT, schools.get(d).get(0), programme, SECOND, "PROVINCE", 0));
            for (int n = 1; n <= (d < 4 ? 3 : 4); n++) {
                tell(new ModelSiteDesignated(id(), at(), UnitsMessage.NO_EVENT, schools.get(d).get(n), programme, SECOND, "DISTRICT", 0));
            }
        }

        // The review conference, 25–26/10/2023 in Chợ Mới: a delegate of each of the 109 facilities, plus the offices.
        tell(new EventPublished(id(), at(), conference, "Hội nghị – hội thảo sơ kết 02 năm thực hiện chuyên đề", "CONFERENCE",
                "PROVINCE", departmentName, DAY_1, DAY_2, "Asia/Ho_Chi_Minh", 300, null, programme));
        int delegate = 0;
        for (int d = 0; d < 8; d++) {
            for (int n = 0; n < schools.get(d).size(); n++) {
                String registration = "reg-" + (delegate++) + "-" + tag;
                // Delegates name their unit as they know it: most by its official name, some by its short name.
                String unit = n % 5 == 4 ? "MN " + DISTRICTS[d] + " số " + (n + 1) + " " + tag : schoolName(d, n);
                tell(new RegistrationConfirmed(id(), at(), conference, registration, registration + "@mn.edu.vn",
                        "Đại biểu " + delegate, unit, n == 0 ? "MANAGER" : "TEACHER", "BK-" + delegate));
                if (n < 13) {
                    tell(new DelegateCheckedIn(id(), at(), conference, registration, DAY_1));
                }
                if (n < 12) {
                    tell(new DelegateCheckedIn(id(), at(), conference, registration, DAY_2));
                }
            }
            String leader = "reg-pgd-" + d + "-" + tag;
            tell(new RegistrationConfirmed(id(), at(), conference, leader, leader + "@pgd.edu.vn", "Lãnh đạo phòng " + d,
                    officeName(d), "LEADER", "BK-L" + d));
            tell(new DelegateCheckedIn(id(), at(), conference, leader, DAY_1));
        }
        tell(new RegistrationWaitlisted(id(), at(), conference, "reg-wait-" + tag, "cho@mn.edu.vn", "Người chờ", schoolName(0, 1), "TEACHER"));
        tell(new RegistrationConfirmed(id(), at(), conference, "reg-gone-" + tag, "huy@mn.edu.vn", "Người huỷ", schoolName(0, 2),
                "TEACHER", "BK-H"));
        tell(new RegistrationCancelled(id(), at(), conference, "reg-gone-" + tag, "huy@mn.edu.vn", "Bận công tác", true));

        // Papers: five submitted, three accepted, two in the programme.
        String[] paperUnits = {schoolName(4, 0), schoolName(4, 1), officeName(2), schoolName(1, 3), schoolName(6, 2)};
        for (int p = 0; p < paperUnits.length; p++) {
            tell(new PaperSubmitted(id(), at(), conference, "pap-" + p + "-" + tag, "Tham luận " + (p + 1), paperUnits[p],
                    List.of("Người trình bày " + p), 15, "p" + p + "@mn.edu.vn"));
        }
        for (int p = 0; p < 3; p++) {
            tell(new PaperAccepted(id(), at(), conference, "pap-" + p + "-" + tag, "Tham luận " + (p + 1), paperUnits[p],
                    List.of("Người trình bày " + p), "p" + p + "@mn.edu.vn"));
        }
        tell(new PaperRejected(id(), at(), conference, "pap-3-" + tag, "p3@mn.edu.vn"));
        for (int p = 0; p < 2; p++) {
            tell(new PaperScheduled(id(), at(), conference, "pap-" + p + "-" + tag, "ses-tham-luan", "Tham luận " + (p + 1),
                    paperUnits[p], List.of("Người trình bày " + p), p + 1, 15, 3 + p));
        }

        // Demonstration lessons at Đồng Tâm: three scheduled, one cancelled, one observed with three forms.
        Instant lessonAt = Instant.parse("2023-10-26T01:30:00Z");
        for (int l = 0; l < 3; l++) {
            tell(new LessonScheduled(id(), at(), conference, "les-" + l + "-" + tag, null, "Tiết dạy " + (l + 1),
                    "Lớp " + (l + 1), lessonAt, lessonAt.plusSeconds(2700), 6));
        }
        tell(new LessonCancelled(id(), at(), conference, "les-2-" + tag, "Lớp nghỉ", 2));
        int[][] scores = {{5, 4}, {4, 4}, {3, 5}};
        for (int f = 0; f < scores.length; f++) {
            tell(new ObservationFormSubmitted(id(), at(), conference, "les-0-" + tag, "phieu-" + f + "-" + tag, "reg-" + f + "-" + tag,
                    Map.of("child-initiative", scores[f][0], "teacher-support", scores[f][1])));
        }
        // The first observer changes her form: the change counts, not the first version.
        tell(new ObservationFormSubmitted(id(), at(), conference, "les-0-" + tag, "phieu-0-" + tag, "reg-0-" + tag,
                Map.of("child-initiative", 4, "teacher-support", 5)));
        tell(new EventCompleted(id(), at(), conference));

        // Each district's workshop in 2022; one school's thematic session; and events the report must leave out.
        for (int d = 0; d < 8; d++) {
            tell(new EventPublished(id(), at(), "hoi-thao-" + d + "-" + tag, "Hội thảo chuyên đề " + DISTRICTS[d], "WORKSHOP",
                    "DISTRICT", officeName(d), LocalDate.of(2022, 4, 10 + d), LocalDate.of(2022, 4, 10 + d), "Asia/Ho_Chi_Minh", 60,
                    null, programme));
            tell(new EventCompleted(id(), at(), "hoi-thao-" + d + "-" + tag));
        }
        tell(new EventPublished(id(), at(), "sinh-hoat-" + tag, "Sinh hoạt chuyên đề học kỳ I", "THEMATIC_SESSION", "SCHOOL",
                schoolName(4, 1), LocalDate.of(2022, 12, 21), LocalDate.of(2022, 12, 21), "Asia/Ho_Chi_Minh", 36, null));
        tell(new EventProgrammeChanged(id(), at(), "sinh-hoat-" + tag, programme, 3));
        tell(new EventPublished(id(), at(), "cu-" + tag, "Hội thảo giai đoạn trước", "WORKSHOP", "DISTRICT", officeName(0),
                LocalDate.of(2019, 5, 1), LocalDate.of(2019, 5, 1), "Asia/Ho_Chi_Minh", 60, null, programme));
        tell(new EventPublished(id(), at(), "huy-" + tag, "Hội thảo bị huỷ", "WORKSHOP", "DISTRICT", officeName(1),
                LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 1), "Asia/Ho_Chi_Minh", 60, null, programme));
        tell(new EventCancelled(id(), at(), "huy-" + tag, "Bão"));
        tell(new EventPublished(id(), at(), "khac-" + tag, "Hội thảo chuyên đề khác", "WORKSHOP", "PROVINCE", departmentName,
                LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 1), "Asia/Ho_Chi_Minh", 60, null));
        return this;
    }

    /** Sends every message; {@code redeliver} sends every tenth twice, as an at-least-once broker may. */
    void send(TestMessages kafka, boolean redeliver) {
        for (int i = 0; i < told.size(); i++) {
            kafka.send(told.get(i));
            if (redeliver && i % 10 == 0) {
                kafka.send(told.get(i));
            }
        }
    }
}
