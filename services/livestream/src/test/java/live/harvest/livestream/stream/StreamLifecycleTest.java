package live.harvest.livestream.stream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import live.harvest.livestream.support.Given;
import live.harvest.platform.event.EventEnvelope;
import live.harvest.platform.event.Topics;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Problems;
import live.harvest.testkit.Tokens;
import live.harvest.testkit.catalog.CatalogDouble;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
@WithTestResource(CatalogDouble.class)
class StreamLifecycleTest {

    @Inject
    EntityManager em;

    @Test
    void aVerifiedSellerSchedulesAStreamWithTheHomeCountyFromCatalog() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LIVESTREAM)) {
            // Given a seller catalog says is verified
            UUID sellerId = Given.verifiedSeller();

            // When they schedule a stream
            String id = Given.schedule(sellerId, Given.streamRequest("tea")).then().statusCode(201)
                    .body("status", equalTo("SCHEDULED"))
                    .body("homeCountyCode", equalTo(Given.COUNTY))
                    .body("category", equalTo("TEA"))
                    .extract().path("id");

            // Then StreamScheduled is published
            EventEnvelope scheduled = events.awaitEvent("livestream.stream-scheduled",
                    e -> e.aggregateId().equals(id));
            assertEquals(sellerId.toString(), scheduled.payload().get("sellerId").asText());
        }
    }

    @Test
    void anUnverifiedSellerCannotSchedule() {
        // Given a seller catalog knows but has not verified
        UUID sellerId = UUID.randomUUID();
        CatalogDouble.givenSeller(sellerId, false, Given.COUNTY);

        // When they try to schedule, then they are refused and nothing is listed for them
        Problems.assertProblem(Given.schedule(sellerId, Given.streamRequest("tea")).then(), 403)
                .body("type", equalTo("https://harvest.live/problems/seller-not-verified"));
        given().auth().oauth2(Tokens.seller(sellerId)).get("/api/v1/sellers/me/streams")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aStreamWithoutTitleOrWithAPastStartIsRejected() {
        UUID sellerId = Given.verifiedSeller();
        Map<String, Object> body = Given.streamRequest("tea");
        body.put("title", " ");
        body.put("plannedStart", "2020-01-01T00:00:00Z");

        Problems.assertProblem(Given.schedule(sellerId, body).then(), 400)
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("plannedStart"));
    }

    @Test
    void onlyTheOwnerCanStartEndOrCancelAStream() {
        // Given a stream of one seller
        UUID owner = Given.verifiedSeller();
        UUID stream = Given.scheduledStream(owner);
        UUID stranger = Given.verifiedSeller();

        // When another seller tries to change it, then they are refused
        Problems.assertProblem(Given.act(stranger, stream, "start").then(), 403);
        Problems.assertProblem(Given.act(stranger, stream, "cancel").then(), 403);
        // and a consumer cannot even try
        Problems.assertProblem(given().auth().oauth2(Tokens.consumer(UUID.randomUUID()))
                .post("/api/v1/streams/" + stream + "/start").then(), 403);

        // and the stream is unchanged
        given().get("/api/v1/streams/" + stream).then().statusCode(200).body("status", equalTo("SCHEDULED"));
    }

    @Test
    void aSellerHasAtMostOneLiveStream() {
        // Given a seller already live in one stream
        UUID sellerId = Given.verifiedSeller();
        Given.liveStream(sellerId);
        UUID second = Given.scheduledStream(sellerId);

        // When they start a second one, then it is refused
        Problems.assertProblem(Given.act(sellerId, second, "start").then(), 409)
                .body("type", equalTo("https://harvest.live/problems/already-live"));
        given().get("/api/v1/streams/" + second).then().body("status", equalTo("SCHEDULED"));
    }

    @Test
    void theDatabaseItselfRefusesASecondLiveStreamOfOneSeller() {
        // Given a seller live in one stream
        UUID sellerId = Given.verifiedSeller();
        Given.liveStream(sellerId);
        UUID second = Given.scheduledStream(sellerId);

        // When something bypasses the service and marks a second stream live, then the unique index refuses
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update stream set status = 'LIVE' where id = ?1")
                        .setParameter(1, second).executeUpdate()));
    }

    @Test
    void aStreamCanBeCancelledOnlyBeforeGoingLive() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LIVESTREAM)) {
            // Given one scheduled and one live stream of a seller
            UUID sellerId = Given.verifiedSeller();
            UUID scheduled = Given.scheduledStream(sellerId);
            UUID live = Given.liveStream(Given.verifiedSeller());

            // When the scheduled one is cancelled, then it is CANCELLED and StreamCancelled is published
            given().auth().oauth2(Tokens.seller(sellerId)).contentType("application/json")
                    .body(Map.of("reason", "rain")).post("/api/v1/streams/" + scheduled + "/cancel")
                    .then().statusCode(200).body("status", equalTo("CANCELLED"))
                    .body("cancelReason", equalTo("rain"));
            events.awaitEvent("livestream.stream-cancelled", e -> e.aggregateId().equals(scheduled.toString()));

            // and a cancelled stream cannot go live
            Problems.assertProblem(Given.act(sellerId, scheduled, "start").then(), 409);
            // and a live stream cannot be cancelled
            UUID liveOwner = UUID.fromString(given().get("/api/v1/streams/" + live).then().extract().path("sellerId"));
            Problems.assertProblem(Given.act(liveOwner, live, "cancel").then(), 409)
                    .body("type", equalTo("https://harvest.live/problems/stream-not-scheduled"));
        }
    }

    @Test
    void startingAndEndingPublishesEventsAndEndedStreamsLeaveTheLiveListing() {
        try (KafkaProbe events = KafkaProbe.watch(Topics.LIVESTREAM)) {
            // Given a live stream
            UUID sellerId = Given.verifiedSeller();
            UUID stream = Given.liveStream(sellerId);
            events.awaitEvent("livestream.stream-started", e -> e.aggregateId().equals(stream.toString()));
            given().get("/api/v1/streams?status=live&region=33").then()
                    .body("id", hasItem(stream.toString()));

            // When it ends
            Given.act(sellerId, stream, "end").then().statusCode(200).body("status", equalTo("ENDED"));

            // Then StreamEnded is published and it is no longer listed live
            events.awaitEvent("livestream.stream-ended", e -> e.aggregateId().equals(stream.toString()));
            given().get("/api/v1/streams?status=live").then().body("id", not(hasItem(stream.toString())));
            // and it cannot end twice
            Problems.assertProblem(Given.act(sellerId, stream, "end").then(), 409);
        }
    }

    @Test
    void discoveryFiltersByRegionPrefixAndCategory() {
        // Given an upcoming fruit stream of a seller in county 330127
        UUID sellerId = Given.verifiedSeller();
        String fruit = Given.schedule(sellerId, Given.streamRequest("fruit")).then().statusCode(201)
                .extract().path("id");

        // Then it is found by province, city and county prefix with its category
        for (String region : new String[]{"33", "3301", "330127"}) {
            given().get("/api/v1/streams?status=upcoming&category=fruit&region=" + region).then().statusCode(200)
                    .body("id", hasItem(fruit));
        }
        // and not under another province or category
        given().get("/api/v1/streams?status=upcoming&region=44").then().body("id", not(hasItem(fruit)));
        given().get("/api/v1/streams?status=upcoming&category=HONEY_AND_BEE_PRODUCTS").then().statusCode(200)
                .body("id", not(hasItem(fruit)));
        // and a malformed region or a category outside catalog's taxonomy is a 400
        Problems.assertProblem(given().get("/api/v1/streams?region=3x").then(), 400);
        Problems.assertProblem(given().get("/api/v1/streams?category=gadgets").then(), 400);
    }
}
