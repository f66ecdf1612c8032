package io.hoithao.documents;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** What a reader gets from a PDF: its text, page by page, and the QR codes a scanner finds on a printed page. */
final class PdfReading {

    private PdfReading() {
    }

    static PDDocument load(byte[] pdf) throws IOException {
        return Loader.loadPDF(pdf);
    }

    static String text(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document);
    }

    /** The names of the fonts the pages use, each checked to be embedded (a font of the reader's machine never stands in). */
    static Set<String> embeddedFonts(PDDocument document) throws IOException {
        Set<String> names = new TreeSet<>();
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                if (!font.isEmbedded()) {
                    throw new AssertionError("font " + font.getName() + " is not embedded");
                }
                names.add(font.getName());
            }
        }
        return names;
    }

    /** The page rendered at 150 dpi in grey, as a printer and a phone's camera would see it, and every QR code on it. */
    static List<String> qrCodes(PDDocument document, int pageIndex) throws IOException {
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(pageIndex, 150, ImageType.GRAY);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            Result[] results = new QRCodeMultiReader().decodeMultiple(bitmap, Map.of(DecodeHintType.TRY_HARDER, true));
            return Arrays.stream(results).map(Result::getText).toList();
        } catch (NotFoundException e) {
            return List.of();
        }
    }
}
