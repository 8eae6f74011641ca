package live.harvest.logistics.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import live.harvest.logistics.network.NetworkRepository;
import live.harvest.platform.problem.Problem.FieldError;
import live.harvest.platform.region.RegionCodes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a network document as a whole and returns every problem, each with its path in the document
 * ({@code stations[2].townships[0]}). Field rules come from the document's constraints; cross-row rules
 * (coverage inside the county, a township served once, villages inside served townships, codes not owned
 * elsewhere) are checked against the document and the network already stored.
 */
@ApplicationScoped
public class ImportValidator {

    private final Validator validator;
    private final NetworkRepository network;

    public ImportValidator(Validator validator, NetworkRepository network) {
        this.validator = validator;
        this.network = network;
    }

    public List<FieldError> check(NetworkImport doc) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<NetworkImport> v : validator.validate(doc)) {
            errors.add(new FieldError(path(v.getPropertyPath()), v.getMessage()));
        }
        if (doc.county() != null && RegionCodes.isCounty(doc.county().code()) && doc.centre() != null
                && doc.centre().code() != null) {
            checkCentre(doc, errors);
        }
        if (doc.stations() != null && doc.county() != null && RegionCodes.isCounty(doc.county().code())) {
            checkStations(doc, errors);
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors;
    }

    private void checkCentre(NetworkImport doc, List<FieldError> errors) {
        String county = doc.county().code();
        String centre = doc.centre().code();
        network.centre(centre).filter(c -> !c.countyCode.equals(county)).ifPresent(c -> errors.add(
                new FieldError("centre.code", "centre " + centre + " belongs to county " + c.countyCode)));
        network.centreOfCounty(county).filter(c -> !c.code.equals(centre)).ifPresent(c -> errors.add(
                new FieldError("centre.code", "county " + county + " already has centre " + c.code)));
    }

    private void checkStations(NetworkImport doc, List<FieldError> errors) {
        String county = doc.county().code();
        String centre = doc.centre() == null ? null : doc.centre().code();
        Set<String> docStations = new HashSet<>();
        doc.stations().forEach(s -> {
            if (s != null && s.code() != null) {
                docStations.add(s.code());
            }
        });
        Map<String, String> stationOfCode = new HashMap<>();
        Map<String, String> townshipListedAt = new HashMap<>();
        Map<String, String> pickupListedAt = new HashMap<>();
        for (int i = 0; i < doc.stations().size(); i++) {
            NetworkImport.Station s = doc.stations().get(i);
            if (s == null) {
                continue;
            }
            String at = "stations[" + i + "]";
            if (s.code() != null) {
                String previous = stationOfCode.putIfAbsent(s.code(), at);
                if (previous != null) {
                    errors.add(new FieldError(at + ".code", "station " + s.code() + " is also listed at " + previous));
                }
                network.station(s.code()).filter(st -> centre != null && !st.centreCode.equals(centre))
                        .ifPresent(st -> errors.add(new FieldError(at + ".code",
                                "station " + s.code() + " belongs to centre " + st.centreCode)));
            }
            List<String> townships = s.townships() == null ? List.of() : s.townships();
            for (int j = 0; j < townships.size(); j++) {
                String township = townships.get(j);
                if (!RegionCodes.isTownship(township)) {
                    continue;
                }
                String field = at + ".townships[" + j + "]";
                if (!RegionCodes.within(township, county)) {
                    errors.add(new FieldError(field, "township " + township + " is not in county " + county));
                }
                String previous = townshipListedAt.putIfAbsent(township, field);
                if (previous != null) {
                    errors.add(new FieldError(field, "township " + township + " is also listed at " + previous));
                }
                network.stationServing(township).filter(other -> !docStations.contains(other.code))
                        .ifPresent(other -> errors.add(new FieldError(field,
                                "township " + township + " is already served by station " + other.code)));
            }
            checkPickupPoints(s, at, townships, docStations, pickupListedAt, errors);
        }
    }

    private void checkPickupPoints(NetworkImport.Station s, String at, List<String> townships,
                                   Set<String> docStations, Map<String, String> pickupListedAt,
                                   List<FieldError> errors) {
        List<NetworkImport.PickupPoint> points = s.pickupPointsOrEmpty();
        Set<String> listedHere = new HashSet<>();
        for (int k = 0; k < points.size(); k++) {
            NetworkImport.PickupPoint p = points.get(k);
            if (p == null) {
                continue;
            }
            String field = at + ".pickupPoints[" + k + "]";
            if (p.code() != null) {
                listedHere.add(p.code());
                String previous = pickupListedAt.putIfAbsent(p.code(), field);
                if (previous != null) {
                    errors.add(new FieldError(field + ".code",
                            "pickup point " + p.code() + " is also listed at " + previous));
                }
            }
            if (RegionCodes.isVillage(p.villageCode()) && !townships.contains(RegionCodes.townshipOf(p.villageCode()))) {
                errors.add(new FieldError(field + ".villageCode",
                        "village " + p.villageCode() + " is not in a township served by station " + s.code()));
            }
        }
        // Points stored earlier and not listed again stay; they must still lie inside the new coverage.
        if (s.code() != null && docStations.contains(s.code())) {
            network.pickupPoints(s.code()).stream()
                    .filter(p -> !listedHere.contains(p.code))
                    .filter(p -> !townships.contains(RegionCodes.townshipOf(p.villageCode)))
                    .forEach(p -> errors.add(new FieldError(at + ".townships", "stored pickup point " + p.code
                            + " (village " + p.villageCode + ") would fall outside the station's townships")));
        }
    }

    /** {@code stations[2].townships[0]} rather than Hibernate Validator's {@code <list element>} notation. */
    static String path(Path propertyPath) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.isInIterable()) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.toString();
    }
}
