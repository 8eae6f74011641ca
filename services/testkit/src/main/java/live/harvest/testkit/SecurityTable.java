package live.harvest.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Keeps the endpoint table of docs/security.md true: every operation the running service serves, with the roles
 * its {@code @RolesAllowed} admits and the partner scopes it declares (both read from the served OpenAPI document,
 * which Quarkus builds from the code), must appear there exactly as documented, and nothing else for the service.
 */
public final class SecurityTable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARTNER_SCHEME = "partner";

    private SecurityTable() {
    }

    public static void assertDocumented(String service) throws IOException {
        JsonNode spec = JSON.readTree(RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        TreeSet<String> served = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                served.add(row(service, op.getKey().toUpperCase(), path.getKey(), op.getValue().path("security")));
            }
        }
        Path doc = OpenApiContract.repoRoot().resolve("docs/security.md");
        TreeSet<String> documented = Files.readAllLines(doc).stream()
                .filter(line -> line.startsWith("| " + service + " |"))
                .map(line -> line.replaceAll("\\s+", " ").trim())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(String.join("\n", served), String.join("\n", documented),
                "docs/security.md does not describe who may call " + service + "; its rows should be exactly these");
    }

    /** {@code | service | METHOD | /path | roles | partner scopes |}; "anyone" without security, "–" for none. */
    private static String row(String service, String method, String path, JsonNode security) {
        TreeSet<String> roles = new TreeSet<>();
        TreeSet<String> scopes = new TreeSet<>();
        for (JsonNode requirement : security) {
            requirement.fields().forEachRemaining(scheme -> {
                TreeSet<String> target = PARTNER_SCHEME.equals(scheme.getKey()) ? scopes : roles;
                StreamSupport.stream(scheme.getValue().spliterator(), false).map(JsonNode::asText).forEach(target::add);
            });
        }
        String who = security.isEmpty() ? "anyone" : String.join(", ", roles);
        String partner = scopes.isEmpty() ? "–" : String.join(" ", scopes);
        return "| " + service + " | " + method + " | " + path + " | " + who + " | " + partner + " |";
    }
}
