package live.harvest.logistics.network;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import live.harvest.logistics.network.NetworkDtos.PickupPointCreate;
import live.harvest.logistics.network.NetworkDtos.PickupPointUpdate;
import live.harvest.logistics.network.NetworkDtos.PickupPointView;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.region.RegionCodes;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class PickupPointService {

    private final NetworkRepository network;
    private final EntityManager em;

    public PickupPointService(NetworkRepository network, EntityManager em) {
        this.network = network;
        this.em = em;
    }

    @Transactional
    public PickupPointView create(PickupPointCreate request) {
        if (network.pickupPoint(request.code()).isPresent()) {
            throw DomainException.conflict("pickup-point-exists", "Pickup point " + request.code() + " already exists");
        }
        PickupPoint point = new PickupPoint();
        point.code = request.code();
        point.createdAt = Instant.now();
        apply(point, request.stationCode(), request.villageCode(), request.name());
        point.persist();
        return PickupPointView.of(point);
    }

    @Transactional
    public PickupPointView update(String code, PickupPointUpdate request) {
        PickupPoint point = require(code);
        apply(point, request.stationCode(), request.villageCode(), request.name());
        return PickupPointView.of(point);
    }

    @Transactional
    public PickupPointView get(String code) {
        return PickupPointView.of(require(code));
    }

    @Transactional
    public List<PickupPointView> list(String stationCode) {
        return network.pickupPoints(stationCode).stream().map(PickupPointView::of).toList();
    }

    /** A point holding parcels stays until they are collected or returned. */
    @Transactional
    public void delete(String code) {
        PickupPoint point = require(code);
        long held = ((Number) em.createNativeQuery("select count(*) from shipment"
                        + " where pickup_point_code = ?1 and status = 'HELD_AT_PICKUP'")
                .setParameter(1, code).getSingleResult()).longValue();
        if (held > 0) {
            throw DomainException.conflict("pickup-point-in-use", "Pickup point " + code + " holds " + held + " parcels");
        }
        point.delete();
    }

    private void apply(PickupPoint point, String stationCode, String villageCode, String name) {
        Station station = network.station(stationCode).orElseThrow(() -> DomainException.unprocessable(
                "unknown-station", "Station " + stationCode + " does not exist"));
        if (!station.townships.contains(RegionCodes.townshipOf(villageCode))) {
            throw DomainException.unprocessable("village-not-served",
                    "Village " + villageCode + " is not in a township served by station " + stationCode);
        }
        point.stationCode = stationCode;
        point.villageCode = villageCode;
        point.name = name;
        point.updatedAt = Instant.now();
    }

    private PickupPoint require(String code) {
        return network.pickupPoint(code).orElseThrow(() -> DomainException.notFound("Pickup point", code));
    }
}
