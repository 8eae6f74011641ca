package live.harvest.logistics.routing;

import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.orders.OrderEvents.DeliveryAddress;
import live.harvest.platform.event.orders.OrderEvents.OrderLine;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static live.harvest.platform.event.common.TemperatureClass.AMBIENT;
import static live.harvest.platform.event.common.TemperatureClass.CHILLED;
import static live.harvest.platform.event.common.TemperatureClass.FROZEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which temperature class a paid order's parcel travels in, before the router picks cold-capable sites for it. */
@UnitTest
class ParcelTemperatureTest {

    private static OrderLine line(TemperatureClass temperature) {
        return new OrderLine(UUID.randomUUID(), UUID.randomUUID(), null, "Longjing", "250 g", 1, 3980, 3980,
                temperature, null);
    }

    private static OrderPaid paid(TemperatureClass orderClass, List<OrderLine> lines) {
        return new OrderPaid(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "330127", null, "pay-1", 3980,
                "CNY", lines, orderClass, new DeliveryAddress("Li Wei", "13800138000", "330127", "330127100", null,
                "No. 8 Main St"), Instant.parse("2026-05-01T08:00:00Z"));
    }

    @Test
    void givenTheOrderStatesItsClass_thenThatClassIsUsedWhateverItsLinesSay() {
        assertEquals(CHILLED, RoutingService.temperatureOf(paid(CHILLED, List.of(line(FROZEN), line(AMBIENT)))));
    }

    @Test
    void givenNoClassOnTheOrder_thenOneFrozenLineMakesTheWholeParcelFrozen() {
        assertEquals(FROZEN, RoutingService.temperatureOf(paid(null, List.of(line(AMBIENT), line(FROZEN), line(CHILLED)))));
        assertEquals(CHILLED, RoutingService.temperatureOf(paid(null, List.of(line(AMBIENT), line(CHILLED)))));
    }

    @Test
    void givenNoClassAnywhereOrMissingLines_thenTheParcelIsAmbient() {
        assertEquals(AMBIENT, RoutingService.temperatureOf(paid(null, List.of(line(null)))));
        assertEquals(AMBIENT, RoutingService.temperatureOf(paid(null, List.of())));
        assertEquals(AMBIENT, RoutingService.temperatureOf(paid(null, null)));
        assertEquals(CHILLED, RoutingService.temperatureOf(paid(null, Arrays.asList(null, line(CHILLED)))));
    }
}
