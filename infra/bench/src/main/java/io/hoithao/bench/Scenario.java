package io.hoithao.bench;

import io.hoithao.bench.Api.Delegate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A scenario of the bench: what every scenario works with (the stack, its API, the load generator, the options, the
 * report and the delegates signed in before any scenario), and the set-up they share.
 */
abstract class Scenario {

    /** How many registrations the set-up sends at once: a set-up, not a crowd. */
    private static final int SETUP_BATCH = 16;

    /** What a scenario is given. */
    record Context(Target target, Api api, Load load, Options options, Report report, List<Delegate> delegates) {
    }

    final Target target;
    final Api api;
    final Load load;
    final Options options;
    final Report report;
    final List<Delegate> delegates;

    Scenario(Context context) {
        this.target = context.target();
        this.api = context.api();
        this.load = context.load();
        this.options = context.options();
        this.report = context.report();
        this.delegates = context.delegates();
    }

    /**
     * Set-up, not measured: each of the first {@code count} delegates registers herself for the event (straight at the
     * registrations service, {@value #SETUP_BATCH} at a time) and is confirmed; returns the registrations' ids in the
     * delegates' order.
     *
     * @param scenario the scenario's name, for the message when a registration is refused
     */
    List<String> everyDelegateRegisters(String scenario, String event, int count) {
        List<String> registrationIds = new ArrayList<>();
        for (int from = 0; from < count; from += SETUP_BATCH) {
            List<CompletableFuture<Sample>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + SETUP_BATCH); i++) {
                batch.add(load.send(Api.registration(target.registrations(), delegates.get(i), event, Api.UNITS.get(i % Api.UNITS.size())),
                        r -> r.statusCode() == 201 ? Api.JSON.readTree(r.body()).path("id").asString() : "HTTP " + r.statusCode() + " " + r.body()));
            }
            for (CompletableFuture<Sample> f : batch) {
                Sample s = f.join();
                if (s.status() != 201) {
                    throw new IllegalStateException(scenario + " setup: a registration answered " + s.status() + ": " + s.outcome());
                }
                registrationIds.add(s.outcome());
            }
        }
        return registrationIds;
    }
}
