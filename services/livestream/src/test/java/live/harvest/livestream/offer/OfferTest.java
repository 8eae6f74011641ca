package live.harvest.livestream.offer;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.livestream.support.Given;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.orders.OrderEvents.OfferPoolDrained;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import live.harvest.testkit.catalog.CatalogDouble;
import live.harvest.testkit.catalog.StockCall;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(CatalogDouble.class)
class OfferTest {

    @Inject
    EventCodec codec;

    @Test
    void pinningAnOfferAllocatesItsUnitsFromCatalogAndPublishesOfferOpened() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LIVESTREAM)) {
            // Given a live stream and a SKU of the anchor with 500 units on hand
            UUID seller = Given.verifiedSeller();
            UUID stream = Given.liveStream(seller);
            UUID sku = Given.sku(seller, 500);

            // When the anchor pins 200 units at 99.00 yuan, at most 2 per buyer
            String offerId = Given.openOffer(seller, stream, Given.offerRequest(sku, 9_900, 200, 2))
                    .then().statusCode(201)
                    .body("pinned", equalTo(true)).body("status", equalTo("OPEN")).body("remaining", equalTo(200))
                    .body("title", equalTo("West Lake Longjing tea"))
                    .extract().path("id");

            // Then catalog was asked once to allocate 200 units for that offer, by livestream as itself (never with
            // the anchor's token)
            List<StockCall> calls = CatalogDouble.callsFor(sku);
            assertEquals(1, calls.size());
            assertEquals(offerId, calls.get(0).offerId().toString());
            assertEquals(200, calls.get(0).quantity());
            assertTrue(calls.get(0).callerIsService(), calls.get(0).toString());
            assertEquals("harvest-livestream", calls.get(0).caller());
            // and OfferOpened carries catalog's data with our price and limits
            EventEnvelope opened = events.awaitEvent("livestream.offer-opened", e -> e.aggregateId().equals(offerId));
            JsonNode payload = opened.payload();
            assertEquals("330127", payload.get("sellerCountyCode").asText());
            assertEquals("AMBIENT", payload.get("temperatureClass").asText());
            assertEquals("TRC-" + sku.toString().substring(0, 8), payload.get("traceCode").asText());
            assertEquals(9_900, payload.get("priceFen").asLong());
            assertEquals(200, payload.get("quantity").asInt());
            assertEquals(2, payload.get("perBuyerLimit").asInt());
        }
    }

    @Test
    void catalogShortOfStockIsAConflictAndNothingIsRecorded() {
        // Given a SKU with only 10 units
        UUID seller = Given.verifiedSeller();
        UUID stream = Given.liveStream(seller);
        UUID sku = Given.sku(seller, 10);

        // When the anchor pins 50, then the answer is 409 insufficient-stock
        Problems.assertProblem(Given.openOffer(seller, stream, Given.offerRequest(sku, 9_900, 50, 5)).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/insufficient-stock"));
        // and the stream has no offer
        given().get("/api/v1/streams/" + stream + "/offers").then().body("$", hasSize(0));
    }

    @Test
    void pinningAProductOfAnotherSellerIsForbidden() {
        UUID seller = Given.verifiedSeller();
        UUID stream = Given.liveStream(seller);
        UUID someoneElsesSku = Given.sku(Given.verifiedSeller(), 100);

        Problems.assertProblem(Given.openOffer(seller, stream, Given.offerRequest(someoneElsesSku, 9_900, 5, 1))
                .then(), 403);
        given().get("/api/v1/streams/" + stream + "/offers").then().body("$", hasSize(0));
    }

    @Test
    void offersCannotBePinnedOnAStreamThatIsNotLive() {
        UUID seller = Given.verifiedSeller();
        UUID stream = Given.scheduledStream(seller);
        UUID sku = Given.sku(seller, 100);

        Problems.assertProblem(Given.openOffer(seller, stream, Given.offerRequest(sku, 9_900, 5, 1)).then(), 409)
                .body("type", equalTo("https://harvest.live/problems/stream-not-live"));
        // and catalog was never asked
        assertEquals(0, CatalogDouble.callsFor(sku).size());
    }

    @Test
    void aZeroPriceOrALimitAboveTheQuantityIsABadRequestAndAllocatesNothing() {
        UUID seller = Given.verifiedSeller();
        UUID stream = Given.liveStream(seller);
        UUID sku = Given.sku(seller, 100);

        Problems.assertProblem(Given.openOffer(seller, stream, Given.offerRequest(sku, 0, 5, 1)).then(), 400)
                .body("errors[0].field", equalTo("priceFen"));
        Problems.assertProblem(Given.openOffer(seller, stream, Given.offerRequest(sku, 9_900, 5, 6)).then(), 400)
                .body("errors[0].field", equalTo("perBuyerLimit"));
        Map<String, Object> past = Given.offerRequest(sku, 9_900, 5, 1);
        past.put("endsAt", "2020-01-01T00:00:00Z");
        Problems.assertProblem(Given.openOffer(seller, stream, past).then(), 400);

        assertEquals(0, CatalogDouble.callsFor(sku).size());
        given().get("/api/v1/streams/" + stream + "/offers").then().body("$", hasSize(0));
    }

    @Test
    void retryingWithTheSameOfferIdDoesNotAllocateTwice() {
        UUID seller = Given.verifiedSeller();
        UUID stream = Given.liveStream(seller);
        UUID sku = Given.sku(seller, 100);
        Map<String, Object> request = Given.offerRequest(sku, 9_900, 40, 2);
        request.put("offerId", UUID.randomUUID().toString());

        Given.openOffer(seller, stream, request).then().statusCode(201);
        Given.openOffer(seller, stream, request).then().statusCode(201).body("id", equalTo(request.get("offerId")));

        assertEquals(1, CatalogDouble.callsFor(sku).size());
        given().get("/api/v1/streams/" + stream + "/offers").then().body("$", hasSize(1));
    }

    @Test
    void pinningANewOfferUnpinsThePreviousAndItCanBePinnedAgain() {
        UUID seller = Given.verifiedSeller();
        UUID stream = Given.liveStream(seller);
        UUID first = Given.offer(seller, stream, 10);
        UUID second = Given.offer(seller, stream, 10);

        given().get("/api/v1/streams/" + stream + "/offers").then()
                .body("find { it.id == '" + first + "' }.pinned", equalTo(false))
                .body("find { it.id == '" + second + "' }.pinned", equalTo(true));

        given().auth().oauth2(Tokens.seller(seller))
                .post("/api/v1/streams/" + stream + "/offers/" + first + "/pin").then().statusCode(200)
                .body("pinned", equalTo(true));
        given().get("/api/v1/streams/" + stream + "/offers").then()
                .body("findAll { it.pinned }.id", equalTo(java.util.List.of(first.toString())));
    }

    @Test
    void closingAnOfferPublishesOfferClosedAndTheDrainRecordsUnitsLeft() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LIVESTREAM)) {
            // Given an open offer of 30 units
            UUID seller = Given.verifiedSeller();
            UUID stream = Given.liveStream(seller);
            UUID offer = Given.offer(seller, stream, 30);

            // When the anchor closes it early
            given().auth().oauth2(Tokens.seller(seller))
                    .post("/api/v1/streams/" + stream + "/offers/" + offer + "/close").then().statusCode(200)
                    .body("status", equalTo("CLOSED")).body("pinned", equalTo(false));

            // Then OfferClosed is published
            EventEnvelope closed = events.awaitEvent("livestream.offer-closed",
                    e -> e.aggregateId().equals(offer.toString()));
            assertEquals("closed-by-anchor", closed.payload().get("reason").asText());
            // and closing again is a conflict
            Problems.assertProblem(given().auth().oauth2(Tokens.seller(seller))
                    .post("/api/v1/streams/" + stream + "/offers/" + offer + "/close").then(), 409);

            // When orders reports the drained pool with 12 units left
            UUID sku = UUID.fromString(given().get("/api/v1/streams/" + stream + "/offers").then()
                    .extract().path("[0].skuId"));
            KafkaProbe.send(Topics.ORDERS, offer.toString(), codec.toJson(codec.wrap(
                    new OfferPoolDrained(offer, stream, seller, UUID.randomUUID(), sku, 12), "0".repeat(32))));

            // Then the offer records them
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/api/v1/streams/" + stream + "/offers").then().body("[0].unitsLeft", equalTo(12)));
        }
    }

    @Test
    void endingTheStreamClosesEveryOpenOffer() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LIVESTREAM)) {
            UUID seller = Given.verifiedSeller();
            UUID stream = Given.liveStream(seller);
            UUID first = Given.offer(seller, stream, 10);
            UUID second = Given.offer(seller, stream, 10);

            Given.act(seller, stream, "end").then().statusCode(200);

            for (UUID offer : new UUID[]{first, second}) {
                EventEnvelope closed = events.awaitEvent("livestream.offer-closed",
                        e -> e.aggregateId().equals(offer.toString()));
                assertEquals("stream-ended", closed.payload().get("reason").asText());
            }
            given().get("/api/v1/streams/" + stream + "/offers").then()
                    .body("findAll { it.status == 'CLOSED' }", hasSize(2));
        }
    }

    @Test
    void anOfferPastItsEndTimeIsClosedByTheScheduler() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LIVESTREAM)) {
            UUID seller = Given.verifiedSeller();
            UUID stream = Given.liveStream(seller);
            Map<String, Object> request = Given.offerRequest(Given.sku(seller, 100), 9_900, 10, 1);
            request.put("endsAt", Instant.now().plusSeconds(2).toString());
            String offer = Given.openOffer(seller, stream, request).then().statusCode(201).extract().path("id");

            EventEnvelope closed = events.awaitEvent("livestream.offer-closed", e -> e.aggregateId().equals(offer));
            assertEquals("expired", closed.payload().get("reason").asText());
        }
    }
}
