package mx.gob.dif.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances of one service, taken in turn (round robin). An instance that refused a connection or
 * answered 503 is ejected until an active readiness probe finds it ready again ({@link Upstreams}); while
 * every instance is ejected the gateway still tries them in turn rather than refuse outright.
 */
public final class Pool {
    public record Instance(String service, URI base) {
        @Override
        public String toString() {
            return service + " " + base;
        }
    }

    private final List<Instance> instances;
    private final Set<Instance> ejected = ConcurrentHashMap.newKeySet();
    private final AtomicInteger next = new AtomicInteger();

    public Pool(String service, String addresses) {
        List<Instance> all = new ArrayList<>();
        for (String a : addresses.split(",")) {
            if (!a.isBlank()) {
                all.add(new Instance(service, URI.create(a.strip())));
            }
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("gateway.services." + service + " names no address");
        }
        this.instances = List.copyOf(all);
    }

    public List<Instance> instances() {
        return instances;
    }

    /** The next instance in turn other than {@code not} (null: any), preferring those not ejected. */
    public Optional<Instance> pick(Instance not) {
        int start = Math.floorMod(next.getAndIncrement(), instances.size());
        Instance fallback = null;
        for (int i = 0; i < instances.size(); i++) {
            Instance candidate = instances.get((start + i) % instances.size());
            if (candidate.equals(not)) {
                continue;
            }
            if (!ejected.contains(candidate)) {
                return Optional.of(candidate);
            }
            if (fallback == null) {
                fallback = candidate;
            }
        }
        return Optional.ofNullable(fallback);
    }

    public void eject(Instance i) {
        ejected.add(i);
    }

    public void readmit(Instance i) {
        ejected.remove(i);
    }

    public boolean ejected(Instance i) {
        return ejected.contains(i);
    }

    public List<Instance> ejected() {
        return instances.stream().filter(ejected::contains).toList();
    }
}
