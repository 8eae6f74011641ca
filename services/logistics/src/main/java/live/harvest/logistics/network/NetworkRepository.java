package live.harvest.logistics.network;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** Look-ups across the network that routing, imports and access checks share. */
@ApplicationScoped
public class NetworkRepository {

    private final EntityManager em;

    public NetworkRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<County> county(String code) {
        return Optional.ofNullable(code == null ? null : em.find(County.class, code));
    }

    public Optional<Centre> centre(String code) {
        return Optional.ofNullable(code == null ? null : em.find(Centre.class, code));
    }

    public Optional<Station> station(String code) {
        return Optional.ofNullable(code == null ? null : em.find(Station.class, code));
    }

    public Optional<PickupPoint> pickupPoint(String code) {
        return Optional.ofNullable(code == null ? null : em.find(PickupPoint.class, code));
    }

    public Optional<Centre> centreOfCounty(String countyCode) {
        return Centre.<Centre>find("countyCode", countyCode).firstResultOptional();
    }

    /** The station whose coverage includes {@code townshipCode}, if any. */
    public Optional<Station> stationServing(String townshipCode) {
        return em.createQuery("select s from Station s join s.townships t where t = :t", Station.class)
                .setParameter("t", townshipCode).getResultStream().findFirst();
    }

    public List<County> counties() {
        return County.list("order by code");
    }

    public List<Centre> centres(String countyCode) {
        return countyCode == null ? Centre.list("order by code")
                : Centre.list("countyCode = ?1 order by code", countyCode);
    }

    public List<Station> stations(String centreCode) {
        return centreCode == null ? Station.list("order by code")
                : Station.list("centreCode = ?1 order by code", centreCode);
    }

    public List<PickupPoint> pickupPoints(String stationCode) {
        return stationCode == null ? PickupPoint.list("order by code")
                : PickupPoint.list("stationCode = ?1 order by code", stationCode);
    }
}
