package live.harvest.logistics.coldchain;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import live.harvest.logistics.support.Parcels;
import live.harvest.logistics.support.TestNetwork;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.logistics.LogisticsEvents.ColdChainExceptionRaised;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static live.harvest.logistics.support.Parcels.scan;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class TemperatureReadingTest {

    @Inject
    Parcels parcels;

    @Test
    void aReadingOutsideTheChilledRangeRaisesAColdChainException() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LOGISTICS)) {
            // Given a chilled parcel received at the centre
            TestNetwork n = TestNetwork.create();
            UUID id = parcels.routed(Parcels.orderPaid(n.county(), n.coldTownship(), TemperatureClass.CHILLED));
            String operator = Tokens.operator(n.centre());
            scan(operator, id, "RECEIVED_AT_CENTRE").then().statusCode(201);

            // When the centre records 4 °C (fine), then 12.5 °C (too warm for 0..8 °C)
            reading(operator, "/api/v1/shipments/{id}/temperature-readings", id, 4.0, n.centre())
                    .then().statusCode(201).body("exceptionsRaised", equalTo(0));
            reading(operator, "/api/v1/shipments/{id}/temperature-readings", id, 12.5, n.centre())
                    .then().statusCode(201).body("exceptionsRaised", equalTo(1));

            // Then the parcel carries a cold-chain exception and the event says what was wrong
            given().auth().oauth2(operator).get("/api/v1/shipments/{id}", id).then()
                    .body("coldChainException", equalTo(true))
                    .body("timeline.findAll { it.kind == 'COLD_CHAIN_EXCEPTION' }.size()", equalTo(1));
            ColdChainExceptionRaised raised = KafkaProbe.payload(events.awaitEvent("logistics.cold-chain-exception",
                    e -> e.aggregateId().equals(id.toString())), ColdChainExceptionRaised.class);
            assertEquals(12.5, raised.celsius());
            assertEquals(0, raised.allowedMinCelsius());
            assertEquals(8, raised.allowedMaxCelsius());
            assertEquals(n.centre(), raised.siteCode());
        }
    }

    @Test
    void aWaveReadingJudgesEachParcelByItsOwnClass() {
        // Given a wave with an ambient and a chilled parcel for the same station
        TestNetwork n = TestNetwork.create();
        UUID ambient = parcels.routed(Parcels.orderPaid(n.county(), n.coldTownship(), TemperatureClass.AMBIENT));
        UUID chilled = parcels.routed(Parcels.orderPaid(n.county(), n.coldTownship(), TemperatureClass.CHILLED));
        String operator = Tokens.operator(n.centre());
        scan(operator, ambient, "RECEIVED_AT_CENTRE").then().statusCode(201);
        scan(operator, chilled, "RECEIVED_AT_CENTRE").then().statusCode(201);
        String waveId = given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("stationCode", n.coldStation(), "vehicle", "ZJ-COLD-1"))
                .post("/api/v1/centres/{c}/waves", n.centre()).then().statusCode(201).extract().path("waveId");

        // When the load measures 15 °C
        reading(operator, "/api/v1/waves/{id}/temperature-readings", waveId, 15.0, n.centre())
                .then().statusCode(201).body("exceptionsRaised", equalTo(1));

        // Then only the chilled parcel has an exception
        given().auth().oauth2(operator).get("/api/v1/shipments/{id}", chilled).then().body("coldChainException", equalTo(true));
        given().auth().oauth2(operator).get("/api/v1/shipments/{id}", ambient).then().body("coldChainException", equalTo(false));
    }

    @Test
    void anOperatorRecordsReadingsOnlyAtTheirOwnSite() {
        TestNetwork n = TestNetwork.create();
        UUID id = parcels.routed(Parcels.orderPaid(n.county(), n.coldTownship(), TemperatureClass.FROZEN));

        Problems.assertProblem(reading(Tokens.operator(n.centre()), "/api/v1/shipments/{id}/temperature-readings",
                id, -20.0, n.coldStation()).then(), 403);
        Problems.assertProblem(reading(Tokens.operator(n.ambientStation()), "/api/v1/shipments/{id}/temperature-readings",
                id, -20.0, n.ambientStation()).then(), 404);
    }

    private static io.restassured.response.Response reading(String token, String path, Object id, double celsius,
                                                            String site) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("readingId", UUID.randomUUID().toString(), "celsius", celsius, "siteCode", site))
                .post(path, id);
    }
}
