package live.harvest.logistics.network;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import live.harvest.logistics.network.NetworkDtos.StationCreate;
import live.harvest.logistics.network.NetworkDtos.StationUpdate;
import live.harvest.logistics.network.NetworkDtos.StationView;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem.FieldError;
import live.harvest.platform.region.RegionCodes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

@ApplicationScoped
public class StationService {

    private final NetworkRepository network;
    private final EntityManager em;

    public StationService(NetworkRepository network, EntityManager em) {
        this.network = network;
        this.em = em;
    }

    @Transactional
    public StationView create(StationCreate request) {
        if (network.station(request.code()).isPresent()) {
            throw DomainException.conflict("station-exists", "Station " + request.code() + " already exists");
        }
        Centre centre = network.centre(request.centreCode()).orElseThrow(() -> DomainException.unprocessable(
                "unknown-centre", "Centre " + request.centreCode() + " does not exist"));
        checkCoverage(request.code(), centre, request.townships());
        Station station = new Station();
        station.code = request.code();
        station.centreCode = centre.code;
        station.createdAt = Instant.now();
        apply(station, request.name(), request.townships(), request.coldCapable(), request.openingHours());
        station.persist();
        return StationView.of(station);
    }

    @Transactional
    public StationView update(String code, StationUpdate request) {
        Station station = require(code);
        Centre centre = network.centre(station.centreCode).orElseThrow();
        checkCoverage(code, centre, request.townships());
        List<String> stranded = network.pickupPoints(code).stream()
                .filter(p -> !request.townships().contains(RegionCodes.townshipOf(p.villageCode)))
                .map(p -> p.code).toList();
        if (!stranded.isEmpty()) {
            throw DomainException.conflict("pickup-points-outside-coverage",
                    "Pickup points " + stranded + " lie in townships the station would no longer serve");
        }
        apply(station, request.name(), request.townships(), request.coldCapable(), request.openingHours());
        return StationView.of(station);
    }

    @Transactional
    public StationView get(String code) {
        return StationView.of(require(code));
    }

    @Transactional
    public List<StationView> list(String centreCode) {
        return network.stations(centreCode).stream().map(StationView::of).toList();
    }

    /** Removing a station strands its pickup points and any parcel routed to it, so both must be gone first. */
    @Transactional
    public void delete(String code) {
        Station station = require(code);
        if (!network.pickupPoints(code).isEmpty()) {
            throw DomainException.conflict("station-in-use", "Station " + code + " still has pickup points");
        }
        long shipments = ((Number) em.createNativeQuery("select count(*) from shipment where station_code = ?1")
                .setParameter(1, code).getSingleResult()).longValue();
        if (shipments > 0) {
            throw DomainException.conflict("station-in-use", "Station " + code + " has handled shipments");
        }
        station.delete();
    }

    private void checkCoverage(String stationCode, Centre centre, List<String> townships) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < townships.size(); i++) {
            String township = townships.get(i);
            if (!RegionCodes.within(township, centre.countyCode)) {
                errors.add(new FieldError("townships[" + i + "]",
                        "township " + township + " is not in county " + centre.countyCode));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        for (String township : townships) {
            network.stationServing(township).filter(other -> !other.code.equals(stationCode)).ifPresent(other -> {
                throw DomainException.conflict("township-already-served",
                        "Township " + township + " is already served by station " + other.code);
            });
        }
    }

    private static void apply(Station station, String name, List<String> townships, boolean coldCapable,
                              String openingHours) {
        station.name = name;
        station.townships.clear();
        station.townships.addAll(new TreeSet<>(townships));
        station.coldCapable = coldCapable;
        station.openingHours = openingHours;
        station.updatedAt = Instant.now();
    }

    Station require(String code) {
        return network.station(code).orElseThrow(() -> DomainException.notFound("Station", code));
    }
}
