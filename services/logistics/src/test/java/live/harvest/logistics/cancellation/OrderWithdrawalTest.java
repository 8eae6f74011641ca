package live.harvest.logistics.cancellation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import live.harvest.logistics.support.Parcels;
import live.harvest.logistics.support.TestNetwork;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentCancelled;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static live.harvest.logistics.support.Parcels.scan;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Issue 12: an order cancelled or refunded before dispatch must never be waved, dispatched or delivered. */
@QuarkusTest
class OrderWithdrawalTest {

    @Inject
    Parcels parcels;

    @Test
    void givenAPaidOrderCancelledBeforeDispatch_whenOperatorsWaveAndScan_thenTheShipmentIsCancelledAndScansAreRefused() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LOGISTICS)) {
            // Given two parcels for one station received at the centre and put in one wave
            TestNetwork n = TestNetwork.create();
            OrderPaid kept = Parcels.orderPaid(n.county(), n.coldTownship(), TemperatureClass.AMBIENT);
            OrderPaid abandoned = Parcels.orderPaid(n.county(), n.coldTownship(), TemperatureClass.AMBIENT);
            UUID keptId = parcels.routed(kept);
            UUID cancelledId = parcels.routed(abandoned);
            String centre = Tokens.operator(n.centre());
            scan(centre, keptId, "RECEIVED_AT_CENTRE").then().statusCode(201);
            scan(centre, cancelledId, "RECEIVED_AT_CENTRE").then().statusCode(201);
            String waveId = Parcels.openWave(centre, n.centre(), n.coldStation());
            given().auth().oauth2(centre).get("/api/v1/waves/{id}", waveId).then()
                    .body("shipmentIds", hasItem(cancelledId.toString()));

            // When the buyer cancels one of the orders (orders has already given its units back)
            parcels.send(Parcels.cancelled(abandoned, "changed my mind"));

            // Then its parcel is CANCELLED, out of the wave, with the cancellation as its last timeline step
            JsonPath shipment = parcels.awaitStatus(abandoned.orderId(), "CANCELLED");
            assertNull(shipment.getString("waveId"));
            List<Map<String, Object>> timeline = shipment.getList("timeline");
            Map<String, Object> last = timeline.get(timeline.size() - 1);
            assertEquals("CANCELLED", last.get("kind"));
            assertEquals("orders.order-cancelled: changed my mind", last.get("note"));
            // and logistics.shipment-cancelled is published for it, naming the cause
            ShipmentCancelled cancelled = KafkaProbe.payload(events.awaitEvent("logistics.shipment-cancelled",
                    e -> e.aggregateId().equals(cancelledId.toString())), ShipmentCancelled.class);
            assertEquals(abandoned.orderId(), cancelled.orderId());
            assertEquals("orders.order-cancelled", cancelled.cause());
            assertEquals("changed my mind", cancelled.reason());
            // and the wave carries only the other parcel, which is dispatched alone
            given().auth().oauth2(centre).get("/api/v1/waves/{id}", waveId).then().statusCode(200)
                    .body("shipmentIds", equalTo(List.of(keptId.toString())));
            Parcels.dispatch(centre, waveId).then().statusCode(200)
                    .body("shipmentIds", equalTo(List.of(keptId.toString())));
            given().auth().oauth2(centre).get("/api/v1/shipments/{id}", cancelledId).then()
                    .body("status", equalTo("CANCELLED"));
            // and every further scan of it is refused, saying why
            for (String type : List.of("RECEIVED_AT_CENTRE", "ARRIVED_AT_STATION")) {
                String operator = type.equals("RECEIVED_AT_CENTRE") ? centre : Tokens.operator(n.coldStation());
                Problems.assertProblem(scan(operator, cancelledId, type).then(), 409)
                        .body("type", endsWith("/shipment-cancelled"))
                        .body("detail", containsString("changed my mind"));
            }
            // and a new wave for the station finds nothing waiting
            given().auth().oauth2(centre).get("/api/v1/centres/{c}/waiting", n.centre()).then().statusCode(200)
                    .body("stations.find { it.stationCode == '" + n.coldStation() + "' }.waiting", equalTo(0));
        }
    }

    @Test
    void givenAWaveWhoseOnlyParcelWasCancelled_whenItIsDispatched_thenTheDispatchIsRefusedAsEmpty() {
        // Given a wave holding one parcel whose order is then cancelled
        TestNetwork n = TestNetwork.create();
        OrderPaid paid = Parcels.orderPaid(n.county(), n.ambientTownship(), TemperatureClass.AMBIENT);
        UUID id = parcels.routed(paid);
        String centre = Tokens.operator(n.centre());
        scan(centre, id, "RECEIVED_AT_CENTRE").then().statusCode(201);
        String waveId = Parcels.openWave(centre, n.centre(), n.ambientStation());
        parcels.send(Parcels.cancelled(paid, null));
        parcels.awaitStatus(paid.orderId(), "CANCELLED");

        // When the operator dispatches the wave
        // Then it is refused: there is nothing to carry, and nothing became DISPATCHED
        Problems.assertProblem(Parcels.dispatch(centre, waveId).then(), 409)
                .body("type", endsWith("/wave-empty"));
        given().auth().oauth2(centre).get("/api/v1/waves/{id}", waveId).then().body("status", equalTo("OPEN"));
        given().auth().oauth2(centre).get("/api/v1/shipments/{id}", id).then().body("status", equalTo("CANCELLED"));
    }

    @Test
    void givenACancellationThatOvertakesItsOrderPaid_whenTheOrderPaidArrives_thenTheShipmentIsBornCancelledAndNeverRouted() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LOGISTICS)) {
            // Given an order whose cancellation reaches logistics before its order-paid (same key, so in that order)
            TestNetwork n = TestNetwork.create();
            OrderPaid paid = Parcels.orderPaid(n.county(), n.coldTownship(), TemperatureClass.AMBIENT);
            parcels.send(Parcels.cancelled(paid, "paid twice by mistake"));

            // When the order-paid arrives
            parcels.send(paid);

            // Then its shipment exists only as CANCELLED, with no route and no ROUTED step
            JsonPath shipment = parcels.awaitShipment(paid.orderId());
            assertEquals("CANCELLED", shipment.getString("status"));
            assertNull(shipment.getString("stationCode"));
            assertEquals(List.of("CREATED", "CANCELLED"), shipment.getList("timeline.kind"));
            assertEquals("orders.order-cancelled: paid twice by mistake", shipment.getString("timeline[1].note"));
            // and it is announced as cancelled, never as routed
            String shipmentId = shipment.getString("shipmentId");
            events.awaitEvent("logistics.shipment-cancelled", e -> e.aggregateId().equals(shipmentId));
            assertEquals(List.of("logistics.shipment-created", "logistics.shipment-cancelled"), typesOf(events, shipmentId));
            // and the centre is not told to expect it
            given().auth().oauth2(Tokens.operator(n.centre())).get("/api/v1/centres/{c}/waiting", n.centre())
                    .then().statusCode(200)
                    .body("stations.find { it.stationCode == '" + n.coldStation() + "' }.expected", equalTo(0));
        }
    }

    @Test
    void givenACancelledOrder_whenItsCancellationIsRedeliveredAndItIsAlsoRefunded_thenItIsCancelledExactlyOnce() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LOGISTICS)) {
            // Given a routed parcel
            TestNetwork n = TestNetwork.create();
            OrderPaid paid = Parcels.orderPaid(n.county(), n.coldTownship(), TemperatureClass.AMBIENT);
            UUID id = parcels.routed(paid);

            // When its cancellation is delivered twice, announced again under a new event id, and then refunded
            String key = paid.orderId().toString();
            String cancel = parcels.envelope(Parcels.cancelled(paid, "first"));
            KafkaProbe.send(Topics.ORDERS, key, cancel);
            KafkaProbe.send(Topics.ORDERS, key, cancel);
            KafkaProbe.send(Topics.ORDERS, key, parcels.envelope(Parcels.cancelled(paid, "second")));
            KafkaProbe.send(Topics.ORDERS, key, parcels.envelope(Parcels.refunded(paid, "third")));
            // and a marker order on the same partition, so we know when all four were consumed
            OrderPaid marker = Parcels.orderPaid(n.county(), n.coldTownship(), TemperatureClass.AMBIENT);
            KafkaProbe.send(Topics.ORDERS, key, parcels.envelope(marker));
            String markerId = parcels.awaitShipment(marker.orderId()).getString("shipmentId");
            events.awaitEvent("logistics.shipment-routed", e -> e.aggregateId().equals(markerId));

            // Then the parcel was cancelled once, by the first cancellation
            JsonPath shipment = parcels.awaitStatus(paid.orderId(), "CANCELLED");
            assertEquals(List.of("CREATED", "ROUTED", "CANCELLED"), shipment.getList("timeline.kind"));
            assertEquals("orders.order-cancelled: first", shipment.getString("timeline[2].note"));
            events.awaitEvent("logistics.shipment-cancelled", e -> e.aggregateId().equals(id.toString()));
            assertEquals(1L, typesOf(events, id.toString()).stream()
                    .filter("logistics.shipment-cancelled"::equals).count());
        }
    }

    @Test
    void givenARoutedParcel_whenItsOrderIsRefundedBeforeDispatch_thenTheParcelIsCancelledNotReturned() {
        // Given a routed parcel that the seller has not handed in yet
        TestNetwork n = TestNetwork.create();
        OrderPaid paid = Parcels.orderPaid(n.county(), n.ambientTownship(), TemperatureClass.AMBIENT);
        UUID id = parcels.routed(paid);

        // When the order is refunded
        parcels.send(Parcels.refunded(paid, "out of stock at the farm"));

        // Then the parcel is cancelled (it never left), and the centre may not receive it
        JsonPath shipment = parcels.awaitStatus(paid.orderId(), "CANCELLED");
        assertEquals("orders.order-refunded: out of stock at the farm", shipment.getString("timeline[2].note"));
        Problems.assertProblem(scan(Tokens.operator(n.centre()), id, "RECEIVED_AT_CENTRE").then(), 409)
                .body("type", endsWith("/shipment-cancelled"))
                .body("detail", not(containsString("Exception")));
    }

    /** The logistics event types announced for one shipment, in the order they were received. */
    static List<String> typesOf(KafkaProbe events, String shipmentId) {
        return events.received().stream().map(r -> KafkaProbe.envelope(r.value()))
                .filter(e -> e.aggregateId().equals(shipmentId)).map(EventEnvelope::type).toList();
    }
}
