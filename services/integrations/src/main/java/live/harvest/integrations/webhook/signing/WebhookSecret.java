package live.harvest.integrations.webhook.signing;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * An endpoint's signing secret in the Standard Webhooks form: {@code whsec_} followed by the base64 of the key
 * bytes (32 random bytes when we make one). Receivers strip the prefix and base64-decode the rest to get the HMAC key.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key;
    }

    /** A new secret of 32 random bytes. */
    public static WebhookSecret generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** Reads {@code whsec_<base64>} (the prefix may be left out, as the spec's libraries allow). */
    public static WebhookSecret parse(String text) {
        String encoded = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        byte[] key = Base64.getDecoder().decode(encoded);
        if (key.length == 0) {
            throw new IllegalArgumentException("empty webhook secret");
        }
        return new WebhookSecret(key);
    }

    /** The HMAC key. */
    public byte[] key() {
        return key.clone();
    }

    /** {@code whsec_<base64 of the key>}. */
    public String text() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret that && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return PREFIX + "***";
    }
}
