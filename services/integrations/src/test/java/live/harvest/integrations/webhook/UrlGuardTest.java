package live.harvest.integrations.webhook;

import live.harvest.integrations.webhook.ssrf.RefusedUrlException;
import live.harvest.integrations.webhook.ssrf.UrlGuard;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SSRF guard on webhook URLs (no Quarkus, no internet): literal addresses, {@code localhost}, and a table of
 * names standing in for DNS, so that "a public name that resolves to an internal address" can be proven here.
 */
@UnitTest
class UrlGuardTest {

    /** DNS as these tests see it; unknown names do not resolve. */
    private static final Map<String, String[]> DNS = Map.of(
            "partner.example.com", new String[]{"93.184.215.14"},
            "dual.example.com", new String[]{"93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"},
            "rebound.example.com", new String[]{"93.184.215.14", "10.1.2.3"},
            "sneaky.example.com", new String[]{"127.0.0.1"},
            "meta.example.com", new String[]{"169.254.169.254"},
            "v6private.example.com", new String[]{"fd12:3456:789a::1"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] literals = DNS.get(host);
        if (literals == null) {
            return InetAddress.getAllByName(host); // IP literals and localhost only: never leaves the machine
        }
        InetAddress[] addresses = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            addresses[i] = InetAddress.getByAddress(host, InetAddress.getByName(literals[i]).getAddress());
        }
        return addresses;
    }

    private final UrlGuard prod = new UrlGuard(false, Set.of(), UrlGuardTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://partner.example.com/hooks",
            "https://partner.example.com:8443/hooks?x=1",
            "https://dual.example.com/",
            "https://93.184.215.14/hook",
            "https://8.8.8.8/",
            "https://[2606:4700:4700::1111]/hook",
            "https://172.32.0.1/",
            "https://100.128.0.1/",
            "https://169.255.0.1/",
            "https://[::ffff:8.8.8.8]/"})
    void givenAPublicHttpsUrl_whenChecked_thenItPasses(String url) throws Exception {
        UrlGuard.Target target = prod.check(url);

        assertEquals(url, target.uri().toString());
        assertTrue(!target.addresses().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/", "https://127.255.255.254:8443/x", "https://localhost/", "https://LOCALHOST./",
            "https://app.localhost/", "https://[::1]/",
            "https://10.0.0.5/hook", "https://172.16.0.1/", "https://172.31.255.255/", "https://192.168.1.1/",
            "https://100.64.0.1/", "https://100.127.255.255/",
            "https://169.254.169.254/", "https://169.254.169.254/latest/meta-data/", "https://169.254.0.1/",
            "https://[fe80::1]/", "https://[febf::1]/",
            "https://[fc00::1]/", "https://[fd00:ec2::254]/",
            "https://224.0.0.1/", "https://239.255.255.250/", "https://[ff02::1]/",
            "https://0.0.0.0/", "https://[::]/", "https://255.255.255.255/", "https://240.0.0.1/",
            "https://192.0.2.1/", "https://198.18.0.1/",
            "https://[::ffff:127.0.0.1]/", "https://[::ffff:10.0.0.1]/", "https://[::ffff:169.254.169.254]/",
            "https://[::ffff:a9fe:a9fe]/", "https://[64:ff9b::a9fe:a9fe]/", "https://[2002:7f00:1::]/",
            "https://[::127.0.0.1]/",
            "https://metadata.google.internal/computeMetadata/v1/", "https://metadata/", "https://metadata.goog/",
            "https://instance-data/", "https://db.internal/", "https://printer.local/",
            "https://sneaky.example.com/", "https://meta.example.com/", "https://v6private.example.com/",
            "https://rebound.example.com/",
            "https://does-not-resolve.invalid/"})
    void givenAUrlThatReachesInsideOrNowhere_whenChecked_thenItIsRefused(String url) {
        assertThrows(RefusedUrlException.class, () -> prod.check(url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://partner.example.com/", "ftp://partner.example.com/", "file:///etc/passwd",
            "gopher://partner.example.com/", "//partner.example.com/", "partner.example.com/hook",
            "https://user:pass@partner.example.com/", "https://user@partner.example.com/",
            "https://partner.example.com/#frag", "https:///nohost", "https://exa mple.com/", ""})
    void givenAMalformedOrNonHttpsUrl_whenCheckedInProd_thenItIsRefused(String url) {
        assertThrows(RefusedUrlException.class, () -> prod.check(url), url);
    }

    @Test
    void givenAPublicNameThatResolvesToAPrivateAddressAmongPublicOnes_thenTheReasonNamesTheBadAddress() {
        RefusedUrlException refused = assertThrows(RefusedUrlException.class,
                () -> prod.check("https://rebound.example.com/hook"));

        assertTrue(refused.getMessage().contains("10.1.2.3"), refused.getMessage());
        assertTrue(refused.getMessage().contains("private"), refused.getMessage());
    }

    @Test
    void givenTheMetadataAddress_thenTheReasonSaysLinkLocal() {
        RefusedUrlException refused = assertThrows(RefusedUrlException.class,
                () -> prod.check("https://169.254.169.254/latest/meta-data/"));

        assertTrue(refused.getMessage().contains("link-local"), refused.getMessage());
    }

    @Test
    void givenHttpAllowedAndLocalhostAllowlisted_whenALocalHttpUrlIsChecked_thenItPassesButOthersStayRefused()
            throws Exception {
        UrlGuard local = new UrlGuard(true, Set.of("127.0.0.1", "Localhost"), UrlGuardTest::resolve);

        assertEquals("http://127.0.0.1:8099/hook", local.check("http://127.0.0.1:8099/hook").uri().toString());
        assertEquals("https://localhost/", local.check("https://localhost/").uri().toString());
        local.check("http://partner.example.com/");
        assertThrows(RefusedUrlException.class, () -> local.check("http://10.0.0.5/hook"));
        assertThrows(RefusedUrlException.class, () -> local.check("http://sneaky.example.com/"));
        assertThrows(RefusedUrlException.class, () -> local.check("http://user@127.0.0.1/"));
        assertThrows(RefusedUrlException.class, () -> local.check("ftp://127.0.0.1/"));
    }
}
