package io.hoithao.presentations.album;

import io.hoithao.platform.web.ProblemException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.springframework.http.HttpStatus;

/**
 * What a photo's bytes are, decided by their content (never by a file name or a declared type), and the
 * image redrawn: a photo is decoded and encoded again as JPEG, so nothing of the original file but its
 * pixels is kept (no EXIF, so no camera location), and a thumbnail is drawn from it.
 */
final class PhotoImages {

    static final String NOT_ACCEPTED = "photo-type-not-accepted";
    static final int THUMBNAIL = 480;

    private PhotoImages() {
    }

    record Cleaned(byte[] image, byte[] thumbnail, int width, int height) {
    }

    static Cleaned clean(byte[] bytes) {
        sniff(bytes);
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            decoded = null;
        }
        if (decoded == null) {
            throw notAccepted("The photo could not be read as an image");
        }
        BufferedImage rgb = redraw(decoded, decoded.getWidth(), decoded.getHeight());
        int width = Math.min(THUMBNAIL, decoded.getWidth());
        int height = Math.max(1, (int) Math.round((double) decoded.getHeight() * width / decoded.getWidth()));
        return new Cleaned(jpeg(rgb), jpeg(redraw(decoded, width, height)), decoded.getWidth(), decoded.getHeight());
    }

    /** JPEG and PNG are taken; HEIC (iPhones) is refused with what to do instead; anything else is refused. */
    static void sniff(byte[] b) {
        boolean jpeg = b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
        boolean png = b.length > 8 && Arrays.equals(Arrays.copyOf(b, 8),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        if (jpeg || png) {
            return;
        }
        if (b.length > 12 && new String(b, 4, 4, StandardCharsets.US_ASCII).equals("ftyp")) {
            String brand = new String(b, 8, 4, StandardCharsets.US_ASCII);
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")) {
                throw notAccepted("HEIC photos are not accepted: export the photo as JPEG (on an iPhone: Settings, "
                        + "Camera, Formats, Most Compatible) and upload it again").with("detected", "image/heic");
            }
        }
        throw notAccepted("Only JPEG and PNG photos are accepted");
    }

    private static ProblemException notAccepted(String detail) {
        return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTED, "Photo type not accepted", detail)
                .with("accepted", java.util.List.of("image/jpeg", "image/png"));
    }

    private static BufferedImage redraw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
