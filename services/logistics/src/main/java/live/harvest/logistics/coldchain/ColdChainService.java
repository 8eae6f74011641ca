package live.harvest.logistics.coldchain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.logistics.coldchain.ColdChainDtos.ReadingRequest;
import live.harvest.logistics.coldchain.ColdChainDtos.ReadingResult;
import live.harvest.logistics.shipment.Shipment;
import live.harvest.logistics.shipment.ShipmentAccess;
import live.harvest.logistics.shipment.ShipmentJournal;
import live.harvest.logistics.shipment.ShipmentRepository;
import live.harvest.logistics.shipment.ShipmentStatus;
import live.harvest.logistics.wave.Wave;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.logistics.LogisticsEvents.ColdChainExceptionRaised;
import live.harvest.platform.problem.DomainException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Records temperatures and raises a cold-chain exception on every parcel a reading puts outside its
 * temperature class's range. The flag stays on the parcel; each out-of-range reading is its own event.
 */
@ApplicationScoped
public class ColdChainService {

    private final ShipmentRepository shipments;
    private final ShipmentAccess access;
    private final ShipmentJournal journal;

    public ColdChainService(ShipmentRepository shipments, ShipmentAccess access, ShipmentJournal journal) {
        this.shipments = shipments;
        this.access = access;
        this.journal = journal;
    }

    @Transactional
    public ReadingResult forShipment(UUID shipmentId, ReadingRequest request) {
        Shipment shipment = access.forOperator(shipmentId);
        TemperatureReading earlier = replay(request, shipmentId, null);
        if (earlier != null) {
            return resultOf(earlier);
        }
        access.requireSite(request.siteCode());
        requireInTransit(shipment);
        return record(request, shipmentId, null, List.of(shipment));
    }

    @Transactional
    public ReadingResult forWave(UUID waveId, ReadingRequest request) {
        Wave wave = Wave.findById(waveId);
        if (wave == null || !(access.worksAt(wave.centreCode) || access.worksAt(wave.stationCode))) {
            throw DomainException.notFound("Wave", waveId);
        }
        TemperatureReading earlier = replay(request, null, waveId);
        if (earlier != null) {
            return resultOf(earlier);
        }
        access.requireSite(request.siteCode());
        List<Shipment> parcels = shipments.inWave(waveId).stream().filter(s -> !s.status.isAtRest()).toList();
        return record(request, null, waveId, parcels);
    }

    @Transactional
    public List<ReadingResult> list(UUID shipmentId) {
        Shipment shipment = access.forOperator(shipmentId);
        List<TemperatureReading> readings = TemperatureReading.list(
                "shipmentId = ?1 or (waveId is not null and waveId = ?2) order by measuredAt", shipmentId,
                shipment.waveId);
        return readings.stream().map(r -> resultOf(r)).toList();
    }

    private ReadingResult record(ReadingRequest request, UUID shipmentId, UUID waveId, List<Shipment> parcels) {
        Instant at = (request.measuredAt() != null ? request.measuredAt() : Instant.now()).truncatedTo(ChronoUnit.MICROS);
        double celsius = request.celsius();
        int raised = 0;
        for (Shipment parcel : parcels) {
            TemperatureClass range = parcel.temperatureClass;
            if (range.allows(celsius)) {
                continue;
            }
            parcel.coldChainException = true;
            raised++;
            journal.record(parcel, "COLD_CHAIN_EXCEPTION", request.siteCode(), at,
                    celsius + " °C outside " + range + " range " + range.minCelsius() + ".." + range.maxCelsius(),
                    new ColdChainExceptionRaised(parcel.id, parcel.orderId, celsius, range.minCelsius(),
                            range.maxCelsius(), request.siteCode(), at));
        }
        TemperatureReading reading = new TemperatureReading();
        reading.readingId = request.readingId();
        reading.shipmentId = shipmentId;
        reading.waveId = waveId;
        reading.celsius = celsius;
        reading.siteCode = request.siteCode();
        reading.measuredAt = at;
        reading.recordedBy = access.callerId();
        reading.excursions = raised;
        reading.persist();
        return resultOf(reading);
    }

    private static TemperatureReading replay(ReadingRequest request, UUID shipmentId, UUID waveId) {
        TemperatureReading earlier = TemperatureReading.findById(request.readingId());
        if (earlier == null) {
            return null;
        }
        if (!Objects.equals(earlier.shipmentId, shipmentId) || !Objects.equals(earlier.waveId, waveId)) {
            throw DomainException.conflict("reading-id-reused",
                    "Reading " + request.readingId() + " was recorded for another shipment or wave");
        }
        return earlier;
    }

    private static void requireInTransit(Shipment shipment) {
        if (shipment.stationCode == null || shipment.status.isAtRest()
                || shipment.status == ShipmentStatus.ROUTING_FAILED) {
            throw DomainException.conflict("not-in-transit", "Shipment " + shipment.id + " is " + shipment.status);
        }
    }

    private static ReadingResult resultOf(TemperatureReading r) {
        return new ReadingResult(r.readingId, r.shipmentId, r.waveId, r.celsius, r.siteCode, r.measuredAt,
                r.excursions);
    }
}
