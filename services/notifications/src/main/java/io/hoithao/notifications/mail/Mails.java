package io.hoithao.notifications.mail;

import io.hoithao.documents.QrImages;
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
            attachments.add(new Attachment("badge.png", "image/png", "badge", QrImages.png(code, 240)));
            if (event != null && event.startDate() != null) {
                attachments.add(new Attachment("event.ics", "text/calendar; charset=UTF-8; method=PUBLISH", null,
                        Calendars.days(eventId + "-" + code, title, event.startDate(), event.endDate(), now)));
            }
        }
        Body body = new Body(locale, subject).paragraphs(paragraphs);
        if (code != null) {
            body.html("<p>" + escape(catalogue.text("mail.badge", locale)) + "<br><img src=\"cid:badge\" width=\"240\" height=\"240\" alt=\""
                    + escape(catalogue.text("mail.code", locale, code)) + "\"></p>");
        }
        body.end(catalogue.text("mail.signature", locale, title), null);
        return new Delivery(Delivery.id(messageKey, recipient), eventId, recipient, kind, locale.getLanguage(), subject,
                body.text(), body.html(), attachments, List.of(), DeliveryState.PENDING, 0, now, null, now, null);
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
        Body body = new Body(locale, subject).paragraphs(paragraphs).end(catalogue.text("mail.signature", locale, title), null);
        return new Delivery(Delivery.id(messageKey, recipient), eventId, recipient, kind, locale.getLanguage(), subject,
                body.text(), body.html(), attachments, List.of(), DeliveryState.PENDING, 0, now, null, now, null);
    }

    /** A paper a delegate presents, as her reminder shows it: its title and its session's title, room and time. */
    public record PaperInfo(String title, String sessionTitle, String venue, Instant startsAt, Instant endsAt) {
    }

    /** The reminder the day before one event day: her code, her lessons and papers of that day, and the one-link opt-out. */
    public Delivery renderReminder(String key, String recipient, String name, String language, KnownEvent event,
                                   java.time.LocalDate day, String code, List<LessonInfo> lessons, List<PaperInfo> papers,
                                   String optOutLink, Instant now) {
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
        List<String> presented = new ArrayList<>();
        for (PaperInfo paper : papers) {
            String paperTitle = paper.title() == null || paper.title().isBlank() ? catalogue.text("mail.paper.unknown", locale) : paper.title();
            String session = paper.sessionTitle() == null ? catalogue.text("mail.session.unknown", locale) : paper.sessionTitle();
            presented.add(catalogue.text("mail.reminder.paper", locale, paperTitle, session, paper.venue(),
                    time.format(paper.startsAt()), time.format(paper.endsAt())));
        }
        Body body = new Body(locale, subject).paragraphs(paragraphs)
                .list(items.isEmpty() ? null : catalogue.text("mail.reminder.lessons", locale), items)
                .list(presented.isEmpty() ? null : catalogue.text("mail.reminder.papers", locale), presented)
                .end(catalogue.text("mail.signature", locale, event.title()),
                        catalogue.text("mail.reminder.unsubscribe", locale, optOutLink));
        return new Delivery(Delivery.id(key, recipient), event.eventId(), recipient, "reminder", locale.getLanguage(), subject,
                body.text(), body.html(), List.of(),
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
        Body body = new Body(locale, subject).paragraphs(paragraphs).end(catalogue.text("mail.signature", locale, title), null);
        return new Delivery(Delivery.id(messageKey, recipient), eventId, recipient, kind, locale.getLanguage(), subject,
                body.text(), body.html(), attachments, List.of(), DeliveryState.PENDING, 0, now, null, now, null);
    }

    /** The link that verifies a person's address (from the identity service), with when it stops working. */
    public Delivery renderVerification(String messageKey, String recipient, String name, String language, String link,
                                       Instant expiresAt, Instant now) {
        Locale locale = Catalogue.locale(language);
        DateTimeFormatter time = DateTimeFormatter.ofPattern(catalogue.text("mail.datetime", locale), locale)
                .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
        String subject = catalogue.text("mail.verification.subject", locale);
        Body body = new Body(locale, subject)
                .paragraphs(List.of(catalogue.text("mail.greeting", locale, name), catalogue.text("mail.verification.body", locale)))
                .link(link, catalogue.text("mail.verification.button", locale))
                .paragraphs(List.of(catalogue.text("mail.verification.expires", locale, time.format(expiresAt)),
                        catalogue.text("mail.verification.ignore", locale)))
                .end(catalogue.text("mail.verification.signature", locale), null);
        return new Delivery(Delivery.id(messageKey, recipient), null, recipient, "identity.verification", locale.getLanguage(),
                subject, body.text(), body.html(), List.of(), List.of(), DeliveryState.PENDING, 0, now, null, now, null);
    }

    /**
     * The single-use link that sets a new password (from the identity service): a button and the address as a
     * line to copy, when it stops working, and what to do when the person did not ask for it.
     */
    public Delivery renderPasswordReset(String messageKey, String recipient, String name, String language, String link,
                                        Instant expiresAt, Instant now) {
        Locale locale = Catalogue.locale(language);
        DateTimeFormatter time = DateTimeFormatter.ofPattern(catalogue.text("mail.datetime", locale), locale)
                .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
        String subject = catalogue.text("mail.passwordReset.subject", locale);
        Body body = new Body(locale, subject)
                .paragraphs(List.of(catalogue.text("mail.greeting", locale, name), catalogue.text("mail.passwordReset.body", locale)))
                .link(link, catalogue.text("mail.passwordReset.button", locale))
                .html("<p>" + escape(catalogue.text("mail.passwordReset.copy", locale, link)) + "</p>")
                .paragraphs(List.of(catalogue.text("mail.passwordReset.expires", locale, time.format(expiresAt)),
                        catalogue.text("mail.passwordReset.ignore", locale)))
                .end(catalogue.text("mail.passwordReset.signature", locale), null);
        return new Delivery(Delivery.id(messageKey, recipient), null, recipient, "identity.passwordReset", locale.getLanguage(),
                subject, body.text(), body.html(), List.of(), List.of(), DeliveryState.PENDING, 0, now, null, now, null);
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
        Body body = new Body(locale, subject).paragraphs(List.of(greeting, intro)).list(null, lines)
                .end(catalogue.text("mail.signature", locale, title), null);
        return new Delivery(Delivery.id(key, digest.recipient()), digest.eventId(), digest.recipient(), "programme.changed",
                locale.getLanguage(), subject, body.text(), body.html(), List.of(), List.of(), DeliveryState.PENDING,
                0, now, null, now, null);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8").replace("\n", "<br>");
    }

    /** The plain-text and the HTML part of one mail, written side by side with the same words. */
    private static final class Body {

        private final StringBuilder text = new StringBuilder();
        private final StringBuilder html;

        Body(Locale locale, String subject) {
            html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                    .append("\"><head><meta charset=\"UTF-8\"><title>").append(escape(subject)).append("</title></head>")
                    .append("<body style=\"font-family:sans-serif;color:#1a1a1a;max-width:40em\">");
        }

        Body paragraphs(List<String> paragraphs) {
            for (String paragraph : paragraphs) {
                text.append(paragraph).append("\n\n");
                html.append("<p>").append(escape(paragraph)).append("</p>");
            }
            return this;
        }

        /** A list of lines, after a heading paragraph unless it is null; nothing when there are no lines. */
        Body list(String heading, List<String> items) {
            if (items.isEmpty()) {
                return this;
            }
            if (heading != null) {
                text.append(heading).append("\n");
                html.append("<p>").append(escape(heading)).append("</p>");
            }
            html.append("<ul>");
            for (String item : items) {
                text.append("- ").append(item).append("\n");
                html.append("<li>").append(escape(item)).append("</li>");
            }
            text.append("\n");
            html.append("</ul>");
            return this;
        }

        /** A link: its address in the text, a labelled link in the HTML. */
        Body link(String url, String label) {
            text.append(url).append("\n\n");
            html.append("<p><a href=\"").append(escape(url)).append("\">").append(escape(label)).append("</a></p>");
            return this;
        }

        /** HTML only (an inline image the text part cannot show). */
        Body html(String fragment) {
            html.append(fragment);
            return this;
        }

        /** The signature, and a small-print footer unless it is null; closes the HTML. */
        Body end(String signature, String footer) {
            text.append(signature).append("\n");
            html.append("<p>").append(escape(signature)).append("</p>");
            if (footer != null) {
                text.append("\n").append(footer).append("\n");
                html.append("<p style=\"font-size:small\">").append(escape(footer)).append("</p>");
            }
            html.append("</body></html>");
            return this;
        }

        String text() {
            return text.toString();
        }

        String html() {
            return html.toString();
        }
    }
}
