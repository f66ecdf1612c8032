package io.hoithao.bench;

import io.hoithao.documents.Badge;
import io.hoithao.documents.Badges;
import io.hoithao.documents.EventHeading;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * P8: the badges of an event as PDF ({@link Badges}, services/documents) for a small and a large count of
 * delegates, in the bench JVM before it starts any stack. Measured: the time to render (the median of the
 * runs, after a warm-up) and the rendering thread's CPU time, the time per badge and its ratio between the two
 * counts (1 = linear), with the time each added badge costs, the peak heap
 * used while rendering (the heap pools' peaks, garbage included) and the live heap the document holds (the
 * most the heap kept after a full collection every few badges, in a separate run that is not timed).
 */
final class BadgeRendering {

    private static final int MB = 1024 * 1024;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Hà", "Đặng", "Lường", "Nông", "Triệu"};
    private static final String[] MIDDLE = {"Thị", "Văn", "Thị Thu", "Đức", "Thị Hồng", "Quang", "Ngọc"};
    private static final String[] GIVEN = {"Hằng", "Ánh", "Nam", "Thảo", "Hường", "Dũng", "Phương", "Tuấn", "Yến", "Lâm"};
    private static final String[] UNITS = {"Trường Mầm non Đồng Tâm", "Phòng GD&ĐT huyện Ba Bể", "Trường Tiểu học Nà Phặc",
            "Trường Phổ thông Dân tộc Nội trú Trung học cơ sở và Trung học phổ thông huyện Pác Nặm", "Sở GD&ĐT Bắc Kạn"};
    private static final String[] CATEGORIES = {"Giáo viên", "Cán bộ quản lý", "Lãnh đạo", "Khách mời"};
    private static final char[] CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final EventHeading EVENT = new EventHeading(
            "Hội nghị – hội thảo sơ kết 2 năm chuyên đề Xây dựng trường mầm non lấy trẻ làm trung tâm", "Sở GD&ĐT Bắc Kạn",
            LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 26));

    private final Options options;
    private final Report report;

    BadgeRendering(Options options, Report report) {
        this.options = options;
        this.report = report;
    }

    /** Wall-clock and CPU time of the rendering thread (what the machine's other work changes far less), in ms. */
    record Run(int count, double millis, double cpuMillis, long peakHeap, long bytes) {
    }

    void run() throws IOException {
        int small = options.p8Counts.get(0);
        int large = options.p8Counts.get(1);
        Path dir = options.out.resolve("p8");
        Files.createDirectories(dir);
        render(small, dir.resolve("warm-up.pdf"), 0); // the JIT, and the classes of PDFBox, fontbox and ZXing
        Run a = timed(small, dir);
        Run b = timed(large, dir);
        long liveA = render(small, dir.resolve("live-" + small + ".pdf"), step(small));
        long liveB = render(large, dir.resolve("live-" + large + ".pdf"), step(large));

        report.row("P8", String.format(Locale.ROOT, "badges PDF for %,d → %,d delegates: time (median of %d)", small, large, options.p8Runs),
                seconds(a.millis()), seconds(b.millis()), String.format(Locale.ROOT, "%s for %s the badges",
                        Report.ratio(b.millis() / a.millis()), Report.ratio((double) large / small)));
        report.row("P8", "CPU time of the rendering thread", seconds(a.cpuMillis()), seconds(b.cpuMillis()),
                Report.ratio(b.cpuMillis() / a.cpuMillis()));
        report.row("P8", "time per badge (wall · CPU)", Report.ms(a.millis() / small) + " · " + Report.ms(a.cpuMillis() / small),
                Report.ms(b.millis() / large) + " · " + Report.ms(b.cpuMillis() / large),
                String.format(Locale.ROOT, "ratio %.2f · %.2f (1 = linear growth; below 1: the fixed cost of the font spreads);"
                                + " each added badge %s · %s", (b.millis() / large) / (a.millis() / small),
                        (b.cpuMillis() / large) / (a.cpuMillis() / small), Report.ms((b.millis() - a.millis()) / (large - small)),
                        Report.ms((b.cpuMillis() - a.cpuMillis()) / (large - small))));
        report.row("P8", "peak heap used while rendering (heap pools' peaks, garbage included)", mb(a.peakHeap()), mb(b.peakHeap()),
                Report.ratio((double) b.peakHeap() / a.peakHeap()));
        report.row("P8", "live heap held while rendering (after a full GC every " + step(small) + " · " + step(large) + " badges)",
                mb(liveA), mb(liveB), String.format(Locale.ROOT, "%.1f KB a badge kept until the file is saved",
                        (liveB - liveA) / 1024.0 / (large - small)));
        report.row("P8", "file size", kb(a.bytes()), kb(b.bytes()), String.format(Locale.ROOT, "%.1f KB a badge",
                b.bytes() / 1024.0 / large));
        check(small, dir.resolve("badges-" + small + ".pdf"));
        check(large, dir.resolve("badges-" + large + ".pdf"));
    }

    /** The median time of the runs, and the highest peak heap of them. */
    private Run timed(int count, Path dir) throws IOException {
        List<Run> runs = new ArrayList<>();
        Path file = dir.resolve("badges-" + count + ".pdf");
        for (int i = 0; i < options.p8Runs; i++) {
            System.gc();
            List<MemoryPoolMXBean> heap = heapPools();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            render(count, file, 0);
            double millis = (System.nanoTime() - t0) / 1e6;
            double cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
            long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            runs.add(new Run(count, millis, cpuMillis, peak, Files.size(file)));
        }
        long peak = runs.stream().mapToLong(Run::peakHeap).max().orElse(0);
        double millis = median(runs.stream().mapToDouble(Run::millis).toArray());
        double cpuMillis = median(runs.stream().mapToDouble(Run::cpuMillis).toArray());
        return new Run(count, millis, cpuMillis, peak, runs.get(0).bytes());
    }

    /**
     * Renders {@code count} badges of made-up delegates into the file; with {@code gcEvery > 0}, collects the
     * garbage every that many badges and returns the most heap that stayed in use (else 0).
     */
    private static long render(int count, Path file, int gcEvery) throws IOException {
        long[] live = new long[1];
        Iterable<Badge> badges = () -> new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Badge next() {
                if (gcEvery > 0 && next % gcEvery == 0) {
                    live[0] = Math.max(live[0], usedAfterGc());
                }
                return badge(next++);
            }
        };
        try (OutputStream out = Files.newOutputStream(file)) {
            Badges.write(EVENT, badges, out);
        }
        if (gcEvery > 0) {
            live[0] = Math.max(live[0], usedAfterGc());
        }
        return live[0];
    }

    static Badge badge(int i) {
        String name = FAMILY[i % FAMILY.length] + " " + MIDDLE[(i / 3) % MIDDLE.length] + " " + GIVEN[(i / 7) % GIVEN.length];
        return new Badge(name + " " + (i + 1), UNITS[i % UNITS.length], CATEGORIES[i % CATEGORIES.length], code(i));
    }

    /** A confirmation code of the registrations service's form (K7QM-3XPD), different for every delegate. */
    static String code(int i) {
        StringBuilder code = new StringBuilder();
        long value = 0x9E3779B97F4A7C15L * (i + 1);
        for (int c = 0; c < 8; c++) {
            if (c == 4) {
                code.append('-');
            }
            code.append(CODE_ALPHABET[(int) ((value >>> (5 * c)) & 31)]);
        }
        return code.toString();
    }

    /** Every badge is in the file: a page per 8, and the last delegate's name on the last page. */
    private void check(int count, Path file) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            int pages = pdf.getNumberOfPages();
            int expected = (count + Badges.PER_PAGE - 1) / Badges.PER_PAGE;
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(pages);
            stripper.setEndPage(pages);
            String last = badge(count - 1).fullName();
            boolean lastThere = stripper.getText(pdf).replaceAll("\\s+", " ").contains(last);
            report.check("P8", "every one of " + count + " badges rendered", pages == expected && lastThere,
                    pages + " pages (" + expected + " expected), the last page " + (lastThere ? "holds " : "lacks ") + last);
        }
    }

    private static double median(double[] values) {
        java.util.Arrays.sort(values);
        return values[values.length / 2];
    }

    private static int step(int count) {
        return Math.max(Badges.PER_PAGE, count / 20);
    }

    private static long usedAfterGc() {
        System.gc();
        return heapPools().stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) MB);
    }

    private static String kb(long bytes) {
        return bytes >= MB ? mb(bytes) : String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }

    private static String seconds(double millis) {
        return millis >= 1000 ? String.format(Locale.ROOT, "%.2f s", millis / 1000) : Report.ms(millis);
    }
}
