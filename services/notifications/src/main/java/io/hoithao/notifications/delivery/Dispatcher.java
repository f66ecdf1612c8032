package io.hoithao.notifications.delivery;

import io.hoithao.notifications.NotificationsProperties;
import io.hoithao.platform.scheduling.PeriodicTask;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends what is due: claims each PENDING delivery, hands it to the SMTP server off the event loop
 * (JavaMailSender blocks), and records the outcome. While the server is down every attempt fails
 * and is tried again later with a longer wait; nothing is dropped.
 */
@Component
class Dispatcher extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Deliveries deliveries;
    private final JavaMailSender mailSender;
    private final NotificationsProperties properties;

    Dispatcher(Deliveries deliveries, JavaMailSender mailSender, NotificationsProperties properties) {
        super(properties.dispatchInterval());
        this.deliveries = deliveries;
        this.mailSender = mailSender;
        this.properties = properties;
    }

    @Override
    protected Mono<?> runOnce() {
        return deliveries.due(50)
                .concatMap(candidate -> deliveries.claim(candidate.id()))
                .concatMap(this::attempt)
                .then();
    }

    private Mono<Delivery> attempt(Delivery delivery) {
        return Mono.fromRunnable(() -> send(delivery))
                .subscribeOn(Schedulers.boundedElastic())
                .then(Mono.defer(() -> deliveries.sent(delivery)))
                .onErrorResume(MailException.class, e -> {
                    boolean permanent = e instanceof MailParseException || e instanceof MailPreparationException;
                    log.info("Delivery {} attempt {} failed: {}", delivery.id(), delivery.attempts(), e.getMessage());
                    return deliveries.failed(delivery, String.valueOf(e.getMessage()), permanent);
                });
    }

    private void send(Delivery delivery) {
        mailSender.send(mime -> prepare(mime, delivery));
    }

    private void prepare(MimeMessage mime, Delivery delivery) throws MessagingException {
        MimeMessageHelper mail = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                StandardCharsets.UTF_8.name());
        try {
            InternetAddress from = new InternetAddress(properties.from(), true);
            from.setPersonal(from.getPersonal(), StandardCharsets.UTF_8.name());
            mail.setFrom(from);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new MessagingException("bad sender", e);
        }
        mail.setTo(delivery.recipient());
        // MimeMessageHelper encodes the subject as RFC 2047 UTF-8 words, so diacritics arrive intact.
        mail.setSubject(delivery.subject());
        mail.setText(delivery.text(), delivery.html());
        if (delivery.attachments() != null) {
            for (Attachment part : delivery.attachments()) {
                ByteArrayResource data = new ByteArrayResource(part.data());
                if (part.contentId() != null) {
                    mail.addInline(part.contentId(), data, part.contentType());
                } else {
                    mail.addAttachment(part.filename(), data, part.contentType());
                }
            }
        }
        if (delivery.headers() != null) {
            for (String header : delivery.headers()) {
                int colon = header.indexOf(':');
                mime.addHeader(header.substring(0, colon), header.substring(colon + 1).trim());
            }
        }
    }
}
