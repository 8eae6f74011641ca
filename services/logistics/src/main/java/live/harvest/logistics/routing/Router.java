package live.harvest.logistics.routing;

import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.logistics.network.Centre;
import live.harvest.logistics.network.NetworkRepository;
import live.harvest.logistics.network.Station;
import live.harvest.logistics.shipment.RoutingFailure;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.region.RegionCodes;

import java.util.Optional;

/**
 * Decides a parcel's route through the three-level network: origin = the seller's county centre;
 * destination = the station serving the buyer's township and that station's county centre. Chilled and
 * frozen goods may only pass through cold-capable sites.
 */
@ApplicationScoped
public class Router {

    public sealed interface Decision permits Route, Failure {
    }

    public record Route(String originCentreCode, String destinationCentreCode, String stationCode)
            implements Decision {
    }

    public record Failure(RoutingFailure reason, String detail) implements Decision {
    }

    private final NetworkRepository network;

    public Router(NetworkRepository network) {
        this.network = network;
    }

    public Decision route(String townshipCode, String sellerCountyCode, TemperatureClass temperature) {
        if (!RegionCodes.isTownship(townshipCode)) {
            return new Failure(RoutingFailure.INVALID_ADDRESS, "The delivery address has no valid township code");
        }
        Optional<Station> serving = network.stationServing(townshipCode);
        if (serving.isEmpty()) {
            return new Failure(RoutingFailure.UNCOVERED_TOWNSHIP,
                    "Township " + townshipCode + " is not served by any delivery station");
        }
        Station station = serving.get();
        Centre destination = network.centre(station.centreCode).orElseThrow();
        Optional<Centre> origin = RegionCodes.isCounty(sellerCountyCode)
                ? network.centreOfCounty(sellerCountyCode) : Optional.empty();
        if (origin.isEmpty()) {
            return new Failure(RoutingFailure.NO_ORIGIN_CENTRE,
                    "Seller county " + sellerCountyCode + " has no distribution centre");
        }
        if (temperature.needsColdChain()) {
            if (!station.coldCapable) {
                return coldFailure(temperature, "station " + station.code);
            }
            if (!destination.coldStorage) {
                return coldFailure(temperature, "destination centre " + destination.code);
            }
            if (!origin.get().coldStorage) {
                return coldFailure(temperature, "origin centre " + origin.get().code);
            }
        }
        return new Route(origin.get().code, destination.code, station.code);
    }

    private static Failure coldFailure(TemperatureClass temperature, String site) {
        return new Failure(RoutingFailure.NO_COLD_CHAIN,
                temperature + " goods need cold chain but " + site + " is not cold-capable");
    }
}
