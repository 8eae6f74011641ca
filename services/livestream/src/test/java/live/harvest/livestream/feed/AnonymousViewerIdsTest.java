package live.harvest.livestream.feed;

import live.harvest.livestream.config.LivestreamConfig;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The self-verifying anonymous viewer ids of ADR 0015: issued ids verify, anything else does not. */
@UnitTest
class AnonymousViewerIdsTest {

    private static AnonymousViewerIds withSecret(String secret) {
        LivestreamConfig.Viewers viewers = () -> secret;
        LivestreamConfig config = (LivestreamConfig) Proxy.newProxyInstance(LivestreamConfig.class.getClassLoader(),
                new Class<?>[]{LivestreamConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("viewers")) {
                        return viewers;
                    }
                    throw new AssertionError("AnonymousViewerIds read " + method.getName());
                });
        return new AnonymousViewerIds(config);
    }

    private final AnonymousViewerIds ids = withSecret("unit-test-secret");

    @Test
    void givenAnIssuedId_thenItIs44UrlSafeCharactersAndVerifies() {
        String id = ids.issue();

        assertEquals(44, id.length());
        assertTrue(id.matches("[A-Za-z0-9_-]{44}"), id);
        assertTrue(ids.issued(id));
    }

    @Test
    void givenManyIssuedIds_thenNoTwoAreTheSame() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            assertTrue(seen.add(ids.issue()));
        }
    }

    @Test
    void givenAnIdIssuedUnderAnotherSecret_whenChecked_thenItIsNotOurs() {
        assertFalse(ids.issued(withSecret("another-secret").issue()));
        assertTrue(withSecret("unit-test-secret").issued(ids.issue()), "every instance sharing the secret agrees");
    }

    @Test
    void givenAnIssuedIdWithOneCharacterChanged_whenChecked_thenItIsRefused() {
        String id = ids.issue();
        // Interior characters of the nonce and of the MAC: each carries six bits of the decoded bytes.
        // The last character of each part (21, 43) also carries unused bits the decoder ignores: changing only those
        // must be refused too, or one issued id would have many spellings, each a new unique viewer.
        for (int at : new int[]{0, 11, 20, 21, 22, 33, 42, 43}) {
            char swapped = (char) (id.charAt(at) ^ 1); // flips the lowest bit: within [A-Za-z0-9] for these
            swapped = Character.isLetterOrDigit(swapped) ? swapped : (id.charAt(at) == 'A' ? 'B' : 'A');
            String forged = id.substring(0, at) + swapped + id.substring(at + 1);
            assertFalse(ids.issued(forged), "changed at " + at);
        }
    }

    @Test
    void givenMalformedIds_whenChecked_thenTheyAreRefusedWithoutAnError() {
        String id = ids.issue();
        for (String bad : new String[]{null, "", "viewer-1", id.substring(1), id + "A", "!".repeat(44),
                "=".repeat(44), id.substring(0, 22) + id.substring(0, 22)}) {
            assertFalse(ids.issued(bad), String.valueOf(bad));
        }
    }
}
