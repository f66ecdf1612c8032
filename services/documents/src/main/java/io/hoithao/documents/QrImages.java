package io.hoithao.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A confirmation code as a QR code in a PNG image, for the badge a delegate shows on her phone and the one in her
 * confirmation mail. The QR code holds the code itself, nothing more.
 */
public final class QrImages {

    /** The media type of {@link #png}'s bytes. */
    public static final String MEDIA_TYPE = "image/png";

    private QrImages() {
    }

    /** The PNG image, {@code size} pixels square (quiet zone included). */
    public static byte[] png(String code, int size) {
        try {
            // Level M survives a scuffed or creased printed badge; the margin is the quiet zone scanners need.
            BitMatrix matrix = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("a confirmation code always fits a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
