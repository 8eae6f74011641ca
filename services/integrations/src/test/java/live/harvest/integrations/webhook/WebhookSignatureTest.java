package live.harvest.integrations.webhook;

import live.harvest.integrations.webhook.signing.WebhookSecret;
import live.harvest.integrations.webhook.signing.WebhookSignature;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Standard Webhooks signing, checked against the specification's published test vector (no Quarkus). */
@UnitTest
class WebhookSignatureTest {

    // https://github.com/standard-webhooks/standard-webhooks: the vector every reference library tests against.
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330;
    private static final String SPEC_BODY = "{\"test\": 2432232314}";
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void givenTheSpecsTestVector_whenSigned_thenTheSignatureIsTheSpecs() {
        String signature = WebhookSignature.sign(WebhookSecret.parse(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY);

        assertEquals(SPEC_SIGNATURE, signature);
    }

    @Test
    void givenTwoSecretsDuringARotation_whenTheHeaderIsBuilt_thenItCarriesOneSignaturePerSecretSpaceSeparated() {
        WebhookSecret current = WebhookSecret.generate();
        WebhookSecret previous = WebhookSecret.parse(SPEC_SECRET);

        String header = WebhookSignature.header(List.of(current, previous), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY);

        String[] parts = header.split(" ");
        assertEquals(2, parts.length);
        assertEquals(WebhookSignature.sign(current, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY), parts[0]);
        assertEquals(SPEC_SIGNATURE, parts[1]);
    }

    @Test
    void givenAnyChangeToIdTimestampOrBody_whenSigned_thenTheSignatureDiffers() {
        WebhookSecret secret = WebhookSecret.parse(SPEC_SECRET);

        assertNotEquals(SPEC_SIGNATURE, WebhookSignature.sign(secret, SPEC_ID + "x", SPEC_TIMESTAMP, SPEC_BODY));
        assertNotEquals(SPEC_SIGNATURE, WebhookSignature.sign(secret, SPEC_ID, SPEC_TIMESTAMP + 1, SPEC_BODY));
        assertNotEquals(SPEC_SIGNATURE, WebhookSignature.sign(secret, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY + " "));
    }

    @Test
    void givenAGeneratedSecret_thenItIsWhsecAndBase64Of32RandomBytesAndReadsBack() {
        WebhookSecret secret = WebhookSecret.generate();

        assertTrue(secret.text().startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.text().substring(6)).length);
        assertEquals(secret, WebhookSecret.parse(secret.text()));
        assertNotEquals(secret, WebhookSecret.generate());
        assertEquals("whsec_***", secret.toString());
    }

    @Test
    void givenNoSecret_whenTheHeaderIsBuilt_thenItRefuses() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.header(List.of(), "id", 1, "{}"));
    }
}
