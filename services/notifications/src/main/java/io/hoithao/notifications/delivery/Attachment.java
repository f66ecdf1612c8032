package io.hoithao.notifications.delivery;

/** A part of a mail besides its text: inline (shown in the HTML by {@code cid:contentId}) or attached. */
public record Attachment(String filename, String contentType, String contentId, byte[] data) {
}
