package live.harvest.logistics.wave;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import live.harvest.logistics.support.Parcels;
import live.harvest.logistics.support.TestNetwork;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentDispatched;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static live.harvest.logistics.support.Parcels.scan;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class DispatchWaveTest {

    @Inject
    Parcels parcels;

    @Test
    void aWaveCarriesEveryWaitingParcelOfItsStationFromEverySellerAndDispatchesThemTogether() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LOGISTICS)) {
            // Given two parcels from two different sellers for the same station, received at the centre
            TestNetwork n = TestNetwork.create();
            UUID first = parcels.routed(parcels.withSeller(
                    Parcels.orderPaid(n.county(), n.coldTownship(), TemperatureClass.AMBIENT), UUID.randomUUID()));
            UUID second = parcels.routed(parcels.withSeller(
                    Parcels.orderPaid(n.county(), n.coldTownship(), TemperatureClass.CHILLED), UUID.randomUUID()));
            // and one for the other station, which must stay behind
            UUID other = parcels.routed(Parcels.orderPaid(n.county(), n.ambientTownship(), TemperatureClass.AMBIENT));
            String operator = Tokens.operator(n.centre());
            for (UUID id : List.of(first, second, other)) {
                scan(operator, id, "RECEIVED_AT_CENTRE").then().statusCode(201);
            }

            // When the centre operator looks at what waits, then creates and dispatches a wave for the station
            given().auth().oauth2(operator).get("/api/v1/centres/{c}/waiting", n.centre())
                    .then().statusCode(200)
                    .body("stations.find { it.stationCode == '" + n.coldStation() + "' }.waiting", equalTo(2))
                    .body("stations.find { it.stationCode == '" + n.ambientStation() + "' }.waiting", equalTo(1));
            String waveId = given().auth().oauth2(operator).contentType(ContentType.JSON)
                    .body(Map.of("stationCode", n.coldStation()))
                    .post("/api/v1/centres/{c}/waves", n.centre())
                    .then().statusCode(201)
                    .body("shipmentIds", containsInAnyOrder(first.toString(), second.toString()))
                    .extract().path("waveId");
            given().auth().oauth2(operator).contentType(ContentType.JSON)
                    .body(Map.of("vehicle", "ZJ-A1234", "driver", "Wang"))
                    .put("/api/v1/waves/{id}/vehicle", waveId).then().statusCode(200);
            given().auth().oauth2(operator).post("/api/v1/waves/{id}/dispatch", waveId)
                    .then().statusCode(200).body("status", equalTo("DISPATCHED"));

            // Then both parcels are DISPATCHED, each with its own event naming the wave and vehicle
            for (UUID id : List.of(first, second)) {
                given().auth().oauth2(operator).get("/api/v1/shipments/{id}", id)
                        .then().body("status", equalTo("DISPATCHED")).body("waveId", equalTo(waveId));
                ShipmentDispatched dispatched = KafkaProbe.payload(events.awaitEvent(
                        "logistics.shipment-dispatched", e -> e.aggregateId().equals(id.toString())),
                        ShipmentDispatched.class);
                assertEquals(UUID.fromString(waveId), dispatched.waveId());
                assertEquals("ZJ-A1234", dispatched.vehicle());
                assertEquals(n.coldStation(), dispatched.stationCode());
            }
            // and the parcel for the other station still waits
            given().auth().oauth2(operator).get("/api/v1/shipments/{id}", other)
                    .then().body("status", equalTo("RECEIVED_AT_CENTRE"));
        }
    }

    @Test
    void aWaveWithoutAVehicleCannotBeDispatched() {
        TestNetwork n = TestNetwork.create();
        UUID id = parcels.routed(Parcels.orderPaid(n.county(), n.ambientTownship(), TemperatureClass.AMBIENT));
        String operator = Tokens.operator(n.centre());
        scan(operator, id, "RECEIVED_AT_CENTRE").then().statusCode(201);
        String waveId = given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("stationCode", n.ambientStation())).post("/api/v1/centres/{c}/waves", n.centre())
                .then().statusCode(201).extract().path("waveId");

        Problems.assertProblem(given().auth().oauth2(operator).post("/api/v1/waves/{id}/dispatch", waveId).then(), 409);
    }

    @Test
    void aWaveNeedsWaitingParcelsAndAnOperatorOfThatCentre() {
        TestNetwork n = TestNetwork.create();
        // nothing waiting for the station
        Problems.assertProblem(given().auth().oauth2(Tokens.operator(n.centre())).contentType(ContentType.JSON)
                .body(Map.of("stationCode", n.coldStation())).post("/api/v1/centres/{c}/waves", n.centre())
                .then(), 409);
        // an operator of another centre
        Problems.assertProblem(given().auth().oauth2(Tokens.operator("CTR-ELSEWHERE")).contentType(ContentType.JSON)
                .body(Map.of("stationCode", n.coldStation())).post("/api/v1/centres/{c}/waves", n.centre())
                .then(), 403);
        Problems.assertProblem(given().auth().oauth2(Tokens.operator(n.coldStation()))
                .get("/api/v1/centres/{c}/waiting", n.centre()).then(), 403);
    }
}
