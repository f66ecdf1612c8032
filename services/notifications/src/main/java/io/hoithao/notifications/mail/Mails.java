package io.hoithao.notifications.mail;

import io.hoithao.notifications.delivery.Attachment;
import io.hoithao.notifications.delivery.Delivery;
import io.hoithao.notifications.delivery.DeliveryState;
import io.hoithao.notifications.person.KnownEvent;
import io.hoithao.notifications.programme.Change;
import io.hoithao.notifications.programme.Digest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders one mail: subject, plain-text and HTML parts with the same words from the {@link Catalogue},
 * the QR badge inline and the calendar entry attached where the mail has them.
 */
@Component
public class Mails {

    private final Catalogue catalogue;

    Mails(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** What a mail says besides its kind: a confirmation code (badge and calendar), a waiting place, a reason. */
    public record Details(String confirmationCode, Integer place, String reason, boolean withReason) {

        public static Details none() {
            return new Details(null, null, null, false);
        }
    }

    public Delivery render(String messageKey, String kind, String recipient, String name, String language,
                           String eventId, KnownEvent event, Details details, Instant now) {
        Locale locale = Catalogue.locale(language);
        String title = event == null || event.title() == null ? eventId : event.title();
        String key = "mail." + kind;
        String subject = catalogue.text(key + ".subject", locale, title);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(catalogue.text("mail.greeting", locale, name));
        paragraphs.add(catalogue.text(key + ".body", locale, title, details.place()));
        if (event != null && event.startDate() != null) {
            DateTimeFormatter date = DateTimeFormatter.ofPattern(catalogue.text("mail.date", locale), locale);
            paragraphs.add(catalogue.text("mail.event.days", locale, date.format(event.startDate()), date.format(event.endDate())));
        }
        if (details.withReason()) {
            paragraphs.add(details.reason() == null || details.reason().isBlank()
                    ? catalogue.text("mail.noReason", locale)
                    : catalogue.text("mail.reason", locale, details.reason()));
        }
        List<Attachment> attachments = new ArrayList<>();
        String code = details.confirmationCode();
        if (code != null) {
            paragraphs.add(catalogue.text("mail.code", locale, code));
            attachments.add(new Attachment("badge.png", "image/png", "badge", Badges.png(code)));
            if (event != null && event.startDate() != null) {
                attachments.add(new Attachment("event.ics", "text/calendar; charset=UTF-8; method=PUBLISH", null,
                        Calendars.days(eventId + "-" + code, title, event.startDate(), event.endDate(), now)));
            }
        }
        String signature = catalogue.text("mail.signature", locale, title);

        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"><title>").append(escape(subject)).append("</title></head>")
                .append("<body style=\"font-family:sans-serif;color:#1a1a1a;max-width:40em\">");
        for (String paragraph : paragraphs) {
            text.append(paragraph).append("\n\n");
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        if (code != null) {
            String badge = catalogue.text("mail.badge", locale);
            html.append("<p>").append(escape(badge)).append("<br><img src=\"cid:badge\" width=\"240\" height=\"240\" alt=\"")
                    .append(escape(catalogue.text("mail.code", locale, code))).append("\"></p>");
        }
        text.append(signature).append("\n");
        html.append("<p>").append(escape(signature).replace("\n", "<br>")).append("</p></body></html>");
        return new Delivery(Delivery.id(messageKey, recipient), eventId, recipient, kind, locale.getLanguage(), subject,
                text.toString(), html.toString(), attachments, List.of(), DeliveryState.PENDING, 0, now, null, now, null);
    }

    /** A lesson as an observation mail shows it. */
    public record LessonInfo(String lessonId, String title, String classroom, Instant startsAt, Instant endsAt) {
    }

    /** A mail about an observer seat: the lesson's time and classroom, with a calendar entry unless it lapsed. */
    public Delivery renderLesson(String messageKey, String kind, String recipient, String name, String language,
                                 String eventId, KnownEvent event, LessonInfo lesson, Details details, Instant now) {
        Locale locale = Catalogue.locale(language);
        String title = event == null || event.title() == null ? eventId : event.title();
        ZoneId zone = ZoneId.of(event == null || event.timeZone() == null ? "Asia/Ho_Chi_Minh" : event.timeZone());
        DateTimeFormatter time = DateTimeFormatter.ofPattern(catalogue.text("mail.datetime", locale), locale).withZone(zone);
        String key = "mail." + kind;
        String subject = catalogue.text(key + ".subject", locale, lesson == null || lesson.title() == null ? title : lesson.title());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(catalogue.text("mail.greeting", locale, name));
        paragraphs.add(catalogue.text(key + ".body", locale, title));
        List<Attachment> attachments = new ArrayList<>();
        if (lesson != null && lesson.startsAt() != null) {
            paragraphs.add(catalogue.text("mail.lesson.when", locale, lesson.title(), lesson.classroom(),
                    time.format(lesson.startsAt()), time.format(lesson.endsAt())));
            if (!kind.equals("observation.released") && !kind.equals("observation.cancelled") && !kind.equals("observation.waitlisted")) {
                attachments.add(new Attachment("lesson.ics", "text/calendar; charset=UTF-8; method=PUBLISH", null,
                        Calendars.timed(lesson.lessonId() + "-" + recipient, lesson.title(), lesson.startsAt(), lesson.endsAt(),
                                lesson.classroom(), now)));
            }
        }
        if (details.withReason()) {
            paragraphs.add(details.reason() == null || details.reason().isBlank()
                    ? catalogue.text("mail.noReason", locale) : catalogue.text("mail.reason", locale, details.reason()));
        }
        String signature = catalogue.text("mail.signature", locale, title);
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"><title>").append(escape(subject)).append("</title></head>")
                .append("<body style=\"font-family:sans-serif;color:#1a1a1a;max-width:40em\">");
        for (String paragraph : paragraphs) {
            text.append(paragraph).append("\n\n");
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        text.append(signature).append("\n");
        html.append("<p>").append(escape(signature)).append("</p></body></html>");
        return new Delivery(Delivery.id(messageKey, recipient), eventId, recipient, kind, locale.getLanguage(), subject,
                text.toString(), html.toString(), attachments, List.of(), DeliveryState.PENDING, 0, now, null, now, null);
    }

    /** The reminder the day before one event day: her code, her lessons of that day, and the one-link opt-out. */
    public Delivery renderReminder(String key, String recipient, String name, String language, KnownEvent event,
                                   java.time.LocalDate day, String code, List<LessonInfo> lessons, String optOutLink, Instant now) {
        Locale locale = Catalogue.locale(language);
        ZoneId zone = ZoneId.of(event.timeZone() == null ? "Asia/Ho_Chi_Minh" : event.timeZone());
        DateTimeFormatter time = DateTimeFormatter.ofPattern(catalogue.text("mail.datetime", locale), locale).withZone(zone);
        DateTimeFormatter date = DateTimeFormatter.ofPattern(catalogue.text("mail.date", locale), locale);
        String subject = catalogue.text("mail.reminder.subject", locale, event.title());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(catalogue.text("mail.greeting", locale, name));
        paragraphs.add(catalogue.text("mail.reminder.body", locale, event.title(), date.format(day), code));
        List<String> items = new ArrayList<>();
        for (LessonInfo lesson : lessons) {
            items.add(catalogue.text("mail.lesson.when", locale, lesson.title(), lesson.classroom(),
                    time.format(lesson.startsAt()), time.format(lesson.endsAt())));
        }
        String unsubscribe = catalogue.text("mail.reminder.unsubscribe", locale, optOutLink);
        String signature = catalogue.text("mail.signature", locale, event.title());
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"><title>").append(escape(subject)).append("</title></head>")
                .append("<body style=\"font-family:sans-serif;color:#1a1a1a;max-width:40em\">");
        for (String paragraph : paragraphs) {
            text.append(paragraph).append("\n\n");
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        if (!items.isEmpty()) {
            String heading = catalogue.text("mail.reminder.lessons", locale);
            text.append(heading).append("\n");
            html.append("<p>").append(escape(heading)).append("</p><ul>");
            for (String item : items) {
                text.append("- ").append(item).append("\n");
                html.append("<li>").append(escape(item)).append("</li>");
            }
            text.append("\n");
            html.append("</ul>");
        }
        text.append(signature).append("\n\n").append(unsubscribe).append("\n");
        html.append("<p>").append(escape(signature)).append("</p><p style=\"font-size:small\">")
                .append(escape(unsubscribe)).append("</p></body></html>");
        return new Delivery(Delivery.id(key, recipient), event.eventId(), recipient, "reminder", locale.getLanguage(), subject,
                text.toString(), html.toString(), List.of(),
                List.of("List-Unsubscribe: <" + optOutLink + ">", "List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
                DeliveryState.PENDING, 0, now, null, now, null);
    }

    /** Where and when a placed paper is presented: its session (title, room, time), its place in it and its minutes. */
    public record Placement(String sessionTitle, String venue, Instant startsAt, Instant endsAt, int position, int minutes) {
    }

    /**
     * A mail to the delegate who submitted a paper: received, revision requested, accepted, rejected, or
     * placed in a session (with its time and room, and the session as a calendar entry).
     */
    public Delivery renderPaper(String messageKey, String kind, String recipient, String name, String language,
                                String eventId, KnownEvent event, String paperTitle, Placement placement, Instant now) {
        Locale locale = Catalogue.locale(language);
        String title = event == null || event.title() == null ? eventId : event.title();
        String paper = paperTitle == null || paperTitle.isBlank() ? catalogue.text("mail.paper.unknown", locale) : paperTitle;
        ZoneId zone = ZoneId.of(event == null || event.timeZone() == null ? "Asia/Ho_Chi_Minh" : event.timeZone());
        DateTimeFormatter time = DateTimeFormatter.ofPattern(catalogue.text("mail.datetime", locale), locale).withZone(zone);
        String key = "mail." + kind;
        String subject = catalogue.text(key + ".subject", locale, paper);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(catalogue.text("mail.greeting", locale, name));
        paragraphs.add(catalogue.text(key + ".body", locale, paper, title));
        List<Attachment> attachments = new ArrayList<>();
        if (placement != null) {
            if (placement.startsAt() != null) {
                String session = placement.sessionTitle() == null ? catalogue.text("mail.session.unknown", locale) : placement.sessionTitle();
                paragraphs.add(catalogue.text("mail.paper.session", locale, session, placement.venue(),
                        time.format(placement.startsAt()), time.format(placement.endsAt())));
                attachments.add(new Attachment("session.ics", "text/calendar; charset=UTF-8; method=PUBLISH", null,
                        Calendars.timed(messageKey + "-" + recipient, session, placement.startsAt(), placement.endsAt(),
                                placement.venue(), now)));
            }
            paragraphs.add(catalogue.text("mail.paper.slot", locale, placement.position(), placement.minutes()));
        }
        String signature = catalogue.text("mail.signature", locale, title);
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"><title>").append(escape(subject)).append("</title></head>")
                .append("<body style=\"font-family:sans-serif;color:#1a1a1a;max-width:40em\">");
        for (String paragraph : paragraphs) {
            text.append(paragraph).append("\n\n");
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        text.append(signature).append("\n");
        html.append("<p>").append(escape(signature)).append("</p></body></html>");
        return new Delivery(Delivery.id(messageKey, recipient), eventId, recipient, kind, locale.getLanguage(), subject,
                text.toString(), html.toString(), attachments, List.of(), DeliveryState.PENDING, 0, now, null, now, null);
    }

    /** The link that verifies a person's address (from the identity service), with when it stops working. */
    public Delivery renderVerification(String messageKey, String recipient, String name, String language, String link,
                                       Instant expiresAt, Instant now) {
        Locale locale = Catalogue.locale(language);
        DateTimeFormatter time = DateTimeFormatter.ofPattern(catalogue.text("mail.datetime", locale), locale)
                .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
        String subject = catalogue.text("mail.verification.subject", locale);
        String greeting = catalogue.text("mail.greeting", locale, name);
        String body = catalogue.text("mail.verification.body", locale);
        String expiry = catalogue.text("mail.verification.expires", locale, time.format(expiresAt));
        String ignore = catalogue.text("mail.verification.ignore", locale);
        String button = catalogue.text("mail.verification.button", locale);
        String signature = catalogue.text("mail.verification.signature", locale);
        String text = greeting + "\n\n" + body + "\n\n" + link + "\n\n" + expiry + "\n\n" + ignore + "\n\n" + signature + "\n";
        String html = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\"><title>"
                + escape(subject) + "</title></head><body style=\"font-family:sans-serif;color:#1a1a1a;max-width:40em\"><p>"
                + escape(greeting) + "</p><p>" + escape(body) + "</p><p><a href=\"" + escape(link) + "\">" + escape(button)
                + "</a></p><p>" + escape(expiry) + "</p><p>" + escape(ignore) + "</p><p>" + escape(signature) + "</p></body></html>";
        return new Delivery(Delivery.id(messageKey, recipient), null, recipient, "identity.verification", locale.getLanguage(),
                subject, text, html, List.of(), List.of(), DeliveryState.PENDING, 0, now, null, now, null);
    }

    /** One mail listing every programme change gathered for one person. */
    public Delivery renderProgramme(String key, Digest digest, String language, KnownEvent event, Instant now) {
        Locale locale = Catalogue.locale(language);
        String title = event == null || event.title() == null ? digest.eventId() : event.title();
        ZoneId zone = ZoneId.of(event == null || event.timeZone() == null ? "Asia/Ho_Chi_Minh" : event.timeZone());
        DateTimeFormatter time = DateTimeFormatter.ofPattern(catalogue.text("mail.datetime", locale), locale).withZone(zone);
        DateTimeFormatter date = DateTimeFormatter.ofPattern(catalogue.text("mail.date", locale), locale);
        String subject = catalogue.text("mail.programme.subject", locale, title);
        List<String> lines = new ArrayList<>();
        for (Change change : digest.changes()) {
            String session = change.title() == null || change.title().isBlank()
                    ? catalogue.text("mail.session.unknown", locale) : change.title();
            lines.add(switch (change.kind()) {
                case "moved" -> catalogue.text("mail.change.moved", locale, session, change.venue(),
                        time.format(change.startsAt()), time.format(change.endsAt()));
                case "cancelled" -> catalogue.text("mail.change.cancelled", locale, session);
                case "rescheduled" -> catalogue.text("mail.change.rescheduled", locale,
                        date.format(change.startDate()), date.format(change.endDate()));
                default -> catalogue.text("mail.change.eventCancelled", locale, change.reason() == null ? "" : change.reason()).trim();
            });
        }
        String greeting = catalogue.text("mail.greeting", locale, digest.name() == null ? digest.recipient() : digest.name());
        String intro = catalogue.text("mail.programme.body", locale, title, lines.size());
        String signature = catalogue.text("mail.signature", locale, title);
        StringBuilder text = new StringBuilder(greeting).append("\n\n").append(intro).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"><title>").append(escape(subject)).append("</title></head>")
                .append("<body style=\"font-family:sans-serif;color:#1a1a1a;max-width:40em\"><p>").append(escape(greeting))
                .append("</p><p>").append(escape(intro)).append("</p><ul>");
        for (String line : lines) {
            text.append("- ").append(line).append("\n");
            html.append("<li>").append(escape(line)).append("</li>");
        }
        text.append("\n").append(signature).append("\n");
        html.append("</ul><p>").append(escape(signature)).append("</p></body></html>");
        return new Delivery(Delivery.id(key, digest.recipient()), digest.eventId(), digest.recipient(), "programme.changed",
                locale.getLanguage(), subject, text.toString(), html.toString(), List.of(), List.of(), DeliveryState.PENDING,
                0, now, null, now, null);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8").replace("\n", "<br>");
    }
}
