package io.hoithao.contracts;

import io.hoithao.contracts.events.CapacityChanged;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventCompleted;
import io.hoithao.contracts.events.EventProgrammeChanged;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventsMessage;
import io.hoithao.contracts.events.ProgrammeCreated;
import io.hoithao.contracts.events.ProgrammePhaseAdded;
import io.hoithao.contracts.events.EventRescheduled;
import io.hoithao.contracts.events.EventStarted;
import io.hoithao.contracts.events.RegistrationClosed;
import io.hoithao.contracts.events.RegistrationOpened;
import io.hoithao.contracts.events.SessionCancelled;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.contracts.observations.LessonScheduled;
import io.hoithao.contracts.observations.LessonCancelled;
import io.hoithao.contracts.observations.LessonMoved;
import io.hoithao.contracts.observations.ObservationFormSubmitted;
import io.hoithao.contracts.observations.ObserverWaitlisted;
import io.hoithao.contracts.observations.SeatBooked;
import io.hoithao.contracts.observations.SeatReleased;
import io.hoithao.contracts.observations.WaitlistLeft;
import io.hoithao.contracts.identity.EmailVerificationRequested;
import io.hoithao.contracts.identity.IdentityMessage;
import io.hoithao.contracts.identity.PasswordResetRequested;
import io.hoithao.contracts.presentations.PaperAccepted;
import io.hoithao.contracts.presentations.PaperRejected;
import io.hoithao.contracts.presentations.PaperRevised;
import io.hoithao.contracts.presentations.PaperRevisionRequested;
import io.hoithao.contracts.presentations.PaperScheduled;
import io.hoithao.contracts.presentations.PaperSubmitted;
import io.hoithao.contracts.presentations.PaperUnscheduled;
import io.hoithao.contracts.presentations.PaperWithdrawn;
import io.hoithao.contracts.registrations.DelegateCheckedIn;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationPendingApproval;
import io.hoithao.contracts.registrations.RegistrationPromoted;
import io.hoithao.contracts.registrations.RegistrationRejected;
import io.hoithao.contracts.registrations.RegistrationWaitlisted;
import io.hoithao.contracts.units.ModelSiteDesignated;
import io.hoithao.contracts.units.ModelSiteWithdrawn;
import io.hoithao.contracts.units.UnitCreated;
import io.hoithao.contracts.units.UnitMoved;
import io.hoithao.contracts.units.UnitRenamed;
import io.hoithao.contracts.units.UnitsMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One realistic sample of every catalogued message (the Bắc Kạn review conference of 25–26/10/2025).
 * A new message type without a sample here fails {@code MessageRoundTripTest}.
 */
final class Samples {

    static final String EVENT = "evt-2025-bac-kan-so-ket";
    static final Instant AT = Instant.parse("2025-10-25T01:30:00.123456Z");
    static final String UNIT = "Trường Mầm non Đồng Tâm";
    static final String EMAIL = "nguyen.thi.hoa@mndongtam.edu.vn";
    static final String NAME = "Nguyễn Thị Hoà";

    /** Fields that may be null (and so may be absent from the JSON), as {@code SimpleClassName.field}. */
    static final Set<String> NULLABLE = Set.of(
            "PasswordResetRequested.language",
            "RegistrationOpened.closesAt",
            "EventPublished.organiserUnitId",
            "EventCancelled.reason",
            "RegistrationCancelled.reason",
            "RegistrationRejected.reason",
            "LessonScheduled.sessionId",
            "LessonScheduled.host",
            "LessonScheduled.room",
            "SessionScheduled.host",
            "SessionScheduled.classroom",
            "SessionScheduled.seats",
            "SessionScheduled.venueId",
            "SessionMoved.host",
            "SessionMoved.classroom",
            "SessionMoved.seats",
            "SessionMoved.venueId",
            "SeatReleased.reason",
            "WaitlistLeft.reason",
            "LessonCancelled.reason",
            "PaperSubmitted.submitterEmail",
            "PaperAccepted.submitterEmail",
            "PaperRejected.submitterEmail",
            "PaperRevisionRequested.submitterEmail",
            "UnitCreated.parentId",
            "UnitMoved.previousParentId",
            "EventPublished.programmeId",
            "EventProgrammeChanged.programmeId",
            "ProgrammeCreated.organiserUnit",
            "ObservationFormSubmitted.scores");

    private Samples() {
    }

    private static UUID id(int n) {
        return UUID.fromString("3f1c2a4e-8b5d-4c6e-9f70-%012d".formatted(n));
    }

