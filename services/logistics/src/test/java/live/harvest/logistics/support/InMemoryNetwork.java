package live.harvest.logistics.support;

import jakarta.enterprise.inject.Vetoed;
import live.harvest.logistics.network.Centre;
import live.harvest.logistics.network.NetworkRepository;
import live.harvest.logistics.network.PickupPoint;
import live.harvest.logistics.network.Station;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stored network as plain objects, for the unit tests of the rules that read it (routing, import checks). Only the
 * look-ups those rules use answer; the rest of the repository needs the database and stays with the Quarkus tests.
 * Vetoed: it inherits the repository's scope, and the Quarkus tests (which index test classes too) must keep injecting
 * the real repository.
 */
@Vetoed
public class InMemoryNetwork extends NetworkRepository {

    private final Map<String, Centre> centres = new LinkedHashMap<>();
    private final Map<String, Station> stations = new LinkedHashMap<>();
    private final Map<String, PickupPoint> pickupPoints = new LinkedHashMap<>();

    public InMemoryNetwork() {
        super(null);
    }

    public InMemoryNetwork centre(String code, String countyCode, boolean coldStorage) {
        Centre c = new Centre();
        c.code = code;
        c.countyCode = countyCode;
        c.coldStorage = coldStorage;
        centres.put(code, c);
        return this;
    }

    public InMemoryNetwork station(String code, String centreCode, boolean coldCapable, String... townships) {
        Station s = new Station();
        s.code = code;
        s.centreCode = centreCode;
        s.coldCapable = coldCapable;
        s.townships = new TreeSet<>(Set.of(townships));
        stations.put(code, s);
        return this;
    }

    public InMemoryNetwork pickupPoint(String code, String stationCode, String villageCode) {
        PickupPoint p = new PickupPoint();
        p.code = code;
        p.stationCode = stationCode;
        p.villageCode = villageCode;
        pickupPoints.put(code, p);
        return this;
    }

    @Override
    public Optional<Centre> centre(String code) {
        return Optional.ofNullable(code == null ? null : centres.get(code));
    }

    @Override
    public Optional<Station> station(String code) {
        return Optional.ofNullable(code == null ? null : stations.get(code));
    }

    @Override
    public Optional<Centre> centreOfCounty(String countyCode) {
        return centres.values().stream().filter(c -> c.countyCode.equals(countyCode)).findFirst();
    }

    @Override
    public Optional<Station> stationServing(String townshipCode) {
        return stations.values().stream().filter(s -> s.townships.contains(townshipCode)).findFirst();
    }

    @Override
    public List<PickupPoint> pickupPoints(String stationCode) {
        return pickupPoints.values().stream().filter(p -> p.stationCode.equals(stationCode)).toList();
    }
}
