package io.hoithao.events.unit;

import io.hoithao.events.unit.UnitImport.Report;
import io.hoithao.events.unit.UnitRequests.CreateUnit;
import io.hoithao.events.unit.UnitRequests.MoveUnit;
import io.hoithao.events.unit.UnitRequests.RenameUnit;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The directory of units (đơn vị). Anyone may read it (sign-up and registration forms offer its units);
 * administrators manage every unit, an organiser the units below their own ({@link UnitRights}).
 */
@RestController
@Validated
@RequestMapping("/api/events/units")
class UnitHandler {

    private final UnitDirectory directory;
    private final UnitImport imports;

    UnitHandler(UnitDirectory directory, UnitImport imports) {
        this.directory = directory;
        this.imports = imports;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ResponseEntity<UnitView>> create(@Valid @RequestBody CreateUnit request, Caller caller) {
        return directory.create(request, caller).map(unit ->
                ResponseEntity.created(URI.create("/api/events/units/" + unit.id())).body(UnitView.of(unit)));
    }

    @GetMapping
    Mono<Page<UnitView>> search(@RequestParam(required = false) @Size(max = 200) String q,
                                @RequestParam(required = false) UnitKind kind,
                                @RequestParam(required = false) UnitLevel level,
                                @RequestParam(required = false) @Size(max = 100) String parentId,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return Page.of(directory.search(q, kind, level, parentId, page, size).map(UnitView::of),
                directory.count(q, kind, level, parentId), page, size);
    }

    @GetMapping("/{unitId}")
    Mono<UnitView> get(@PathVariable @Size(max = 100) String unitId) {
        return directory.find(unitId).map(UnitView::of);
    }

    @GetMapping("/{unitId}/children")
    Mono<Page<UnitView>> children(@PathVariable @Size(max = 100) String unitId,
                                  @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return directory.children(unitId, page, size).flatMap(units -> directory.countChildren(unitId)
                .map(total -> new Page<>(units.stream().map(UnitView::of).toList(), page, size, total)));
    }

    @GetMapping("/{unitId}/descendants")
    Mono<Page<UnitView>> descendants(@PathVariable @Size(max = 100) String unitId,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return directory.descendantIds(unitId).flatMap(ids -> directory.units(ids, page, size).map(UnitView::of).collectList()
                .map(units -> new Page<>(units, page, size, ids.size())));
    }

    @PostMapping("/{unitId}/rename")
    Mono<UnitView> rename(@PathVariable @Size(max = 100) String unitId, @Valid @RequestBody RenameUnit request, Caller caller) {
        return directory.rename(unitId, request, caller).map(UnitView::of);
    }

    @PostMapping("/{unitId}/move")
    Mono<UnitView> move(@PathVariable @Size(max = 100) String unitId, @Valid @RequestBody MoveUnit request, Caller caller) {
        return directory.move(unitId, request, caller).map(UnitView::of);
    }

    /** A UTF-8 CSV file of units ({@link UnitImport}); 200 with one outcome per row. */
    @PostMapping(path = "/import", consumes = "text/csv")
    Mono<Report> importCsv(@RequestBody byte[] csv, Caller caller) {
        return imports.run(csv, caller);
    }
}
