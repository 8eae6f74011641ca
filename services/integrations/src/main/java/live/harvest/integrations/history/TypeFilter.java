package live.harvest.integrations.history;

import live.harvest.platform.event.EventTypes;
import live.harvest.platform.problem.DomainException;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The {@code types} parameter: a comma-separated list of exact event types ({@code orders.order-paid}) and domain
 * prefixes ({@code orders.*}); empty means every type. Each must name a known contract or domain (400 otherwise),
 * so a typo is answered instead of silently matching nothing.
 */
record TypeFilter(Set<String> exact, Set<String> domains) {

    static final TypeFilter ALL = new TypeFilter(Set.of(), Set.of());

    static TypeFilter parse(String types) {
        if (types == null || types.isBlank()) {
            return ALL;
        }
        Set<String> known = EventTypes.ALL.stream().map(c -> EventTypes.contractOf(c).value())
                .collect(Collectors.toSet());
        Set<String> knownDomains = known.stream().map(t -> t.substring(0, t.indexOf('.'))).collect(Collectors.toSet());
        Set<String> exact = new TreeSet<>();
        Set<String> domains = new TreeSet<>();
        for (String raw : types.split(",", -1)) {
            String type = raw.strip();
            if (type.endsWith(".*") && knownDomains.contains(type.substring(0, type.length() - 2))) {
                domains.add(type.substring(0, type.length() - 2));
            } else if (known.contains(type)) {
                exact.add(type);
            } else {
                throw DomainException.badRequest("invalid-types", "types: '" + type + "' is neither a known event "
                        + "type (e.g. orders.order-paid) nor a domain prefix (catalog.*, livestream.*, orders.*, "
                        + "logistics.*); see docs/events.md");
            }
        }
        return new TypeFilter(Set.copyOf(exact), Set.copyOf(domains));
    }

    boolean isAll() {
        return exact.isEmpty() && domains.isEmpty();
    }

    boolean matches(String type) {
        return isAll() || exact.contains(type) || domains.contains(type.substring(0, Math.max(0, type.indexOf('.'))));
    }
}
