package io.hoithao.notifications.delivery;

/** PENDING → SENT once the SMTP server accepted the mail, PENDING → FAILED when it refused it for good or attempts ran out. */
public enum DeliveryState {
    PENDING, SENT, FAILED
}
