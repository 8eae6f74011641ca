package live.harvest.logistics.wave;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import live.harvest.platform.event.common.TemperatureClass;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class WaveDtos {

    private WaveDtos() {
    }

    public record WaveCreate(@NotNull @Size(max = 40) String stationCode, @Size(max = 60) String vehicle,
                             @Size(max = 100) String driver) {
    }

    public record VehicleAssignment(@NotBlank @Size(max = 60) String vehicle, @Size(max = 100) String driver) {
    }

    public record WaveView(UUID waveId, String centreCode, String stationCode, Wave.Status status, String vehicle,
                           String driver, Instant createdAt, Instant dispatchedAt, List<UUID> shipmentIds) {
        static WaveView of(Wave w, List<UUID> shipmentIds) {
            return new WaveView(w.id, w.centreCode, w.stationCode, w.status, w.vehicle, w.driver, w.createdAt,
                    w.dispatchedAt, shipmentIds);
        }
    }

    /** Parcels at a centre, per station: received and waiting for a wave, and routed but not yet received. */
    public record Waiting(String centreCode, List<StationWaiting> stations) {
    }

    public record StationWaiting(String stationCode, boolean coldCapable, int waiting, int coldChainWaiting,
                                 long expected, List<WaitingParcel> parcels) {
    }

    public record WaitingParcel(UUID shipmentId, UUID orderId, UUID sellerId, TemperatureClass temperatureClass,
                                Instant receivedAt) {
    }
}
