package live.harvest.orders.support;

import io.restassured.response.Response;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Sends payment callbacks signed the way a partner signs them (the demo partner's test secret). */
public final class PaymentCalls {

    public static final String PARTNER = "demo-pay";
    public static final String SECRET = "demo-pay-secret-change-me";

    private PaymentCalls() {
    }

    public static String body(String paymentId, UUID orderId, long amountFen, String currency) {
        return "{\"paymentId\":\"" + paymentId + "\",\"orderId\":\"" + orderId + "\",\"amountFen\":" + amountFen
                + ",\"currency\":\"" + currency + "\"}";
    }

    public static Response send(String body, long timestamp, String signature) {
        return given().contentType("application/json")
                .header("X-Payment-Partner", PARTNER)
                .header("X-Payment-Timestamp", Long.toString(timestamp))
                .header("X-Payment-Signature", signature)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/payments/callbacks");
    }

    public static Response pay(UUID orderId, long amountFen) {
        return sendSigned(body("pay-" + UUID.randomUUID(), orderId, amountFen, "CNY"));
    }

    public static Response sendSigned(String body) {
        long now = Instant.now().getEpochSecond();
        return send(body, now, sign(SECRET, now, body));
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
