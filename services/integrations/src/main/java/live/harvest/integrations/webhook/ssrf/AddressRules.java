package live.harvest.integrations.webhook.ssrf;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses and host names a webhook may never reach: anything that is not a public unicast address on the
 * internet (loopback, RFC 1918 private, CGNAT, link-local with the cloud metadata address, unique-local, multicast,
 * unspecified, reserved and documentation ranges), IPv4 addresses embedded in IPv6 (mapped, compatible, NAT64,
 * 6to4) judged as the IPv4 address they carry, and the host names that name the machine itself or a cloud's
 * metadata service. A pure rule: no DNS here.
 */
public final class AddressRules {

    private record Range(byte[] prefix, int bits, String why) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    private static final List<Range> V4 = List.of(
            range("0.0.0.0", 8, "unspecified (this network)"),
            range("10.0.0.0", 8, "private (RFC 1918)"),
            range("100.64.0.0", 10, "carrier-grade NAT (RFC 6598)"),
            range("127.0.0.0", 8, "loopback"),
            range("169.254.0.0", 16, "link-local (cloud metadata lives at 169.254.169.254)"),
            range("172.16.0.0", 12, "private (RFC 1918)"),
            range("192.0.0.0", 24, "IETF protocol assignments"),
            range("192.0.2.0", 24, "documentation"),
            range("192.168.0.0", 16, "private (RFC 1918)"),
            range("198.18.0.0", 15, "benchmarking"),
            range("198.51.100.0", 24, "documentation"),
            range("203.0.113.0", 24, "documentation"),
            range("224.0.0.0", 4, "multicast"),
            range("240.0.0.0", 4, "reserved (and broadcast)"));

    private static final List<Range> V6 = List.of(
            range("::", 128, "unspecified"),
            range("::1", 128, "loopback"),
            range("fe80::", 10, "link-local"),
            range("fec0::", 10, "site-local"),
            range("fc00::", 7, "unique-local"),
            range("ff00::", 8, "multicast"),
            range("2001:db8::", 32, "documentation"),
            range("100::", 64, "discard-only"));

    /** Host names (and name suffixes) that name this machine, a private network or a metadata service. */
    private static final List<String> REFUSED_NAMES = List.of("localhost", "metadata", "metadata.google.internal",
            "metadata.goog", "instance-data", "kubernetes.default");
    private static final List<String> REFUSED_SUFFIXES = List.of(".localhost", ".internal", ".local",
            ".localdomain", ".svc", ".cluster.local");

    private AddressRules() {
    }

    /** Why {@code address} may not be reached, or empty when it is a public unicast address. */
    public static Optional<String> refusalOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return firstMatch(V4, bytes);
        }
        if (address instanceof Inet6Address) {
            Optional<byte[]> embedded = embeddedV4(bytes);
            if (embedded.isPresent()) {
                return firstMatch(V4, embedded.get()).map(why -> why + ", as an IPv4 address inside IPv6");
            }
            return firstMatch(V6, bytes);
        }
        return Optional.of("not an IP address");
    }

    /** Why a host name is refused before any lookup, or empty. */
    public static Optional<String> refusalOfName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        while (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (REFUSED_NAMES.contains(name)) {
            return Optional.of("the host name " + name + " names this machine or a metadata service");
        }
        for (String suffix : REFUSED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return Optional.of("host names ending in " + suffix + " are internal");
            }
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address carried in an IPv6 one: IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64
     * 64:ff9b::a.b.c.d and 6to4 2002:aabb:ccdd::.
     */
    private static Optional<byte[]> embeddedV4(byte[] v6) {
        boolean zeros80 = allZero(v6, 0, 10);
        if (zeros80 && (v6[10] & 0xFF) == 0xFF && (v6[11] & 0xFF) == 0xFF) {
            return Optional.of(slice(v6, 12));
        }
        if (zeros80 && v6[10] == 0 && v6[11] == 0 && !allZero(v6, 12, 15)) {
            return Optional.of(slice(v6, 12)); // IPv4-compatible (not :: and not ::1)
        }
        if (v6[0] == 0 && v6[1] == 0x64 && (v6[2] & 0xFF) == 0xFF && (v6[3] & 0xFF) == 0x9B && allZero(v6, 4, 12)) {
            return Optional.of(slice(v6, 12));
        }
        if (v6[0] == 0x20 && v6[1] == 0x02) {
            return Optional.of(slice(v6, 2));
        }
        return Optional.empty();
    }

    private static Optional<String> firstMatch(List<Range> ranges, byte[] bytes) {
        return ranges.stream().filter(r -> r.contains(bytes)).map(Range::why).findFirst();
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] bytes, int from) {
        byte[] v4 = new byte[4];
        System.arraycopy(bytes, from, v4, 0, 4);
        return v4;
    }

    private static Range range(String literal, int bits, String why) {
        try {
            return new Range(InetAddress.getByName(literal).getAddress(), bits, why);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(literal, e);
        }
    }
}
