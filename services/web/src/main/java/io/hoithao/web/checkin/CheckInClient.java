package io.hoithao.web.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import io.hoithao.web.Api;
import io.hoithao.web.SignedInCalls;
import reactor.core.publisher.Mono;

/** The registrations API's check-in and the event's confirmed delegates, as the signed-in organiser. */
@Component
class CheckInClient {

    private static final ParameterizedTypeReference<Api.Page<Delegate>> DELEGATES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Api.Page<Api.Event>> EVENTS = new ParameterizedTypeReference<>() {
    };
    /** The registrations API's largest page. */
    static final int PAGE = 500;
    /** Enough for the largest conference; the list is read whole to search it without diacritics. */
    static final int MAX_PAGES = 20;

    private final SignedInCalls api;

    CheckInClient(SignedInCalls api) {
        this.api = api;
    }

    /** What the registrations API answers to a check-in. */
    record CheckIn(String registrationId, String fullName, String unit, String category, LocalDate day,
                   boolean alreadyCheckedIn, Instant checkedInAt) {
    }

    /** A confirmed delegate as the event's registration list gives her. */
    record Delegate(String id, String fullName, String unit, String confirmationCode, String status, List<String> checkIns) {

        boolean checkedIn(LocalDate day) {
            return checkIns != null && checkIns.contains(day.toString());
        }
    }

    Mono<CheckIn> checkIn(String code, LocalDate day) {
        return api.call(api.gateway().post().uri("/api/registrations/codes/{code}/check-ins", code)
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("day", day.toString()))
                .exchangeToMono(r -> SignedInCalls.body(r, CheckIn.class)));
    }

    /** Every confirmed delegate of the event (the API refuses anyone but the event's managers). */
    Mono<List<Delegate>> confirmed(String eventId) {
        return page(eventId, 0, new ArrayList<>());
    }

    private Mono<List<Delegate>> page(String eventId, int page, List<Delegate> so) {
        return api.call(api.gateway().get()
                        .uri("/api/registrations/events/{e}/registrations?status=CONFIRMED&size={s}&page={p}", eventId, PAGE, page)
                        .accept(MediaType.APPLICATION_JSON).exchangeToMono(r -> SignedInCalls.body(r, DELEGATES)))
                .flatMap(p -> {
                    so.addAll(p.items());
                    boolean more = (long) (page + 1) * PAGE < p.total() && page + 1 < MAX_PAGES;
                    return more ? page(eventId, page + 1, so) : Mono.just(so);
                });
    }

    /**
     * The events a unit organises (all events for someone without a unit, an administrator).
     *
     * @param unitId the unit's id in the units directory (the events API's {@code organiser} filter takes ids)
     */
    Mono<List<Api.Event>> eventsOf(String unitId) {
        return api.call(api.gateway().get().uri(u -> {
                    u.path("/api/events").queryParam("size", 50);
                    if (unitId != null && !unitId.isBlank()) {
                        u.queryParam("organiser", "{o}");
                        return u.build(unitId);
                    }
                    return u.build();
                }).accept(MediaType.APPLICATION_JSON).exchangeToMono(r -> SignedInCalls.body(r, EVENTS)))
                .map(Api.Page::items);
    }
}
