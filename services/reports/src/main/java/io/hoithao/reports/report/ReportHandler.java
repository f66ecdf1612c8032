package io.hoithao.reports.report;

import io.hoithao.platform.security.Caller;
import io.hoithao.reports.document.ReportDocx;
import io.hoithao.reports.document.ReportXlsx;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The review report of a programme's phase for a unit and the units below it, as JSON, as a Word document
 * (DOCX, which officials edit their reports in) and as a spreadsheet (XLSX, one sheet per table).
 */
@RestController
@Validated
@RequestMapping("/api/reports/programmes/{programmeId}/units/{unitId}")
class ReportHandler {

    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportService reports;

    ReportHandler(ReportService reports) {
        this.reports = reports;
    }

    /** {@code level}: which units below count for participation (default SCHOOL: the schools and facilities). */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Report> report(@PathVariable @Size(max = 100) String programmeId, @PathVariable @Size(max = 100) String unitId,
                        @RequestParam @NotBlank @Size(max = 100) String phase,
                        @RequestParam(required = false) String level, Caller caller) {
        return reports.report(programmeId, phase, unitId, level, caller);
    }

    @GetMapping("/report.docx")
    Mono<ResponseEntity<byte[]>> docx(@PathVariable @Size(max = 100) String programmeId, @PathVariable @Size(max = 100) String unitId,
                                      @RequestParam @NotBlank @Size(max = 100) String phase,
                                      @RequestParam(required = false) String level, Caller caller) {
        return reports.report(programmeId, phase, unitId, level, caller)
                .publishOn(Schedulers.boundedElastic())
                .map(report -> file(ReportDocx.write(report), DOCX, "bao-cao-so-ket.docx"));
    }

    @GetMapping("/report.xlsx")
    Mono<ResponseEntity<byte[]>> xlsx(@PathVariable @Size(max = 100) String programmeId, @PathVariable @Size(max = 100) String unitId,
                                      @RequestParam @NotBlank @Size(max = 100) String phase,
                                      @RequestParam(required = false) String level, Caller caller) {
        return reports.report(programmeId, phase, unitId, level, caller)
                .publishOn(Schedulers.boundedElastic())
                .map(report -> file(ReportXlsx.write(report), XLSX, "bao-cao-so-ket.xlsx"));
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }
}
