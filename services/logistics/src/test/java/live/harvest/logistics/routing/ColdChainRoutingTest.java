package live.harvest.logistics.routing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import live.harvest.logistics.support.Parcels;
import live.harvest.logistics.support.TestNetwork;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentRouted;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import live.harvest.testkit.KafkaProbe;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ColdChainRoutingTest {

    @Inject
    Parcels parcels;

    @Test
    void aChilledOrderToATownshipWhoseStationHasNoColdChainFailsRouting() {
        // Given a chilled order to the township of the ambient-only station
        TestNetwork n = TestNetwork.create();
        OrderPaid paid = Parcels.orderPaid(n.county(), n.ambientTownship(), TemperatureClass.CHILLED);

        // When it is paid
        parcels.send(paid);

        // Then routing fails, naming the station that lacks cold chain
        JsonPath shipment = parcels.awaitShipment(paid.orderId());
        assertEquals("ROUTING_FAILED", shipment.getString("status"));
        assertEquals("NO_COLD_CHAIN", shipment.getString("routingFailure"));
        assertTrue(shipment.getString("routingFailureDetail").contains(n.ambientStation()));
    }

    @Test
    void aChilledOrderThroughColdCapableSitesIsRoutedAsColdChain() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LOGISTICS)) {
            // Given a chilled order to the township of the cold-capable station (centre with cold storage)
            TestNetwork n = TestNetwork.create();
            OrderPaid paid = Parcels.orderPaid(n.county(), n.coldTownship(), TemperatureClass.CHILLED);

            // When it is paid
            parcels.send(paid);

            // Then it is routed to that station as a cold-chain parcel
            JsonPath shipment = parcels.awaitShipment(paid.orderId());
            assertEquals("ROUTED", shipment.getString("status"));
            assertEquals(n.coldStation(), shipment.getString("stationCode"));
            String id = shipment.getString("shipmentId");
            ShipmentRouted routed = KafkaProbe.payload(
                    events.awaitEvent("logistics.shipment-routed", e -> e.aggregateId().equals(id)), ShipmentRouted.class);
            assertTrue(routed.coldChain());
        }
    }

    @Test
    void aFrozenOrderFailsRoutingWhenTheCentreHasNoColdStorage() {
        // Given a network whose centre has no cold storage (its station is cold-capable)
        TestNetwork n = TestNetwork.create(false);
        OrderPaid paid = Parcels.orderPaid(n.county(), n.coldTownship(), TemperatureClass.FROZEN);

        // When a frozen order to the cold station's township is paid
        parcels.send(paid);

        // Then routing fails because of the centre
        JsonPath shipment = parcels.awaitShipment(paid.orderId());
        assertEquals("NO_COLD_CHAIN", shipment.getString("routingFailure"));
        assertTrue(shipment.getString("routingFailureDetail").contains(n.centre()));
    }
}
