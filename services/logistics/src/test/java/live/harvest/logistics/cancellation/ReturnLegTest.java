package live.harvest.logistics.cancellation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import live.harvest.logistics.support.Parcels;
import live.harvest.logistics.support.TestNetwork;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentReturnAtCentre;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentReturnStarted;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static live.harvest.logistics.support.Parcels.scan;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 12, after dispatch: a refunded order's parcel travels back to its seller with its own scans. */
@QuarkusTest
class ReturnLegTest {

    @Inject
    Parcels parcels;

    @Test
    void givenADeliveredParcelFromAnotherCounty_whenItsOrderIsRefunded_thenItReturnsThroughStationAndBothCentresToTheSeller() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LOGISTICS)) {
            // Given a parcel from a seller in county A delivered to a buyer in county B
            TestNetwork a = TestNetwork.create();
            TestNetwork b = TestNetwork.create();
            OrderPaid paid = Parcels.orderPaid(a.county(), b.ambientTownship(), TemperatureClass.AMBIENT);
            UUID id = parcels.routed(paid);
            String centreA = Tokens.operator(a.centre());
            String centreB = Tokens.operator(b.centre());
            String station = Tokens.operator(b.ambientStation());
            scan(centreA, id, "RECEIVED_AT_CENTRE").then().statusCode(201);
            scan(centreB, id, "RECEIVED_AT_CENTRE").then().statusCode(201);
            Parcels.dispatch(centreB, Parcels.openWave(centreB, b.centre(), b.ambientStation())).then().statusCode(200);
            scan(station, id, "ARRIVED_AT_STATION").then().statusCode(201);
            scan(station, id, "OUT_FOR_DELIVERY").then().statusCode(201);
            scan(station, id, Map.of("scanId", UUID.randomUUID().toString(), "type", "DELIVERED",
                    "recipientName", "Li Lei", "proofReference", "SIG-1")).then().statusCode(201);

            // When the order is refunded
            parcels.send(Parcels.refunded(paid, "fish arrived spoiled"));

            // Then the parcel is RETURNING and says so
            parcels.awaitStatus(paid.orderId(), "RETURNING");
            ShipmentReturnStarted started = KafkaProbe.payload(events.awaitEvent("logistics.shipment-return-started",
                    e -> e.aggregateId().equals(id.toString())), ShipmentReturnStarted.class);
            assertEquals("orders.order-refunded", started.cause());
            assertEquals("fish arrived spoiled", started.reason());
            // and forward scans are refused, naming why
            Problems.assertProblem(scan(station, id, "OUT_FOR_DELIVERY").then(), 409)
                    .body("type", endsWith("/shipment-returning"));
            // and it goes back: station, destination centre B, origin centre A (not handed over at B), seller
            scan(station, id, "RETURN_AT_STATION").then().statusCode(201).body("siteCode", equalTo(b.ambientStation()));
            Problems.assertProblem(scan(station, id, "RETURNED").then(), 409);
            scan(centreB, id, "RETURN_AT_CENTRE").then().statusCode(201).body("siteCode", equalTo(b.centre()));
            Problems.assertProblem(scan(Tokens.admin(), id, "RETURNED").then(), 409)
                    .body("type", endsWith("/out-of-sequence"));
            scan(centreA, id, "RETURN_AT_CENTRE").then().statusCode(201).body("siteCode", equalTo(a.centre()));
            Problems.assertProblem(scan(centreA, id, "RETURN_AT_CENTRE").then(), 409);
            scan(centreA, id, Map.of("scanId", UUID.randomUUID().toString(), "type", "RETURNED",
                    "reason", "handed to the seller")).then().statusCode(201).body("siteCode", equalTo(a.centre()));

            // and tracking shows the whole way back, each step at its site
            JsonPath shipment = parcels.awaitStatus(paid.orderId(), "RETURNED");
            List<String> kinds = shipment.getList("timeline.kind");
            assertEquals(List.of("DELIVERED", "RETURNING", "RETURN_AT_STATION", "RETURN_AT_CENTRE", "RETURN_AT_CENTRE",
                    "RETURNED"), kinds.subList(kinds.indexOf("DELIVERED"), kinds.size()));
            assertEquals(List.of(b.centre(), a.centre()), shipment.getList("timeline.findAll { it.kind == "
                    + "'RETURN_AT_CENTRE' }.siteCode"));
            // and every hop of the return is announced
            events.awaitEvent("logistics.shipment-return-at-station", e -> e.aggregateId().equals(id.toString()));
            ShipmentReturnAtCentre lastCentre = KafkaProbe.payload(events.awaitEvent("logistics.shipment-return-at-centre",
                    e -> e.aggregateId().equals(id.toString())
                            && KafkaProbe.payload(e, ShipmentReturnAtCentre.class).centreCode().equals(a.centre())),
                    ShipmentReturnAtCentre.class);
            assertEquals(paid.orderId(), lastCentre.orderId());
            events.awaitEvent("logistics.shipment-returned", e -> e.aggregateId().equals(id.toString()));
        }
    }

    @Test
    void givenADispatchedParcel_whenItsCancellationArrivesTooLate_thenItReturnsAndIsHandedBackAtItsOnlyCentre() {
        // Given a parcel of one county already dispatched (the buyer cancelled while orders still said ROUTED)
        TestNetwork n = TestNetwork.create();
        OrderPaid paid = Parcels.orderPaid(n.county(), n.coldTownship(), TemperatureClass.AMBIENT);
        UUID id = parcels.routed(paid);
        String centre = Tokens.operator(n.centre());
        scan(centre, id, "RECEIVED_AT_CENTRE").then().statusCode(201);
        Parcels.dispatch(centre, Parcels.openWave(centre, n.centre(), n.coldStation())).then().statusCode(200);

        // When the cancellation arrives
        parcels.send(Parcels.cancelled(paid, "too slow"));

        // Then the parcel cannot arrive for delivery, only come back: station, its one centre, seller
        parcels.awaitStatus(paid.orderId(), "RETURNING");
        String station = Tokens.operator(n.coldStation());
        Problems.assertProblem(scan(station, id, "ARRIVED_AT_STATION").then(), 409)
                .body("type", endsWith("/shipment-returning"));
        scan(station, id, "RETURN_AT_STATION").then().statusCode(201);
        scan(centre, id, "RETURN_AT_CENTRE").then().statusCode(201);
        Problems.assertProblem(scan(centre, id, "RETURN_AT_CENTRE").then(), 409);
        scan(centre, id, "RETURNED").then().statusCode(201).body("siteCode", equalTo(n.centre()));
        parcels.awaitStatus(paid.orderId(), "RETURNED");
    }
}
