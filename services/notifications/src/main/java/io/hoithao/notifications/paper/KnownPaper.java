package io.hoithao.notifications.paper;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A paper as its mails need it: its title and who submitted it (lower-case email), from the presentations topic;
 * the session it is placed in while it is (for the reminder of that day).
 */
@Document("papers")
public record KnownPaper(@Id String paperId, String eventId, String title, String submitterEmail, String sessionId) {
}
