package live.harvest.logistics.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.EventCodec;
import live.harvest.platform.event.Topics;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.event.orders.OrderEvents.DeliveryAddress;
import live.harvest.platform.event.orders.OrderEvents.OrderCancelled;
import live.harvest.platform.event.orders.OrderEvents.OrderLine;
import live.harvest.platform.event.orders.OrderEvents.OrderPaid;
import live.harvest.platform.event.orders.OrderEvents.OrderRefunded;
import live.harvest.platform.event.orders.OrderEvents.ReturnedLine;
import live.harvest.platform.event.orders.OrderEvents.StockReturn;
import live.harvest.testkit.KafkaProbe;
import live.harvest.testkit.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Feeds orders events (paid, cancelled, refunded) to the service over Kafka and walks parcels through the network over REST. */
@ApplicationScoped
public class Parcels {

    private final EventCodec codec;

    public Parcels(EventCodec codec) {
        this.codec = codec;
    }

    public static OrderPaid orderPaid(String sellerCounty, String township, TemperatureClass temperature) {
        UUID orderId = UUID.randomUUID();
        String village = township == null ? null : township + "201";
        String county = township == null ? null : township.substring(0, 6);
        return new OrderPaid(orderId, UUID.randomUUID(), UUID.randomUUID(), sellerCounty, null,
                "pay-" + orderId, 2_990, "CNY",
                List.of(new OrderLine(UUID.randomUUID(), UUID.randomUUID(), null, "Qiandao Lake fish", "1 kg", 1,
                        2_990, 2_990, temperature, "BATCH-1")),
                temperature, new DeliveryAddress("Li Lei", "13800000000", county, township, village, "No. 8"),
                Instant.now());
    }

    public OrderPaid withSeller(OrderPaid paid, UUID sellerId) {
        return new OrderPaid(paid.orderId(), paid.buyerId(), sellerId, paid.sellerCountyCode(), paid.streamId(),
                paid.paymentId(), paid.amountFen(), paid.currency(), paid.lines(), paid.temperatureClass(),
                paid.address(), paid.paidAt());
    }

    /** Wraps the event in a fresh envelope (new event id); sent keyed by its order, like the orders relay. */
    public String envelope(DomainEvent event) {
        return codec.toJson(codec.wrap(event, "0".repeat(32)));
    }

    public void send(DomainEvent event) {
        KafkaProbe.send(Topics.ORDERS, event.aggregateId(), envelope(event));
    }

    /** The buyer cancelled the paid order; orders gave its units back to the live pool. */
    public static OrderCancelled cancelled(OrderPaid paid, String reason) {
        return new OrderCancelled(paid.orderId(), paid.buyerId(), paid.sellerId(), paid.streamId(), paid.amountFen(),
                true, reason, paid.lines().stream()
                .map(l -> new ReturnedLine(l.skuId(), l.offerId(), l.quantity(), StockReturn.OFFER)).toList());
    }

    public static OrderRefunded refunded(OrderPaid paid, String reason) {
        // No returned lines, as in events written before ADR 0018: logistics never reads them (stock is orders').
        return new OrderRefunded(paid.orderId(), paid.buyerId(), paid.sellerId(), paid.streamId(), paid.amountFen(),
                paid.currency(), reason, null);
    }

    /** Waits until the order's shipment is in {@code status}; returns it as the admin sees it. */
    public JsonPath awaitStatus(UUID orderId, String status) {
        return awaitShipment(orderId, status::equals);
    }

    private JsonPath awaitShipment(UUID orderId, Predicate<String> status) {
        Map<String, JsonPath> found = new HashMap<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response r = given().auth().oauth2(Tokens.admin()).get("/api/v1/orders/{id}/shipment", orderId);
            if (r.statusCode() == 200 && status.test(r.jsonPath().getString("status"))) {
                found.put("s", r.jsonPath());
                return true;
            }
            return false;
        });
        return found.get("s");
    }

    /** Waits until the order's shipment exists and has left CREATED; returns it as the admin sees it. */
    public JsonPath awaitShipment(UUID orderId) {
        return awaitShipment(orderId, status -> !"CREATED".equals(status));
    }

    /** Sends a paid order and waits for its routed shipment; returns the shipment id. */
    public UUID routed(OrderPaid paid) {
        send(paid);
        JsonPath shipment = awaitShipment(paid.orderId());
        if (!"ROUTED".equals(shipment.getString("status"))) {
            throw new AssertionError("Expected ROUTED but was " + shipment.prettify());
        }
        return UUID.fromString(shipment.getString("shipmentId"));
    }

    public static Response scan(String token, UUID shipmentId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/shipments/{id}/scans", shipmentId);
    }

    public static Response scan(String token, UUID shipmentId, String type) {
        return scan(token, shipmentId, Map.of("scanId", UUID.randomUUID().toString(), "type", type));
    }

    /** Receives the parcel at its centre, dispatches it alone in a wave and scans it in at the station. */
    public static void bringToStation(TestNetwork n, UUID shipmentId, String stationCode) {
        String centreOperator = Tokens.operator(n.centre());
        scan(centreOperator, shipmentId, "RECEIVED_AT_CENTRE").then().statusCode(201);
        dispatch(centreOperator, openWave(centreOperator, n.centre(), stationCode));
        scan(Tokens.operator(stationCode), shipmentId, "ARRIVED_AT_STATION").then().statusCode(201);
    }

    /** Opens a wave (with a vehicle) of everything waiting at the centre for the station; returns its id. */
    public static String openWave(String centreOperator, String centreCode, String stationCode) {
        return given().auth().oauth2(centreOperator).contentType(ContentType.JSON)
                .body(Map.of("stationCode", stationCode, "vehicle", "ZJ-A1234"))
                .post("/api/v1/centres/{code}/waves", centreCode).then().statusCode(201)
                .extract().path("waveId");
    }

    public static Response dispatch(String centreOperator, String waveId) {
        return given().auth().oauth2(centreOperator).post("/api/v1/waves/{id}/dispatch", waveId);
    }
}
