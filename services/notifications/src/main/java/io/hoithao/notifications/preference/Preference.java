package io.hoithao.notifications.preference;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a person wants to be written to, by her (lower-case) email: her language ({@code vi} or {@code en}) and whether she turned reminders off. */
@Document("preferences")
public record Preference(@Id String email, String language, boolean remindersOff) {
}
