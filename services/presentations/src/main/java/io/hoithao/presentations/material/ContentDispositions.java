package io.hoithao.presentations.material;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * {@code Content-Disposition} for downloads: an ASCII {@code filename} for old clients (diacritics
 * folded: "Báo cáo Đồng Tâm.pdf" → "Bao cao Dong Tam.pdf") and the exact name as RFC 5987/6266
 * {@code filename*=UTF-8''...}, which every current browser prefers.
 */
final class ContentDispositions {

    private ContentDispositions() {
    }

    static String attachment(String filename) {
        return "attachment; filename=\"" + ascii(filename) + "\"; filename*=UTF-8''" + encode(filename);
    }

    static String ascii(String filename) {
        String folded = Normalizer.normalize(filename, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D');
        StringBuilder out = new StringBuilder();
        for (char c : folded.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
        }
        return out.toString();
    }

    /** RFC 5987 {@code value-chars}: attr-char kept, everything else percent-encoded as UTF-8. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
