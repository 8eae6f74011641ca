package live.harvest.orders.support;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferClosed;
import live.harvest.platform.event.livestream.LivestreamEvents.OfferOpened;
import live.harvest.platform.event.logistics.LogisticsEvents.ShipmentEvent;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Tokens;
import live.harvest.testkit.catalog.CatalogDouble;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Shared test steps: open offers the way livestream does (over Kafka), build order bodies, place orders.
 * Also registers the catalog double for every test of the module (a global test resource, started once).
 */
@ApplicationScoped
@QuarkusTestResource(CatalogDouble.class)
public class Fixtures {

    public static final String COUNTY = "330127";
    public static final String TOWNSHIP = "330127100";
    public static final String VILLAGE = "330127100201";

    private final EventCodec codec;
    private final RedisDataSource redis;

    public Fixtures(EventCodec codec, RedisDataSource redis) {
        this.codec = codec;
        this.redis = redis;
    }

    /** What a Redis restart (it keeps nothing on disk) does to one offer: its pool, buyers and holds are gone. */
    public void forgetPool(UUID offerId) {
        forget("orders:offer:{" + offerId + "}:*");
    }

    /** What a Redis restart does to one buyer's idempotency entries (and the sentinel saying they are complete). */
    public void forgetAnswers(UUID buyerId) {
        forget("orders:idem:{" + buyerId + "}:*");
    }

    private void forget(String pattern) {
        List<String> keys = redis.key().keys(pattern);
        if (!keys.isEmpty()) {
            redis.key().del(keys.toArray(String[]::new));
        }
    }

    /** Publishes OfferOpened to the livestream topic and waits until orders has built the pool. */
    public OfferOpened openOffer(int quantity, int perBuyerLimit, long priceFen) {
        return openOffer(quantity, perBuyerLimit, priceFen, Instant.now().plus(Duration.ofHours(1)));
    }

    /** Opens an offer; {@code endsAt} may be null (sells until the anchor closes it). */
    public OfferOpened openOffer(int quantity, int perBuyerLimit, long priceFen, Instant endsAt) {
        OfferOpened offer = new OfferOpened(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), COUNTY,
                UUID.randomUUID(), UUID.randomUUID(), "Qiandao Lake spring tea", "250 g tin", priceFen, "CNY",
                quantity, perBuyerLimit, endsAt, TemperatureClass.AMBIENT, "TR-330127-2026-0001");
        send(offer);
        awaitPoolState(offer.offerId(), "open");
        return offer;
    }

    public void closeOffer(OfferOpened offer) {
        send(new OfferClosed(offer.offerId(), offer.streamId(), offer.skuId(), "anchor closed it"));
    }

    /** Sends one contract event as its publisher would; returns the raw envelope (to send it again). */
    public String send(DomainEvent event) {
        String json = envelope(event);
        KafkaProbe.send(event instanceof ShipmentEvent ? Topics.LOGISTICS : Topics.LIVESTREAM, event.aggregateId(),
                json);
        return json;
    }

    public String envelope(DomainEvent event) {
        return codec.toJson(codec.wrap(event, "0".repeat(32)));
    }

    public void awaitPoolState(UUID offerId, String state) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response r = given().get("/api/v1/offers/{id}/pool", offerId);
            return r.statusCode() == 200 && state.equals(r.path("state"));
        });
    }

    public int unitsLeft(UUID offerId) {
        return given().get("/api/v1/offers/{id}/pool", offerId).then().statusCode(200).extract().path("unitsLeft");
    }

    public static Map<String, Object> address() {
        return Map.of("recipient", "Wang Fang", "phone", "13800138000", "countyCode", COUNTY,
                "townshipCode", TOWNSHIP, "villageCode", VILLAGE, "detail", "No. 8 Lakeside Road");
    }

    public static Map<String, Object> offerOrder(UUID offerId, int quantity) {
        return Map.of("lines", List.of(Map.of("offerId", offerId.toString(), "quantity", quantity)),
                "address", address());
    }

    /** A one-line order for a regular listing (a catalog SKU). */
    public static Map<String, Object> skuOrder(UUID skuId, int quantity) {
        return Map.of("lines", List.of(Map.of("skuId", skuId.toString(), "quantity", quantity)),
                "address", address());
    }

    public static Response place(UUID buyerId, String key, Object body) {
        return given().auth().oauth2(Tokens.consumer(buyerId)).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/api/v1/orders");
    }

    /** The buyer cancels the order. */
    public static Response cancel(UUID buyer, UUID orderId) {
        return given().auth().oauth2(Tokens.consumer(buyer)).contentType("application/json")
                .body("{\"reason\":\"changed my mind\"}").post("/api/v1/orders/{id}/cancel", orderId);
    }

    /** Places a one-line order for a live offer and returns the new order's id. */
    public static UUID buy(UUID buyerId, UUID offerId, int quantity) {
        String id = place(buyerId, UUID.randomUUID().toString(), offerOrder(offerId, quantity))
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }
}
