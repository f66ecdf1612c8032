package io.hoithao.platform.web;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One page of a list: the items, where the page is, and how many items there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <T> Mono<Page<T>> of(Flux<T> items, Mono<Long> total, int page, int size) {
        return Mono.zip(items.collectList(), total).map(t -> new Page<>(t.getT1(), page, size, t.getT2()));
    }
}
