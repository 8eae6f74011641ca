package live.harvest.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import live.harvest.testkit.UnitTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster's realm is the local one (deploy/local/keycloak/harvest-realm.json) with only the differences
 * deploy/k8s/base/keycloak/generate-realm-import.sh lists: a change to the local realm fails here until the import is
 * generated again, and the import can never carry a demo user, a demo partner or a secret.
 */
@UnitTest
class RealmImportTest {

    private static final Set<String> CHANGED_FIELDS = Set.of("users", "clients", "sslRequired");

    @Test
    void givenTheLocalRealm_whenComparedWithTheImport_thenOnlyTheDocumentedDifferencesRemain() throws IOException {
        JsonNode local = new ObjectMapper().readTree(Manifests.REPO.resolve("deploy/local/keycloak/harvest-realm.json")
                .toFile());
        ObjectNode importCr = Manifests.named(Manifests.render("base"), "KeycloakRealmImport", "harvest");
        JsonNode realm = importCr.path("spec").path("realm");

        local.fieldNames().forEachRemaining(field -> {
            if (!CHANGED_FIELDS.contains(field)) {
                assertEquals(local.get(field), realm.get(field), field);
            }
        });
        assertEquals("external", realm.path("sslRequired").asText());

        List<JsonNode> expectedUsers = new ArrayList<>();
        local.path("users").forEach(user -> {
            if (user.path("serviceAccountClientId").asText("").startsWith("harvest-")) {
                expectedUsers.add(user);
            }
        });
        assertEquals(expectedUsers, Manifests.list(realm.path("users")));
        assertEquals(5, expectedUsers.size());

        List<JsonNode> clients = Manifests.list(realm.path("clients"));
        List<String> ids = clients.stream().map(c -> c.path("clientId").asText()).toList();
        List<String> expectedIds = Manifests.list(local.path("clients")).stream().map(c -> c.path("clientId").asText())
                .filter(id -> !id.startsWith("partner-")).toList();
        assertEquals(expectedIds, ids);
        for (JsonNode client : clients) {
            JsonNode original = Manifests.list(local.path("clients")).stream()
                    .filter(c -> c.path("clientId").equals(client.path("clientId"))).findFirst().orElseThrow();
            ObjectNode same = client.deepCopy();
            ObjectNode was = original.deepCopy();
            for (String field : List.of("secret", "directAccessGrantsEnabled", "redirectUris", "webOrigins")) {
                same.remove(field);
                was.remove(field);
            }
            assertEquals(was, same, client.path("clientId").asText());
        }
    }

    @Test
    void givenTheServiceClients_whenImported_thenEachSecretIsAPlaceholderFilledFromTheSecretTheServiceReads() {
        ObjectNode importCr = Manifests.named(Manifests.render("base"), "KeycloakRealmImport", "harvest");
        JsonNode placeholders = importCr.path("spec").path("placeholders");
        for (String service : ServiceDeploymentsTest.SERVICES) {
            String name = service.toUpperCase(Locale.ROOT) + "_OIDC_CLIENT_SECRET";
            JsonNode client = Manifests.list(importCr.path("spec").path("realm").path("clients")).stream()
                    .filter(c -> c.path("clientId").asText().equals("harvest-" + service)).findFirst().orElseThrow();
            assertEquals("${" + name + "}", client.path("secret").asText());
            assertEquals("harvest-secrets", placeholders.path(name).path("secret").path("name").asText());
            assertEquals(name, placeholders.path(name).path("secret").path("key").asText());

            ObjectNode deployment = Manifests.named(Manifests.render("base"), "Deployment", service);
            JsonNode ref = ServiceDeploymentsTest.environment(Manifests.render("base"), deployment)
                    .get("OIDC_CLIENT_SECRET").path("secretKeyRef");
            assertEquals("harvest-secrets", ref.path("name").asText());
            assertEquals(name, ref.path("key").asText(), service + " reads the secret its client is given");
        }
        JsonNode app = Manifests.list(importCr.path("spec").path("realm").path("clients")).stream()
                .filter(c -> c.path("clientId").asText().equals("harvest-app")).findFirst().orElseThrow();
        assertFalse(app.path("directAccessGrantsEnabled").asBoolean(true), "no password grant in a cluster");
        for (JsonNode user : importCr.path("spec").path("realm").path("users")) {
            assertTrue(user.path("credentials").isEmpty(), "no user with a password: " + user.path("username"));
        }
    }
}
