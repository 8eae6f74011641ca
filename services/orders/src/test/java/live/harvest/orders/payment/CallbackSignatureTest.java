package live.harvest.orders.payment;

import live.harvest.orders.config.OrdersConfig;
import live.harvest.platform.problem.DomainException;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The HMAC check of payment callbacks, without a running service (PaymentCallbackTest covers the endpoint). */
@UnitTest
class CallbackSignatureTest {

    private static final String PARTNER = "demo-pay";
    private static final String SECRET = "unit-test-secret";
    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
    private static final byte[] BODY = "{\"orderId\":\"x\",\"amountFen\":3980}".getBytes(StandardCharsets.UTF_8);

    private final CallbackSignature signature = new CallbackSignature(new OrdersConfig.Payments() {
        @Override
        public Map<String, Partner> partners() {
            return Map.of(PARTNER, () -> SECRET);
        }

        @Override
        public Duration tolerance() {
            return Duration.ofMinutes(5);
        }
    });

    private static String ts(Instant at) {
        return Long.toString(at.getEpochSecond());
    }

    private static String signed(String timestamp, byte[] body) {
        return HexFormat.of().formatHex(CallbackSignature.sign(SECRET, timestamp, body));
    }

    private void assertRefused(String slug, String partner, String timestamp, String sig, byte[] body) {
        DomainException refused = assertThrows(DomainException.class,
                () -> signature.verify(partner, timestamp, sig, body, NOW));
        assertEquals(401, refused.status());
        assertEquals("https://harvest.live/problems/" + slug, refused.toProblem().type().toString());
    }

    @Test
    void givenACallbackSignedWithThePartnersSecret_whenVerified_thenItIsAccepted() {
        String timestamp = ts(NOW);

        assertDoesNotThrow(() -> signature.verify(PARTNER, timestamp, signed(timestamp, BODY), BODY, NOW));
        assertDoesNotThrow(() -> signature.verify(PARTNER, " " + timestamp + " ",
                " " + signed(timestamp, BODY).toUpperCase() + " ", BODY, NOW));
    }

    @Test
    void givenASignedCallback_whenOneByteOfTheBodyChanged_thenItIsRefused() {
        String timestamp = ts(NOW);
        byte[] tampered = "{\"orderId\":\"x\",\"amountFen\":3981}".getBytes(StandardCharsets.UTF_8);

        assertRefused("invalid-signature", PARTNER, timestamp, signed(timestamp, BODY), tampered);
    }

    @Test
    void givenACapturedCallback_whenReplayedWithAFreshTimestamp_thenTheSignatureNoLongerMatches() {
        String old = ts(NOW.minusSeconds(3600));

        assertRefused("invalid-signature", PARTNER, ts(NOW), signed(old, BODY), BODY);
    }

    @Test
    void givenATimestampAtTheEdgeOfTheWindow_thenItIsAcceptedAndOneSecondFurtherItIsStale() {
        for (Instant edge : new Instant[]{NOW.minusSeconds(300), NOW.plusSeconds(300)}) {
            assertDoesNotThrow(() -> signature.verify(PARTNER, ts(edge), signed(ts(edge), BODY), BODY, NOW));
        }
        for (Instant outside : new Instant[]{NOW.minusSeconds(301), NOW.plusSeconds(301)}) {
            assertRefused("stale-callback", PARTNER, ts(outside), signed(ts(outside), BODY), BODY);
        }
    }

    @Test
    void givenAnUnknownPartnerOrAMissingHeader_whenVerified_thenItIsRefusedAsUnknown() {
        String timestamp = ts(NOW);
        String good = signed(timestamp, BODY);

        assertRefused("unknown-partner", "other-pay", timestamp, good, BODY);
        assertRefused("unknown-partner", null, timestamp, good, BODY);
        assertRefused("unknown-partner", PARTNER, null, good, BODY);
        assertRefused("unknown-partner", PARTNER, timestamp, null, BODY);
    }

    @Test
    void givenATimestampThatIsNotEpochSecondsOrASignatureThatIsNotHex_thenItIsRefusedAsInvalid() {
        String timestamp = ts(NOW);

        assertRefused("invalid-signature", PARTNER, NOW.toString(), signed(timestamp, BODY), BODY);
        assertRefused("invalid-signature", PARTNER, timestamp, "not-hex-at-all", BODY);
        assertRefused("invalid-signature", PARTNER, timestamp, signed(timestamp, BODY).substring(2), BODY);
    }
}
