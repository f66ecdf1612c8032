package io.hoithao.presentations.material;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Tells a material's type from its first bytes, whatever its name says: {@code %PDF-} opens a PDF;
 * an OOXML file is a ZIP ({@code PK\3\4}) whose entries live under {@code ppt/} (PPTX) or
 * {@code word/} (DOCX). Office writes those entries right after {@code [Content_Types].xml} and
 * {@code _rels/}, so the ZIP's local headers within the first {@link #WINDOW} bytes decide; only that
 * window is copied, never the whole file.
 */
final class MaterialSniffer {

    static final int WINDOW = 64 * 1024;
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private final byte[] head = new byte[WINDOW];
    private int length;
    private MaterialType type;
    private boolean refused;

    /** Feeds the next bytes; returns the type once known, or null while still undecided. */
    MaterialType accept(ByteBuffer bytes) {
        if (type != null || refused) {
            return type;
        }
        int n = Math.min(bytes.remaining(), WINDOW - length);
        bytes.get(head, length, n);
        length += n;
        decide(false);
        return type;
    }

    /** True once the content certainly is none of the accepted types. */
    boolean refused() {
        return refused;
    }

    /** The decision at the end of the content (or once the window is full). */
    MaterialType finish() {
        if (type == null && !refused) {
            decide(true);
        }
        return type;
    }

    private void decide(boolean atEnd) {
        if (length >= PDF.length && startsWith(PDF)) {
            type = MaterialType.PDF;
            return;
        }
        if (length >= ZIP.length && !startsWith(ZIP) && length >= PDF.length) {
            refused = true;
            return;
        }
        if (length >= ZIP.length && startsWith(ZIP)) {
            type = officeType();
            if (type == null && (atEnd || length == WINDOW)) {
                refused = true;
            }
            return;
        }
        if (atEnd || length == WINDOW) {
            refused = true;
        }
    }

    private boolean startsWith(byte[] magic) {
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Walks the ZIP local file headers present in the window and looks at their names. */
    private MaterialType officeType() {
        int at = 0;
        while (at + 30 <= length && head[at] == 'P' && head[at + 1] == 'K' && head[at + 2] == 3 && head[at + 3] == 4) {
            int flags = u16(at + 6);
            long compressed = u32(at + 18);
            int nameLength = u16(at + 26);
            int extraLength = u16(at + 28);
            if (at + 30 + nameLength > length) {
                return null;
            }
            String name = new String(head, at + 30, nameLength, StandardCharsets.UTF_8);
            if (name.startsWith("ppt/")) {
                return MaterialType.PPTX;
            }
            if (name.startsWith("word/")) {
                return MaterialType.DOCX;
            }
            int data = at + 30 + nameLength + extraLength;
            if ((flags & 0x08) != 0 || compressed == 0) {
                // Sizes follow the data (a streamed ZIP): look for the next local header instead of skipping to it.
                at = nextHeader(data);
            } else {
                at = data + (int) Math.min(compressed, WINDOW);
            }
        }
        return null;
    }

    private int nextHeader(int from) {
        for (int i = from; i + 4 <= length; i++) {
            if (head[i] == 'P' && head[i + 1] == 'K' && head[i + 2] == 3 && head[i + 3] == 4) {
                return i;
            }
        }
        return length;
    }

    private int u16(int at) {
        return (head[at] & 0xff) | (head[at + 1] & 0xff) << 8;
    }

    private long u32(int at) {
        return (head[at] & 0xffL) | (head[at + 1] & 0xffL) << 8 | (head[at + 2] & 0xffL) << 16 | (head[at + 3] & 0xffL) << 24;
    }
}
