package live.harvest.testkit;

import io.restassured.RestAssured;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares the OpenAPI document a running service serves with the one committed under {@code openapi/}.
 * Run the tests with {@code -Dopenapi.update=true} to rewrite the committed file after an intended API change.
 */
public final class OpenApiContract {

    private OpenApiContract() {
    }

    public static void assertServedMatchesCommitted(String service) throws IOException {
        String served = RestAssured.given().accept("application/yaml").get("/q/openapi?format=yaml")
                .then().statusCode(200).extract().asString();
        Path committed = repoRoot().resolve("openapi").resolve(service + ".yaml");
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, served);
        }
        assertTrue(Files.exists(committed), committed + " is missing; run the tests once with -Dopenapi.update=true");
        assertEquals(Files.readString(committed), served,
                "The served OpenAPI differs from " + committed + "; update it with -Dopenapi.update=true");
    }

    /** Tests run with the module as working directory; the repository root is the one holding {@code openapi/}. */
    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
