package io.hoithao.registrations.registration;

/**
 * Vietnamese phone numbers as people write them: mobiles {@code 0912 345 678}, {@code +84 912.345.678},
 * {@code 84912345678}, and landlines with a 02x area code such as {@code 0209 3870 123}. Stored in one
 * national form, {@code 0912345678}, so the same number is always the same text.
 */
final class PhoneNumbers {

    static final String PATTERN = "^\\s*(\\+?84|0)[\\s.-]?(?:[35789](?:[\\s.()-]*\\d){8}|2(?:[\\s.()-]*\\d){9})\\s*$";
    static final String MESSAGE = "must be a Vietnamese phone number such as 0912345678, +84 912 345 678 or 0209 3870 123";

    private PhoneNumbers() {
    }

    static boolean valid(String phone) {
        return phone != null && phone.matches(PATTERN);
    }

    static String normalise(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.startsWith("84") && !phone.strip().startsWith("0") ? "0" + digits.substring(2) : digits;
    }
}
