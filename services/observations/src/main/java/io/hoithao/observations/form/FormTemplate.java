package io.hoithao.observations.form;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The criteria of an event's observation form (phiếu dự giờ), defined by the organiser. */
@Document("formTemplates")
record FormTemplate(@Id String eventId, List<Criterion> criteria, Instant updatedAt) {

    static final int MIN_SCORE = 1;
    static final int MAX_SCORE = 5;

    /** Child-centred criteria used until the organiser defines the event's own. */
    static FormTemplate standard(String eventId) {
        return new FormTemplate(eventId, List.of(
                new Criterion("child-initiative", "Trẻ được chủ động, tích cực tham gia hoạt động / Children take initiative"),
                new Criterion("learning-environment", "Môi trường, đồ dùng phù hợp, trẻ được trải nghiệm / Environment and materials invite exploration"),
                new Criterion("teacher-support", "Giáo viên quan sát, gợi mở, hỗ trợ từng trẻ / Teacher observes, prompts and supports each child"),
                new Criterion("age-fit", "Nội dung phù hợp độ tuổi và khả năng của trẻ / Content fits the age group"),
                new Criterion("outcome", "Trẻ đạt mục tiêu, hứng thú / Children reach the goals and enjoy it")), null);
    }
}
