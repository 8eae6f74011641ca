package live.harvest.integrations.webhook.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): the signed content is {@code id.timestamp.body},
 * the signature {@code v1,} + base64 of its HMAC-SHA256 under the secret's key, and the {@code webhook-signature}
 * header lists one such signature per valid secret, separated by spaces (the new one and, during a rotation's grace
 * period, the old one), so a receiver that knows either accepts the delivery.
 */
public final class WebhookSignature {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    private static final String HMAC = "HmacSHA256";

    private WebhookSignature() {
    }

    /** {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} under one secret. */
    public static String sign(WebhookSecret secret, String id, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.key(), HMAC));
            byte[] digest = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The value of {@code webhook-signature}: one signature per secret, space-separated, in the given order. */
    public static String header(List<WebhookSecret> secrets, String id, long timestampSeconds, String body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("no secret to sign with");
        }
        return secrets.stream().map(secret -> sign(secret, id, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    /** The three Standard Webhooks headers of one delivery attempt. */
    public static Map<String, String> headers(List<WebhookSecret> secrets, String id, long timestampSeconds,
                                              String body) {
        return Map.of(ID, id, TIMESTAMP, Long.toString(timestampSeconds),
                SIGNATURE, header(secrets, id, timestampSeconds, body));
    }
}
