package io.hoithao.events.unit;

import io.hoithao.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A unit's designations as a model site (mô hình điểm) of a programme and phase ({@link ModelSites}): anyone
 * reads them; administrators and organisers of a unit above designate and withdraw.
 */
@RestController
@Validated
@RequestMapping("/api/events/units/{unitId}/model-sites")
class ModelSiteHandler {

    private final ModelSites sites;

    ModelSiteHandler(ModelSites sites) {
        this.sites = sites;
    }

    /** {@code level}: PROVINCE or DISTRICT. */
    record Designation(@NotBlank @Size(max = 100) String programmeId, @NotBlank @Size(max = 100) String phase,
                       @NotNull ModelSites.Level level) {
    }

    record Withdrawal(@NotBlank @Size(max = 100) String programmeId, @NotBlank @Size(max = 100) String phase) {
    }

    record View(String unitId, String programmeId, String phase, String level, long revision) {
        static View of(ModelSite site) {
            return new View(site.unitId(), site.programmeId(), site.phase(), site.level(), site.version());
        }
    }

    @GetMapping
    Mono<List<View>> list(@PathVariable @Size(max = 100) String unitId) {
        return sites.of(unitId).map(View::of).collectList();
    }

    @PostMapping
    Mono<View> designate(@PathVariable @Size(max = 100) String unitId, @Valid @RequestBody Designation request, Caller caller) {
        return sites.designate(unitId, request.programmeId().strip(), request.phase().strip(), request.level(), caller).map(View::of);
    }

    @PostMapping("/withdraw")
    Mono<View> withdraw(@PathVariable @Size(max = 100) String unitId, @Valid @RequestBody Withdrawal request, Caller caller) {
        return sites.withdraw(unitId, request.programmeId().strip(), request.phase().strip(), caller).map(View::of);
    }
}
