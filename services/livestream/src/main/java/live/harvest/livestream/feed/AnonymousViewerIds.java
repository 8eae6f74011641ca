package live.harvest.livestream.feed;

import jakarta.enterprise.context.ApplicationScoped;
import live.harvest.livestream.config.LivestreamConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Anonymous viewer ids the feed issues itself (ADR 0015): 16 random bytes and the first 16 bytes of their
 * HMAC-SHA256 under {@code harvest.livestream.viewers.id-secret}, both base64url (44 characters). Any instance
 * sharing the secret can tell an id it issued from a made-up one without storing either, so only issued ids count as
 * unique viewers.
 */
@ApplicationScoped
public class AnonymousViewerIds {

    private static final int PART = 16;
    private static final int ENCODED_PART = 22;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    public AnonymousViewerIds(LivestreamConfig config) {
        this.key = new SecretKeySpec(config.viewers().idSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String issue() {
        byte[] nonce = new byte[PART];
        random.nextBytes(nonce);
        return ENCODER.encodeToString(nonce) + ENCODER.encodeToString(mac(nonce));
    }

    /** Whether this id was issued with this secret; false for anything else, malformed included. */
    public boolean issued(String id) {
        if (id == null || id.length() != 2 * ENCODED_PART) {
            return false;
        }
        try {
            byte[] nonce = DECODER.decode(id.substring(0, ENCODED_PART));
            if (nonce.length != PART) {
                return false;
            }
            // The id must be the one spelling we issue: the decoder ignores the unused low bits of each part's last
            // character, so without this one issued id would have 256 spellings, each a "new" unique viewer.
            // Constant time: the comparison must not tell a forger how much of a guess was right.
            String canonical = ENCODER.encodeToString(nonce) + ENCODER.encodeToString(mac(nonce));
            return MessageDigest.isEqual(id.getBytes(StandardCharsets.US_ASCII),
                    canonical.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private byte[] mac(byte[] nonce) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256"); // not thread-safe: one per call, it is cheap
            hmac.init(key);
            return Arrays.copyOf(hmac.doFinal(nonce), PART);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
