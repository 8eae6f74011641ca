package live.harvest.logistics.imports;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import live.harvest.logistics.support.InMemoryNetwork;
import live.harvest.platform.problem.Problem.FieldError;
import live.harvest.testkit.UnitTest;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole-document check of a network import, with the stored network in memory: field rules reported at their
 * path in the document, and the cross-row rules against the document and what is stored (NetworkImportTest drives
 * the endpoint).
 */
@UnitTest
class ImportValidatorTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private final InMemoryNetwork stored = new InMemoryNetwork();
    private final ImportValidator validator = new ImportValidator(VALIDATOR, stored);

    private static NetworkImport.Station station(String code, List<NetworkImport.PickupPoint> points,
                                                 String... townships) {
        return new NetworkImport.Station(code, null, Arrays.asList(townships), true, "08:00-20:00", points);
    }

    private static NetworkImport.Station station(String code, String... townships) {
        return station(code, null, townships);
    }

    private static NetworkImport document(String county, NetworkImport.Station... stations) {
        return new NetworkImport(new NetworkImport.County(county, "Chun'an", "Zhejiang"),
                new NetworkImport.Centre("CTR-" + county, null, "1 Depot Road", true), Arrays.asList(stations));
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    private static FieldError only(List<FieldError> errors) {
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0);
    }

    @Test
    void givenAConsistentDocumentAndAnEmptyNetwork_whenChecked_thenThereIsNothingToReport() {
        NetworkImport doc = document("330127", station("STN-330127100",
                List.of(new NetworkImport.PickupPoint("PP-330127100201", "330127100201", "Village shop")),
                "330127100", "330127101"), station("STN-330127102", "330127102"));

        assertEquals(List.of(), validator.check(doc));
    }

    @Test
    void givenBrokenFields_whenChecked_thenEachIsReportedAtItsPathInTheDocumentSorted() {
        NetworkImport doc = document("330127", station("STN-330127100", "330127100"),
                station("bad code!", "330127101", "3301271"));

        List<FieldError> errors = validator.check(doc);

        assertEquals(List.of("stations[1].code", "stations[1].townships[1]"), fields(errors));
        assertEquals("must be a 9-digit township code", errors.get(1).message());
    }

    @Test
    void givenAnInvalidCountyCode_whenChecked_thenOnlyTheFieldRuleIsReportedAndNoCrossRowRuleRuns() {
        List<FieldError> errors = validator.check(document("33012", station("STN-1", "330127100")));

        assertEquals(new FieldError("county.code", "must be a 6-digit county code"), only(errors));
    }

    @Test
    void givenATownshipOfAnotherCounty_whenChecked_thenItIsRefusedWhereItIsListed() {
        FieldError error = only(validator.check(document("330127", station("STN-330127100", "330127100", "330122100"))));

        assertEquals("stations[0].townships[1]", error.field());
        assertEquals("township 330122100 is not in county 330127", error.message());
    }

    @Test
    void givenATownshipListedByTwoStations_whenChecked_thenTheSecondListingNamesTheFirst() {
        FieldError error = only(validator.check(document("330127", station("STN-330127100", "330127100"),
                station("STN-330127101", "330127101", "330127100"))));

        assertEquals("stations[1].townships[1]", error.field());
        assertTrue(error.message().endsWith("also listed at stations[0].townships[0]"), error.message());
    }

    @Test
    void givenAStationListedTwice_whenChecked_thenTheRepeatIsRefused() {
        FieldError error = only(validator.check(document("330127", station("STN-330127100", "330127100"),
                station("STN-330127100", "330127101"))));

        assertEquals("stations[1].code", error.field());
    }

    @Test
    void givenAPickupPointInAVillageOutsideItsStationsTownships_whenChecked_thenItsVillageIsRefused() {
        NetworkImport doc = document("330127", station("STN-330127100",
                List.of(new NetworkImport.PickupPoint("PP-1", "330127100201", "Inside"),
                        new NetworkImport.PickupPoint("PP-2", "330127105201", "Outside")), "330127100"));

        assertEquals("stations[0].pickupPoints[1].villageCode", only(validator.check(doc)).field());
    }

    @Test
    void givenTheCentreCodeBelongsToAnotherCounty_whenChecked_thenTheCentreIsRefused() {
        stored.centre("CTR-330127", "330122", true);

        FieldError error = only(validator.check(document("330127", station("STN-330127100", "330127100"))));

        assertEquals(new FieldError("centre.code", "centre CTR-330127 belongs to county 330122"), error);
    }

    @Test
    void givenTheCountyAlreadyHasAnotherCentre_whenChecked_thenTheNewCentreIsRefused() {
        stored.centre("CTR-OLD", "330127", true);

        FieldError error = only(validator.check(document("330127", station("STN-330127100", "330127100"))));

        assertEquals(new FieldError("centre.code", "county 330127 already has centre CTR-OLD"), error);
    }

    @Test
    void givenAStoredStationOfAnotherCentre_whenTheDocumentClaimsItsCode_thenTheStationIsRefused() {
        stored.centre("CTR-330122", "330122", false).station("STN-SHARED", "CTR-330122", false, "330122100");

        FieldError error = only(validator.check(document("330127", station("STN-SHARED", "330127100"))));

        assertEquals(new FieldError("stations[0].code", "station STN-SHARED belongs to centre CTR-330122"), error);
    }

    @Test
    void givenATownshipServedByAStoredStationNotInTheDocument_whenChecked_thenItIsRefused() {
        stored.centre("CTR-330127", "330127", true).station("STN-OTHER", "CTR-330127", true, "330127100");

        FieldError error = only(validator.check(document("330127", station("STN-330127100", "330127100"))));

        assertEquals(new FieldError("stations[0].townships[0]",
                "township 330127100 is already served by station STN-OTHER"), error);
    }

    @Test
    void givenTheSameNetworkStored_whenItIsImportedAgain_thenThereIsNothingToReport() {
        stored.centre("CTR-330127", "330127", true).station("STN-330127100", "CTR-330127", true, "330127100")
                .pickupPoint("PP-1", "STN-330127100", "330127100201");

        assertEquals(List.of(), validator.check(document("330127", station("STN-330127100", "330127100"))));
    }

    @Test
    void givenAStoredPickupPoint_whenItsStationNoLongerServesItsTownship_thenTheNewCoverageIsRefused() {
        stored.centre("CTR-330127", "330127", true).station("STN-330127100", "CTR-330127", true, "330127100")
                .pickupPoint("PP-1", "STN-330127100", "330127100201");

        FieldError error = only(validator.check(document("330127", station("STN-330127100", "330127101"))));

        assertEquals("stations[0].townships", error.field());
        assertTrue(error.message().startsWith("stored pickup point PP-1"), error.message());
    }
}
