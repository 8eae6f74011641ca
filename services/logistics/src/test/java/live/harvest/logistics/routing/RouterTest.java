package live.harvest.logistics.routing;

import live.harvest.logistics.routing.Router.Decision;
import live.harvest.logistics.routing.Router.Failure;
import live.harvest.logistics.routing.Router.Route;
import live.harvest.logistics.shipment.RoutingFailure;
import live.harvest.logistics.support.InMemoryNetwork;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import static live.harvest.platform.event.common.TemperatureClass.AMBIENT;
import static live.harvest.platform.event.common.TemperatureClass.CHILLED;
import static live.harvest.platform.event.common.TemperatureClass.FROZEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The routing decision over a network held in memory: two counties, one with a cold chain end to end, one whose
 * centre has no cold storage. The Quarkus tests (OrderPaidRoutingTest, ColdChainRoutingTest, ...) prove the wiring.
 */
@UnitTest
class RouterTest {

    private static final String COLD_COUNTY = "330127";
    private static final String WARM_COUNTY = "330122";

    private final Router router = new Router(new InMemoryNetwork()
            .centre("CTR-330127", COLD_COUNTY, true)
            .station("STN-330127100", "CTR-330127", true, "330127100")
            .station("STN-330127101", "CTR-330127", false, "330127101")
            .centre("CTR-330122", WARM_COUNTY, false)
            .station("STN-330122100", "CTR-330122", true, "330122100"));

    private static Failure failure(Decision decision, RoutingFailure reason) {
        Failure failure = assertInstanceOf(Failure.class, decision);
        assertEquals(reason, failure.reason(), failure.detail());
        return failure;
    }

    /** The failure names the reason and the place, so an admin knows which site to fix before re-routing. */
    private static void assertFailsNaming(Decision decision, RoutingFailure reason, String place) {
        String detail = failure(decision, reason).detail();
        assertTrue(detail.contains(place), detail);
    }

    @Test
    void givenAServedTownship_whenRoutingWithinTheCounty_thenTheRouteRunsFromTheCentreToTheServingStation() {
        assertEquals(new Route("CTR-330127", "CTR-330127", "STN-330127101"),
                router.route("330127101", COLD_COUNTY, AMBIENT));
    }

    @Test
    void givenASellerInAnotherCounty_whenRouting_thenTheParcelStartsAtTheSellersCentre() {
        assertEquals(new Route("CTR-330122", "CTR-330127", "STN-330127101"),
                router.route("330127101", WARM_COUNTY, AMBIENT));
    }

    @Test
    void givenAnAddressWithoutAValidTownshipCode_whenRouting_thenItFailsAsAnInvalidAddress() {
        for (String bad : new String[]{null, "", "330127", "3301271000", "033012710", "33012710a"}) {
            failure(router.route(bad, COLD_COUNTY, AMBIENT), RoutingFailure.INVALID_ADDRESS);
        }
    }

    @Test
    void givenATownshipNoStationServes_whenRouting_thenItFailsAsUncoveredNamingTheTownship() {
        assertFailsNaming(router.route("330127109", COLD_COUNTY, AMBIENT), RoutingFailure.UNCOVERED_TOWNSHIP,
                "330127109");
    }

    @Test
    void givenASellerCountyWithoutACentreOrNoCountyAtAll_whenRouting_thenItFailsForLackOfAnOrigin() {
        failure(router.route("330127101", "110101", AMBIENT), RoutingFailure.NO_ORIGIN_CENTRE);
        failure(router.route("330127101", null, AMBIENT), RoutingFailure.NO_ORIGIN_CENTRE);
        failure(router.route("330127101", "33012", AMBIENT), RoutingFailure.NO_ORIGIN_CENTRE);
    }

    @Test
    void givenChilledOrFrozenGoods_whenEverySiteIsColdCapable_thenTheyAreRouted() {
        assertEquals(new Route("CTR-330127", "CTR-330127", "STN-330127100"),
                router.route("330127100", COLD_COUNTY, CHILLED));
        assertEquals(new Route("CTR-330127", "CTR-330127", "STN-330127100"),
                router.route("330127100", COLD_COUNTY, FROZEN));
    }

    @Test
    void givenChilledGoods_whenTheStationHasNoColdChain_thenRoutingFailsNamingTheStation() {
        assertFailsNaming(router.route("330127101", COLD_COUNTY, CHILLED), RoutingFailure.NO_COLD_CHAIN,
                "station STN-330127101");
    }

    @Test
    void givenFrozenGoods_whenTheDestinationCentreHasNoColdStorage_thenRoutingFailsNamingThatCentre() {
        assertFailsNaming(router.route("330122100", COLD_COUNTY, FROZEN), RoutingFailure.NO_COLD_CHAIN,
                "destination centre CTR-330122");
    }

    @Test
    void givenChilledGoods_whenOnlyTheOriginCentreHasNoColdStorage_thenRoutingFailsNamingTheOrigin() {
        assertFailsNaming(router.route("330127100", WARM_COUNTY, CHILLED), RoutingFailure.NO_COLD_CHAIN,
                "origin centre CTR-330122");
    }

    @Test
    void givenAmbientGoods_whenNoSiteOnTheWayIsColdCapable_thenTheyAreRoutedAnyway() {
        assertEquals(new Route("CTR-330122", "CTR-330122", "STN-330122100"),
                router.route("330122100", WARM_COUNTY, AMBIENT));
    }
}
