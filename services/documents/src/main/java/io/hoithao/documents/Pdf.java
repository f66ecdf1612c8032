package io.hoithao.documents;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A PDF being written, with the project's own font, DejaVu Sans (regular and bold, in this module's resources
 * with its licence; never a font of the machine): parsed once per document and embedded as the subset of
 * glyphs the document uses. Page content goes to a scratch file as it is written, so a document of many
 * pages keeps only its small page dictionaries in memory until it is saved.
 */
final class Pdf implements Closeable {

    private static final byte[] REGULAR = resource("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = resource("fonts/DejaVuSans-Bold.ttf");

    final PDDocument document;
    final Face regular;
    final Face bold;

    private Pdf(PDDocument document, Face regular, Face bold) {
        this.document = document;
        this.regular = regular;
        this.bold = bold;
    }

    static Pdf open(String title) throws IOException {
        PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        try {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("hoithao");
            return new Pdf(document, Face.load(document, REGULAR), Face.load(document, BOLD));
        } catch (IOException | RuntimeException e) {
            document.close();
            throw e;
        }
    }

    void save(OutputStream out) throws IOException {
        document.save(new Unclosed(out));
    }

    @Override
    public void close() throws IOException {
        try {
            document.close();
        } finally {
            regular.ttf.close();
            bold.ttf.close();
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = Pdf.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the font " + name + " is missing from io.hoithao.documents' resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One font of the document: what it can draw, how wide a text is, and lines that fit a width. */
    static final class Face {

        final PDType0Font font;
        private final TrueTypeFont ttf;
        private final CmapLookup cmap;

        private Face(PDType0Font font, TrueTypeFont ttf, CmapLookup cmap) {
            this.font = font;
            this.ttf = ttf;
            this.cmap = cmap;
        }

        static Face load(PDDocument document, byte[] bytes) throws IOException {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            try {
                return new Face(PDType0Font.load(document, ttf, true), ttf, ttf.getUnicodeCmapLookup());
            } catch (IOException | RuntimeException e) {
                ttf.close();
                throw e;
            }
        }

        /**
         * The text as the font can draw it: composed (NFC, so "ễ" is one glyph of the font rather than "e" and
         * two combining marks), control characters as spaces, and a character the font lacks as "?".
         */
        String clean(String text) {
            if (text == null) {
                return "";
            }
            String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
            StringBuilder out = new StringBuilder(composed.length());
            composed.codePoints().forEach(c -> {
                if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                    out.append(' ');
                } else if (cmap.getGlyphId(c) == 0) {
                    out.append('?');
                } else {
                    out.appendCodePoint(c);
                }
            });
            return out.toString().strip().replaceAll(" {2,}", " ");
        }

        /** Width in points of a text already {@link #clean}ed. */
        float width(String text, float size) {
            try {
                return font.getStringWidth(text) / 1000f * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The cleaned text broken into lines no wider than {@code width}, at word boundaries where it can. */
        List<String> wrap(String text, float size, float width) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : clean(text).split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // a word wider than the line (an address, a long code) is cut where it must be
                int start = 0;
                int[] points = word.codePoints().toArray();
                for (int end = 1; end <= points.length; end++) {
                    String part = new String(points, start, end - start);
                    if (width(part, size) > width && end - start > 1) {
                        lines.add(new String(points, start, end - 1 - start));
                        start = end - 1;
                    }
                }
                line.append(new String(points, start, points.length - start));
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        /**
         * The largest size from {@code max} down to {@code min} at which the text fits {@code maxLines} lines of
         * {@code width}; at {@code min} the last line that fits ends with "…".
         */
        Fitted fit(String text, float width, float max, float min, int maxLines) {
            for (float size = max; size > min; size -= 0.5f) {
                List<String> lines = wrap(text, size, width);
                if (lines.size() <= maxLines) {
                    return new Fitted(size, lines);
                }
            }
            List<String> lines = wrap(text, min, width);
            if (lines.size() <= maxLines) {
                return new Fitted(min, lines);
            }
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            String last = kept.get(maxLines - 1);
            while (!last.isEmpty() && width(last + "…", min) > width) {
                last = last.substring(0, last.offsetByCodePoints(last.length(), -1));
            }
            kept.set(maxLines - 1, last.strip() + "…");
            return new Fitted(min, kept);
        }

        /** Draws an already cleaned text with its baseline at {@code (x, y)}. */
        void show(PDPageContentStream content, float size, float x, float y, String text) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(text);
            content.endText();
        }

        void centred(PDPageContentStream content, float size, float centreX, float y, String text) throws IOException {
            show(content, size, centreX - width(text, size) / 2, y, text);
        }
    }

    /** Lines at a size. */
    record Fitted(float size, List<String> lines) {
    }
}
