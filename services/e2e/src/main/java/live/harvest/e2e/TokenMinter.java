package live.harvest.e2e;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Signs tokens for every role with a given key: the test key in the IT, the local stack's key in the demo. */
public final class TokenMinter {

    private final PrivateKey key;
    private final String issuer;

    public TokenMinter(String privateKeyLocation, String issuer) {
        try {
            this.key = KeyUtils.decodePrivateKey(readPem(privateKeyLocation));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the signing key " + privateKeyLocation, e);
        }
        this.issuer = issuer;
    }

    /** A file path ({@code file:} prefix optional) or a classpath resource. */
    private static String readPem(String location) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of(location.startsWith("file:") ? location.substring(5) : location);
        if (java.nio.file.Files.isReadable(file)) {
            return java.nio.file.Files.readString(file);
        }
        try (java.io.InputStream in = TokenMinter.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new java.io.FileNotFoundException(location);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public String consumer(UUID id) {
        return sign(base(id, "consumer"));
    }

    public String seller(UUID sellerId) {
        return sign(base(sellerId, "seller").claim("seller_id", sellerId.toString()));
    }

    public String operator(List<String> sites) {
        return sign(base(UUID.randomUUID(), "operator").claim("sites", sites));
    }

    public String partner(String scope) {
        return sign(base(UUID.randomUUID(), "partner").claim("scope", scope));
    }

    public String admin() {
        return sign(base(UUID.randomUUID(), "admin"));
    }

    private JwtClaimsBuilder base(UUID subject, String role) {
        return Jwt.issuer(issuer).subject(subject.toString()).upn(role + "-" + subject).groups(role)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(4 * 3600));
    }

    private String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("e2e").sign(key);
    }
}