    static List<IntegrationMessage> all() {
        return List.of(
                // events
                new EventPublished(id(1), AT, EVENT,
                        "Hội nghị – hội thảo sơ kết 2 năm thực hiện chuyên đề \"Xây dựng trường mầm non lấy trẻ làm trung tâm\"",
                        "CONFERENCE", "PROVINCE", "Sở Giáo dục và Đào tạo Bắc Kạn",
                        LocalDate.of(2025, 10, 25), LocalDate.of(2025, 10, 26), "Asia/Ho_Chi_Minh", 180,
                        "0b6f6d0e-5c1a-3b8e-9a57-6d1b7c2f9a10", "0a6f0e52-2b7c-4f1d-8e3a-6c9d4b2f1a77"),
                new RegistrationOpened(id(2), AT, EVENT, "Hội thảo sơ kết chuyên đề – Chợ Mới", 180,
                        Instant.parse("2025-10-20T10:00:00Z")),
                new EventRescheduled(id(3), AT, EVENT, LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 2),
                        "Asia/Ho_Chi_Minh", 7),
                new EventCancelled(id(4), AT, EVENT, "Bão số 11 đổ bộ, hoãn hội nghị theo chỉ đạo của UBND tỉnh"),
                new EventCompleted(id(5), AT, EVENT),
                new RegistrationClosed(id(6), AT, EVENT),
                new CapacityChanged(id(7), AT, EVENT, 200, 180, 8),
                new SessionScheduled(id(8), AT, EVENT, "ses-du-gio-1", "DEMONSTRATION_LESSON",
                        "Dự giờ hoạt động khám phá – lớp Mẫu giáo lớn A1", "Trường Mầm non Đồng Tâm",
                        Instant.parse("2025-10-25T01:30:00Z"), Instant.parse("2025-10-25T02:15:00Z"), 9,
                        "Trường Mầm non Đồng Tâm", "Lớp Mẫu giáo lớn A1", 12, "ven-mn-dong-tam"),
                new SessionMoved(id(9), AT, EVENT, "ses-du-gio-1", "Trường Mầm non Yên Đĩnh",
                        Instant.parse("2025-10-26T01:30:00Z"), Instant.parse("2025-10-26T02:15:00Z"), 10,
                        "Trường Mầm non Yên Đĩnh", null, 10, "ven-mn-yen-dinh"),
                new SessionCancelled(id(10), AT, EVENT, "ses-du-gio-1", 11),
                new EventStarted(id(110), AT, EVENT),
                new EventProgrammeChanged(id(111), AT, EVENT, "0a6f0e52-2b7c-4f1d-8e3a-6c9d4b2f1a77", 12),
                new ProgrammeCreated(id(112), AT, EventsMessage.NO_EVENT, "0a6f0e52-2b7c-4f1d-8e3a-6c9d4b2f1a77",
                        "Xây dựng trường mầm non lấy trẻ làm trung tâm", "Sở Giáo dục và Đào tạo Bắc Kạn"),
                new ProgrammePhaseAdded(id(113), AT, EventsMessage.NO_EVENT, "0a6f0e52-2b7c-4f1d-8e3a-6c9d4b2f1a77",
                        "2021–2025", 2021, 2025),
                // registrations
                new RegistrationConfirmed(id(11), AT, EVENT, "reg-0001", EMAIL, NAME, UNIT, "TEACHER", "BK-7Q2M"),
                new RegistrationWaitlisted(id(12), AT, EVENT, "reg-0002", "tran.van.duc@pgdchomoi.edu.vn",
                        "Trần Văn Đức", "Phòng Giáo dục và Đào tạo huyện Chợ Mới", "MANAGER"),
                new RegistrationPromoted(id(13), AT, EVENT, "reg-0002", "tran.van.duc@pgdchomoi.edu.vn",
                        "Trần Văn Đức", "Phòng Giáo dục và Đào tạo huyện Chợ Mới", "MANAGER", "BK-9XK4"),
                new RegistrationCancelled(id(14), AT, EVENT, "reg-0001", EMAIL, "Bận công tác đột xuất", true),
                new DelegateCheckedIn(id(15), AT, EVENT, "reg-0002", LocalDate.of(2025, 10, 25)),
                new RegistrationPendingApproval(id(25), AT, EVENT, "reg-0003", "ha.thi.mai@pgdbachthong.edu.vn",
                        "Hà Thị Mai", "Phòng Giáo dục và Đào tạo huyện Bạch Thông", "LEADER"),
                new RegistrationRejected(id(26), AT, EVENT, "reg-0003", "ha.thi.mai@pgdbachthong.edu.vn",
                        "Đơn vị đã đủ số lượng đại biểu"),
                // observations
                new LessonScheduled(id(16), AT, EVENT, "les-01", "ses-du-gio-1",
                        "Khám phá: Bé tìm hiểu về nước", "Lớp Mẫu giáo lớn A1 – Trường Mầm non Đồng Tâm",
                        Instant.parse("2025-10-25T01:30:00Z"), Instant.parse("2025-10-25T02:15:00Z"), 6,
                        "Trường Mầm non Đồng Tâm", "Lớp Mẫu giáo lớn A1"),
                new SeatBooked(id(17), AT, EVENT, "les-01", "bkg-01", "reg-0002", "tran.van.duc@pgdchomoi.edu.vn", 5, 2),
                new SeatReleased(id(18), AT, EVENT, "les-01", "bkg-01", "reg-0002", 6, "Đại biểu huỷ đăng ký", 3),
                new ObservationFormSubmitted(id(19), AT, EVENT, "les-01", "phieu-01", "reg-0002",
                        java.util.Map.of("child-initiative", 5, "teacher-support", 4)),
                new ObserverWaitlisted(id(901), AT, EVENT, "les-01", "reg-0003", "ly.thi.mai@mnbangphuc.edu.vn"),
                new WaitlistLeft(id(902), AT, EVENT, "les-01", "reg-0003", "Đại biểu huỷ đăng ký"),
                new LessonMoved(id(903), AT, EVENT, "les-01", Instant.parse("2025-10-26T01:30:00Z"),
                        Instant.parse("2025-10-26T02:15:00Z"), 4),
                new LessonCancelled(id(904), AT, EVENT, "les-01", "Lớp nghỉ do dịch cúm", 5),
                // presentations
                new PaperSubmitted(id(20), AT, EVENT, "pap-01",
                        "Kinh nghiệm xây dựng môi trường giáo dục lấy trẻ làm trung tâm",
                        UNIT, List.of(NAME, "Hoàng Thị Lụa"), 15, EMAIL),
                new PaperAccepted(id(21), AT, EVENT, "pap-01",
                        "Kinh nghiệm xây dựng môi trường giáo dục lấy trẻ làm trung tâm", UNIT, List.of(NAME), EMAIL),
                new PaperRejected(id(22), AT, EVENT, "pap-02", EMAIL),
                new PaperScheduled(id(23), AT, EVENT, "pap-01", "ses-tham-luan",
                        "Kinh nghiệm xây dựng môi trường giáo dục lấy trẻ làm trung tâm", UNIT,
                        List.of(NAME, "Hoàng Thị Lụa"), 2, 15, 4),
                new PaperWithdrawn(id(24), AT, EVENT, "pap-03"),
                new PaperUnscheduled(id(60), AT, EVENT, "pap-01", "ses-tham-luan", "SESSION_CANCELLED", 5),
                new PaperRevisionRequested(id(61), AT, EVENT, "pap-04", EMAIL),
                new PaperRevised(id(62), AT, EVENT, "pap-04", "Đổi mới hoạt động góc theo hướng trải nghiệm", UNIT,
                        List.of(NAME), 20),
                // identity
                new EmailVerificationRequested(id(70), AT, IdentityMessage.NO_EVENT, EMAIL, NAME,
                        "http://localhost:9000/verify-email?token=Yq3xJ0c2nq6u7L8bDkq1yQ", AT.plusSeconds(86400)),
                new PasswordResetRequested(id(71), AT, IdentityMessage.NO_EVENT, EMAIL, NAME, "vi",
                        "http://localhost:9000/reset-password?token=Zr4yK1d3or7v8M9cElr2zR", AT.plusSeconds(3600)),
                // units
                new UnitCreated(id(80), AT, UnitsMessage.NO_EVENT, "7c0e6a52-1f7b-4d0e-9a55-5f3c2b8e0d11",
                        UNIT, "MN Đồng Tâm", "SCHOOL", "SCHOOL", "0b9f3d1e-6a8c-4c2e-8d47-2e1a9c5b7f30", 0),
                new UnitRenamed(id(81), AT, UnitsMessage.NO_EVENT, "7c0e6a52-1f7b-4d0e-9a55-5f3c2b8e0d11",
                        "Trường Mầm non Đồng Tâm – Chợ Mới", "MN Đồng Tâm", UNIT, 1),
                new UnitMoved(id(82), AT, UnitsMessage.NO_EVENT, "7c0e6a52-1f7b-4d0e-9a55-5f3c2b8e0d11",
                        "5d2a8f40-3b1c-4e6f-a7d9-0c4b6e8f2a13", "0b9f3d1e-6a8c-4c2e-8d47-2e1a9c5b7f30", 2),
                new ModelSiteDesignated(id(83), AT, UnitsMessage.NO_EVENT, "7c0e6a52-1f7b-4d0e-9a55-5f3c2b8e0d11",
                        "0a6f0e52-2b7c-4f1d-8e3a-6c9d4b2f1a77", "2021–2025", "PROVINCE", 0),
                new ModelSiteWithdrawn(id(84), AT, UnitsMessage.NO_EVENT, "7c0e6a52-1f7b-4d0e-9a55-5f3c2b8e0d11",
                        "0a6f0e52-2b7c-4f1d-8e3a-6c9d4b2f1a77", "2021–2025", 1));
    }
}
