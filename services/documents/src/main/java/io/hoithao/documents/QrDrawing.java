package io.hoithao.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A QR code drawn as black squares in the page's content (no image: sharp at any printer's resolution, and a
 * few hundred bytes a code). The square given includes the quiet zone of 4 modules that scanners need,
 * left white.
 */
final class QrDrawing {

    private static final int QUIET_ZONE = 4;

    private QrDrawing() {
    }

    static void draw(PDPageContentStream content, String text, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            // level M survives a scuffed or creased printed badge, as the registrations service's PNG codes do
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("a QR code cannot hold " + text.length() + " characters", e);
        }
        int modules = matrix.getWidth();
        float module = size / modules;
        content.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < modules; row++) {
            int column = 0;
            while (column < modules) {
                if (!matrix.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < modules && matrix.get(column, row)) {
                    column++;
                }
                // one rectangle per run of dark modules in a row; rows of the matrix go down, the page's y goes up
                content.addRect(x + start * module, y + size - (row + 1) * module, (column - start) * module, module);
            }
        }
        content.fill();
    }
}
