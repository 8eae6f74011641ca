package live.harvest.e2e;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/** The payment partner: signs callbacks exactly as deploy/local/pay.sh does. */
public final class Payments {

    private final Http http;
    private final String ordersUrl;
    private final String partner;
    private final String secret;

    public Payments(Http http, String ordersUrl, String partner, String secret) {
        this.http = http;
        this.ordersUrl = ordersUrl;
        this.partner = partner;
        this.secret = secret;
    }

    /**
     * Sends the callback as a well-behaved partner does (docs/partners.md): a 429 from the rate limiter (ADR 0020) is
     * sent again, freshly signed, after the window's second, up to a minute.
     */
    public Http.Reply pay(UUID orderId, long amountFen) {
        Http.Reply reply = payOnce(orderId, amountFen);
        for (int wait = 0; reply.status() == 429 && wait < 60; wait++) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reply;
            }
            reply = payOnce(orderId, amountFen);
        }
        return reply;
    }

    /** One signed callback, no retry (the benchmark counts a 429 instead of waiting it out). */
    public Http.Reply payOnce(UUID orderId, long amountFen) {
        String body = String.format("{\"paymentId\":\"pay-%s\",\"orderId\":\"%s\",\"amountFen\":%d,\"currency\":\"CNY\"}",
                orderId, orderId, amountFen);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        return http.postRaw(ordersUrl + "/api/v1/payments/callbacks", body, Map.of(
                "X-Payment-Partner", partner, "X-Payment-Timestamp", timestamp,
                "X-Payment-Signature", sign(timestamp + "." + body)));
    }

    private String sign(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
