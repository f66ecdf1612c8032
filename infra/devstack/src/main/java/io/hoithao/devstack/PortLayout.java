package io.hoithao.devstack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which port each instance of each app listens on. Instance 1 of an app is on the app's port, instance
 * {@code k > 1} on that port + 1000 × (k − 1); several identity services stand behind a balancer of the
 * devstack on the identity port (browsers and tokens know the issuer by one address), instance k of them on
 * its port + 1000 × k. With free ports, every further instance gets a free port of its own.
 */
final class PortLayout {

    static final int MAX_INSTANCES = 9;

    private final Map<App, Integer> ports;
    private final int instances;
    private final Map<App, List<Integer>> further;

    PortLayout(Map<App, Integer> ports, int instances, boolean freePorts) {
        if (instances < 1 || instances > MAX_INSTANCES) {
            throw new DevStackException("Option instances must be between 1 and " + MAX_INSTANCES + ", not " + instances);
        }
        this.instances = instances;
        Map<App, List<Integer>> extra = new EnumMap<>(App.class);
        int[] free = freePorts ? DevStackConfig.freePortNumbers(instances * App.values().length) : new int[0];
        for (App app : App.values()) {
            List<Integer> list = new ArrayList<>();
            // Several identity services all stand behind a balancer on the identity port; instance k of another app
            // (k > 1) has a port of its own.
            int first = app.isIdentity() && instances > 1 ? 1 : 2;
            for (int k = first; k <= instances; k++) {
                list.add(freePorts ? free[(k - 1) * App.values().length + app.ordinal()]
                        : ports.get(app) + 1000 * k - (first == 1 ? 0 : 1000));
            }
            extra.put(app, List.copyOf(list));
        }
        this.further = Collections.unmodifiableMap(extra);
        this.ports = Collections.unmodifiableMap(new EnumMap<>(ports));
    }

    /** The app's own port: its only instance's, or the balancer's in front of its instances. */
    int port(App app) {
        return ports.get(app);
    }

    int port(App app, int instance) {
        if (instance < 1 || instance > instances(app)) {
            throw new IllegalArgumentException(app.id() + " has no instance " + instance);
        }
        if (balanced(app)) {
            return further.get(app).get(instance - 1);
        }
        return instance == 1 ? port(app) : further.get(app).get(instance - 2);
    }

    /** Every instance's port, the first first. */
    List<Integer> instancePorts(App app) {
        List<Integer> list = new ArrayList<>();
        for (int k = 1; k <= instances(app); k++) {
            list.add(port(app, k));
        }
        return list;
    }

    boolean balanced(App app) {
        return app.isIdentity() && instances(app) > 1;
    }

    int instances(App app) {
        return app.isGateway() ? 1 : instances;
    }

    int instances() {
        return instances;
    }

    /**
     * How an instance is named where ports are listed: its process's name ({@code events}, {@code events-2}), and
     * {@code identity-1} for the first of balanced instances, since {@code identity} is the balancer.
     */
    String label(App app, int instance) {
        return ChildProcess.name(app, instance) + (balanced(app) && instance == 1 ? "-1" : "");
    }

    @Override
    public String toString() {
        return "ports=" + ports + (instances > 1 ? ", instances=" + instances + ", further ports=" + further : "");
    }
}
