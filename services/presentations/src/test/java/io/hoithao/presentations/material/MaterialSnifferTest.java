package io.hoithao.presentations.material;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class MaterialSnifferTest {

    static MaterialType sniff(byte[] content, int pieceSize) {
        MaterialSniffer sniffer = new MaterialSniffer();
        for (int at = 0; at < content.length && !sniffer.refused(); at += pieceSize) {
            MaterialType type = sniffer.accept(ByteBuffer.wrap(content, at, Math.min(pieceSize, content.length - at)));
            if (type != null) {
                return type;
            }
        }
        return sniffer.refused() ? null : sniffer.finish();
    }

    static byte[] zip(boolean stored, String... names) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                byte[] data = ("<x>" + name + "</x>").getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(name);
                if (stored) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(data.length);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(data);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void pdfIsKnownByItsFirstFiveBytesEvenOneByteAtATime() {
        byte[] pdf = "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII);
        assertThat(sniff(pdf, 1)).isEqualTo(MaterialType.PDF);
        assertThat(sniff("%PDF".getBytes(StandardCharsets.US_ASCII), 10)).isNull();
    }

    @Test
    void officeFilesAreToldApartByTheirEntriesWithOrWithoutDataDescriptors() throws Exception {
        assertThat(sniff(zip(false, "[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml"), 7)).isEqualTo(MaterialType.PPTX);
        assertThat(sniff(zip(true, "[Content_Types].xml", "_rels/.rels", "word/document.xml"), 1000)).isEqualTo(MaterialType.DOCX);
        assertThat(sniff(zip(true, "[Content_Types].xml", "xl/workbook.xml"), 1000)).isNull();
        assertThat(sniff(zip(false, "[Content_Types].xml", "xl/workbook.xml"), 1000)).isNull();
    }

    @Test
    void anythingElseIsRefusedAsSoonAsTheFirstBytesShowIt() {
        MaterialSniffer sniffer = new MaterialSniffer();
        sniffer.accept(ByteBuffer.wrap(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n'}));
        assertThat(sniffer.refused()).isTrue();
        assertThat(sniff(new byte[0], 1)).isNull();
        assertThat(sniff("<html>".getBytes(StandardCharsets.US_ASCII), 100)).isNull();
    }

    @Test
    void aZipWithoutAnOfficePartInTheWindowIsRefused() {
        byte[] big = new byte[MaterialSniffer.WINDOW + 10];
        big[0] = 'P';
        big[1] = 'K';
        big[2] = 3;
        big[3] = 4;
        assertThat(sniff(big, 4096)).isNull();
    }
}
