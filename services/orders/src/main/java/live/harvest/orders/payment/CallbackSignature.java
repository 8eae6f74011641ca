package live.harvest.orders.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import live.harvest.orders.config.OrdersConfig;
import live.harvest.platform.problem.DomainException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Verifies {@code X-Payment-Signature = hex(HMAC-SHA256(secret, timestamp + "." + rawBody))}. The timestamp is
 * signed too, so a captured callback cannot be replayed after the tolerance window.
 */
@ApplicationScoped
public class CallbackSignature {

    private final OrdersConfig.Payments config;

    @Inject
    public CallbackSignature(OrdersConfig config) {
        this(config.payments());
    }

    /** With the payments group alone, as a unit test gives it. */
    CallbackSignature(OrdersConfig.Payments config) {
        this.config = config;
    }

    public void verify(String partnerId, String timestamp, String signature, byte[] rawBody, Instant now) {
        OrdersConfig.Payments.Partner partner = partnerId == null ? null : config.partners().get(partnerId);
        if (partner == null || timestamp == null || signature == null) {
            throw refused("unknown-partner", "Unknown payment partner or missing signature headers");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw refused("invalid-signature", "X-Payment-Timestamp must be epoch seconds");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > config.tolerance().toSeconds()) {
            throw refused("stale-callback", "X-Payment-Timestamp is outside the " + config.tolerance() + " window");
        }
        byte[] expected = sign(partner.secret(), timestamp.trim(), rawBody);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.trim().toLowerCase());
        } catch (IllegalArgumentException e) {
            throw refused("invalid-signature", "X-Payment-Signature must be hex");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw refused("invalid-signature", "X-Payment-Signature does not match the body");
        }
    }

    static byte[] sign(String secret, String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(rawBody);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DomainException refused(String slug, String detail) {
        return new DomainException(401, slug, "Unauthenticated", detail, null);
    }
}
