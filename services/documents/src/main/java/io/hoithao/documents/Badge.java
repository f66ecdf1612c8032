package io.hoithao.documents;

/** One name card: the delegate's name, unit and category (in words), and the confirmation code its QR code holds. */
public record Badge(String fullName, String unit, String category, String confirmationCode) {
}
