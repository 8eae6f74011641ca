package live.harvest.logistics.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.logistics.network.Centre;
import live.harvest.logistics.network.County;
import live.harvest.logistics.network.NetworkRepository;
import live.harvest.logistics.network.PickupPoint;
import live.harvest.logistics.network.Station;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem.FieldError;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * Loads a county's network from one document, all or nothing. It is an upsert keyed by codes, so importing
 * the same document again changes nothing; stations and points not named in the document are left alone.
 */
@ApplicationScoped
public class NetworkImportService {

    private final ImportValidator validator;
    private final NetworkRepository network;

    public NetworkImportService(ImportValidator validator, NetworkRepository network) {
        this.validator = validator;
        this.network = network;
    }

    @Transactional
    public NetworkImport.Result importNetwork(NetworkImport doc) {
        if (doc == null) {
            throw DomainException.badRequest("malformed-body", "A network document is required");
        }
        List<FieldError> errors = validator.check(doc);
        if (!errors.isEmpty()) {
            throw new DomainException(400, "invalid-network-import", "Invalid network import",
                    errors.size() + " problem(s) found; nothing was imported", errors);
        }
        Instant now = Instant.now();
        boolean countyCreated = upsertCounty(doc.county(), now);
        boolean centreCreated = upsertCentre(doc.county().code(), doc.centre(), now);
        int stationsCreated = 0;
        int pointsCreated = 0;
        int points = 0;
        int townships = 0;
        for (NetworkImport.Station s : doc.stations()) {
            stationsCreated += upsertStation(doc.centre().code(), s, now) ? 1 : 0;
            townships += s.townships().size();
            for (NetworkImport.PickupPoint p : s.pickupPointsOrEmpty()) {
                pointsCreated += upsertPickupPoint(s.code(), p, now) ? 1 : 0;
                points++;
            }
        }
        return new NetworkImport.Result(doc.county().code(), doc.centre().code(),
                new NetworkImport.Counts(stationsCreated, doc.stations().size() - stationsCreated),
                new NetworkImport.Counts(pointsCreated, points - pointsCreated),
                townships, countyCreated, centreCreated);
    }

    private boolean upsertCounty(NetworkImport.County row, Instant now) {
        County county = network.county(row.code()).orElse(null);
        boolean created = county == null;
        if (created) {
            county = new County();
            county.code = row.code();
            county.createdAt = now;
        }
        county.name = row.name();
        county.province = row.province();
        county.updatedAt = now;
        county.persist();
        return created;
    }

    private boolean upsertCentre(String countyCode, NetworkImport.Centre row, Instant now) {
        Centre centre = network.centre(row.code()).orElse(null);
        boolean created = centre == null;
        if (created) {
            centre = new Centre();
            centre.code = row.code();
            centre.countyCode = countyCode;
            centre.createdAt = now;
        }
        centre.name = row.name();
        centre.address = row.address();
        centre.coldStorage = row.coldStorage();
        centre.updatedAt = now;
        centre.persist();
        return created;
    }

    private boolean upsertStation(String centreCode, NetworkImport.Station row, Instant now) {
        Station station = network.station(row.code()).orElse(null);
        boolean created = station == null;
        if (created) {
            station = new Station();
            station.code = row.code();
            station.centreCode = centreCode;
            station.createdAt = now;
        }
        station.name = row.name();
        TreeSet<String> townships = new TreeSet<>(row.townships());
        if (!townships.equals(new TreeSet<>(station.townships))) {
            station.townships.clear();
            station.townships.addAll(townships);
        }
        station.coldCapable = row.coldCapable();
        station.openingHours = row.openingHours();
        station.updatedAt = now;
        station.persist();
        return created;
    }

    private boolean upsertPickupPoint(String stationCode, NetworkImport.PickupPoint row, Instant now) {
        PickupPoint point = network.pickupPoint(row.code()).orElse(null);
        boolean created = point == null;
        if (created) {
            point = new PickupPoint();
            point.code = row.code();
            point.createdAt = now;
        }
        point.stationCode = stationCode;
        point.villageCode = row.villageCode();
        point.name = row.name();
        point.updatedAt = now;
        point.persist();
        return created;
    }
}
