package io.hoithao.documents;

/**
 * One line of the delegate list: texts as they should read (a category or a status already in words, e.g.
 * "Giáo viên", "Đã xác nhận"); any may be null.
 */
public record DelegateRow(String fullName, String unit, String position, String category, String email, String phone,
                          String status, String confirmationCode) {
}
