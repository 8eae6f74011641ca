package live.harvest.logistics.routing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import live.harvest.logistics.support.Parcels;
import live.harvest.logistics.support.TestNetwork;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentCreated;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentRouted;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import live.harvest.testkit.KafkaProbe;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class OrderPaidRoutingTest {

    @Inject
    Parcels parcels;

    @Inject
    EntityManager em;

    @Test
    void aPaidOrderBecomesOneShipmentRoutedToTheStationServingTheBuyersTownship() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LOGISTICS)) {
            // Given a county network and an ambient order from a seller of that county to township …102
            TestNetwork n = TestNetwork.create();
            OrderPaid paid = Parcels.orderPaid(n.county(), n.ambientTownship(), TemperatureClass.AMBIENT);

            // When the order-paid event arrives
            parcels.send(paid);

            // Then the shipment is routed: origin = seller's county centre, destination = the station's centre
            JsonPath shipment = parcels.awaitShipment(paid.orderId());
            assertEquals("ROUTED", shipment.getString("status"));
            assertEquals(n.ambientStation(), shipment.getString("stationCode"));
            assertEquals(n.centre(), shipment.getString("originCentreCode"));
            assertEquals(n.centre(), shipment.getString("destinationCentreCode"));
            // and ShipmentCreated then ShipmentRouted are published for it
            String shipmentId = shipment.getString("shipmentId");
            events.awaitEvent("logistics.shipment-created", e -> e.aggregateId().equals(shipmentId));
            EventEnvelope routed = events.awaitEvent("logistics.shipment-routed", e -> e.aggregateId().equals(shipmentId));
            ShipmentRouted payload = KafkaProbe.payload(routed, ShipmentRouted.class);
            assertEquals(paid.orderId(), payload.orderId());
            assertEquals(n.ambientStation(), payload.stationCode());
            assertFalse(payload.coldChain());
        }
    }

    @Test
    void aRedeliveredOrderPaidEventNeverMakesASecondShipment() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LOGISTICS)) {
            // Given a paid order whose event is delivered twice, and announced again under a new event id
            TestNetwork n = TestNetwork.create();
            OrderPaid paid = Parcels.orderPaid(n.county(), n.coldTownship(), TemperatureClass.AMBIENT);
            String key = paid.orderId().toString();
            String envelope = parcels.envelope(paid);
            KafkaProbe.send(Topics.ORDERS, key, envelope);
            KafkaProbe.send(Topics.ORDERS, key, envelope);
            KafkaProbe.send(Topics.ORDERS, key, parcels.envelope(paid));
            // and a marker order on the same partition, so we know when the three were consumed
            OrderPaid marker = Parcels.orderPaid(n.county(), n.coldTownship(), TemperatureClass.AMBIENT);
            KafkaProbe.send(Topics.ORDERS, key, parcels.envelope(marker));

            // When the marker's shipment exists
            String markerShipment = parcels.awaitShipment(marker.orderId()).getString("shipmentId");
            events.awaitEvent("logistics.shipment-routed", e -> e.aggregateId().equals(markerShipment));

            // Then the order has exactly one shipment, routed to the serving station, and one ShipmentCreated
            assertEquals(1L, shipmentsOf(paid.orderId()));
            JsonPath shipment = parcels.awaitShipment(paid.orderId());
            assertEquals(n.coldStation(), shipment.getString("stationCode"));
            // (matched by shipment id: another logistics deployment on the same broker may announce its own)
            String shipmentId = shipment.getString("shipmentId");
            long created = events.received().stream().map(r -> KafkaProbe.envelope(r.value()))
                    .filter(e -> e.type().equals("logistics.shipment-created"))
                    .filter(e -> e.aggregateId().equals(shipmentId))
                    .peek(e -> assertEquals(paid.orderId(), KafkaProbe.payload(e, ShipmentCreated.class).orderId()))
                    .count();
            assertEquals(1L, created);
        }
    }

    private long shipmentsOf(UUID orderId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from shipment where order_id = ?1")
                .setParameter(1, orderId).getSingleResult()).longValue());
    }
}
