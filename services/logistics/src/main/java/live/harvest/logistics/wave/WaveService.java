package live.harvest.logistics.wave;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.logistics.network.Centre;
import live.harvest.logistics.network.NetworkRepository;
import live.harvest.logistics.network.Station;
import live.harvest.logistics.shipment.Shipment;
import live.harvest.logistics.shipment.ShipmentAccess;
import live.harvest.logistics.shipment.ShipmentJournal;
import live.harvest.logistics.shipment.ShipmentRepository;
import live.harvest.logistics.shipment.ShipmentStatus;
import live.harvest.logistics.wave.WaveDtos.StationWaiting;
import live.harvest.logistics.wave.WaveDtos.VehicleAssignment;
import live.harvest.logistics.wave.WaveDtos.Waiting;
import live.harvest.logistics.wave.WaveDtos.WaitingParcel;
import live.harvest.logistics.wave.WaveDtos.WaveCreate;
import live.harvest.logistics.wave.WaveDtos.WaveView;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDispatched;
import live.harvest.platform.problem.DomainException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Joint distribution: a centre operator groups every parcel waiting for one station, whatever its seller,
 * into a wave, names the vehicle and dispatches it; all its parcels become DISPATCHED together.
 */
@ApplicationScoped
public class WaveService {

    private final ShipmentRepository shipments;
    private final NetworkRepository network;
    private final ShipmentAccess access;
    private final ShipmentJournal journal;

    public WaveService(ShipmentRepository shipments, NetworkRepository network, ShipmentAccess access,
                       ShipmentJournal journal) {
        this.shipments = shipments;
        this.network = network;
        this.access = access;
        this.journal = journal;
    }

    @Transactional
    public Waiting waiting(String centreCode) {
        Centre centre = centreOfOperator(centreCode);
        Map<String, List<Shipment>> byStation = shipments.waitingAt(centre.code).stream()
                .collect(Collectors.groupingBy(s -> s.stationCode));
        List<StationWaiting> stations = network.stations(centre.code).stream().map(st -> {
            List<Shipment> parcels = byStation.getOrDefault(st.code, List.of());
            long expected = shipments.count("stationCode = ?1 and destinationCentreCode = ?2 and (status = ?3"
                            + " or (status = ?4 and currentSiteCode <> ?2))", st.code, centre.code,
                    ShipmentStatus.ROUTED, ShipmentStatus.RECEIVED_AT_CENTRE);
            return new StationWaiting(st.code, st.coldCapable, parcels.size(),
                    (int) parcels.stream().filter(p -> p.coldChain).count(), expected,
                    parcels.stream().map(p -> new WaitingParcel(p.id, p.orderId, p.sellerId, p.temperatureClass,
                            p.statusChangedAt)).toList());
        }).toList();
        return new Waiting(centre.code, stations);
    }

    @Transactional
    public WaveView create(String centreCode, WaveCreate request) {
        Centre centre = centreOfOperator(centreCode);
        Station station = network.station(request.stationCode()).filter(s -> s.centreCode.equals(centre.code))
                .orElseThrow(() -> DomainException.unprocessable("unknown-station",
                        "Station " + request.stationCode() + " is not served by centre " + centre.code));
        List<Shipment> parcels = shipments.lockWaiting(centre.code, station.code);
        if (parcels.isEmpty()) {
            throw DomainException.conflict("nothing-waiting",
                    "No parcels for station " + station.code + " are waiting at centre " + centre.code);
        }
        Wave wave = new Wave();
        wave.id = UUID.randomUUID();
        wave.centreCode = centre.code;
        wave.stationCode = station.code;
        wave.status = Wave.Status.OPEN;
        wave.vehicle = request.vehicle();
        wave.driver = request.driver();
        wave.createdBy = access.callerId();
        wave.createdAt = Instant.now();
        wave.persist();
        parcels.forEach(p -> p.waveId = wave.id);
        return WaveView.of(wave, ids(parcels));
    }

    @Transactional
    public WaveView assign(UUID waveId, VehicleAssignment request) {
        Wave wave = waveOfOperator(waveId, true);
        wave.refuseUnlessItMayBecome(Wave.Status.DISPATCHED); // a vehicle is for a wave still to leave
        wave.vehicle = request.vehicle();
        wave.driver = request.driver();
        return view(wave);
    }

    /** Dispatching a dispatched wave again changes nothing, so a retried request is harmless. */
    @Transactional
    public WaveView dispatch(UUID waveId) {
        Wave wave = waveOfOperator(waveId, true);
        if (wave.status == Wave.Status.DISPATCHED) {
            return view(wave);
        }
        wave.refuseUnlessItMayBecome(Wave.Status.DISPATCHED);
        if (wave.vehicle == null || wave.vehicle.isBlank()) {
            throw DomainException.conflict("vehicle-required", "Assign a vehicle before dispatching wave " + waveId);
        }
        Instant now = Instant.now();
        List<Shipment> parcels = shipments.lockInWave(wave.id);
        if (parcels.isEmpty()) {
            // Every parcel of the wave was withdrawn (order cancelled or refunded, ADR 0014): nothing to carry.
            throw DomainException.conflict("wave-empty",
                    "Every parcel of wave " + waveId + " was cancelled; cancel the wave instead");
        }
        for (Shipment p : parcels) {
            journal.move(p, ShipmentStatus.DISPATCHED, wave.centreCode, now,
                    "wave " + wave.id + ", vehicle " + wave.vehicle,
                    new ShipmentDispatched(p.id, p.orderId, wave.id, wave.vehicle, wave.stationCode, now));
        }
        wave.dispatch(now);
        return WaveView.of(wave, ids(parcels));
    }

    /** Gives an undispatched wave's parcels back to the waiting list. */
    @Transactional
    public WaveView cancel(UUID waveId) {
        Wave wave = waveOfOperator(waveId, true);
        wave.cancel();
        shipments.inWave(wave.id).forEach(p -> p.waveId = null);
        return WaveView.of(wave, List.of());
    }

    @Transactional
    public WaveView get(UUID waveId) {
        return view(waveOfOperator(waveId, false));
    }

    @Transactional
    public List<WaveView> list(String centreCode, Wave.Status status) {
        Centre centre = centreOfOperator(centreCode);
        List<Wave> waves = status == null
                ? Wave.list("centreCode = ?1 order by createdAt desc", centre.code)
                : Wave.list("centreCode = ?1 and status = ?2 order by createdAt desc", centre.code, status);
        return waves.stream().map(this::view).toList();
    }

    private Centre centreOfOperator(String centreCode) {
        access.requireSite(centreCode);
        return network.centre(centreCode).orElseThrow(() -> DomainException.notFound("Centre", centreCode));
    }

    /** Centre operators manage a wave; the receiving station may also read it. Others get 404. */
    private Wave waveOfOperator(UUID waveId, boolean manage) {
        Wave wave = Wave.findById(waveId);
        if (wave == null || !(access.worksAt(wave.centreCode) || (!manage && access.worksAt(wave.stationCode)))) {
            if (wave != null && access.worksAt(wave.stationCode)) {
                throw DomainException.forbidden("Only centre " + wave.centreCode + " manages this wave");
            }
            throw DomainException.notFound("Wave", waveId);
        }
        return wave;
    }

    WaveView view(Wave wave) {
        return WaveView.of(wave, ids(shipments.inWave(wave.id)));
    }

    private static List<UUID> ids(List<Shipment> parcels) {
        return parcels.stream().map(p -> p.id).toList();
    }
}
