package live.harvest.platform.security;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes the partners' OAuth2 client-credentials scheme ({@value PartnerScopeFilter#SCHEME}) with every scope in
 * each service's OpenAPI document, and turns each operation's {@value PartnerScopeFilter#EXTENSION} declaration into
 * an alternative security requirement on that scheme (next to the roles Quarkus adds from {@code @RolesAllowed}).
 * The token URL is the local realm's; production documents its own provider (docs/security.md). Registered by
 * {@code mp.openapi.filter} in the platform's configuration.
 */
public class PartnerSecurity implements OASFilter {

    static final String TOKEN_URL = "http://127.0.0.1:8180/realms/harvest/protocol/openid-connect/token";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, String> scopes = new LinkedHashMap<>();
        Scopes.ALL.forEach(scope -> scopes.put(scope, "Partner scope " + scope));
        SecurityScheme scheme = OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Partners: an OAuth2 client-credentials token from the platform's OpenID Connect provider")
                .flows(OASFactory.createOAuthFlows().clientCredentials(
                        OASFactory.createOAuthFlow().tokenUrl(TOKEN_URL).scopes(scopes)));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(PartnerScopeFilter.SCHEME, scheme);
    }

    @Override
    public Operation filterOperation(Operation operation) {
        Object declared = operation.getExtensions() == null ? null
                : operation.getExtensions().get(PartnerScopeFilter.EXTENSION);
        if (declared != null) {
            SecurityRequirement partner = OASFactory.createSecurityRequirement()
                    .addScheme(PartnerScopeFilter.SCHEME, List.of(declared.toString().trim().split("\\s+")));
            operation.addSecurityRequirement(partner);
            // SmallRye copies method-level extensions onto the responses too; the declaration belongs to the operation.
            if (operation.getResponses() != null) {
                operation.getResponses().removeExtension(PartnerScopeFilter.EXTENSION);
                operation.getResponses().getAPIResponses().values()
                        .forEach(response -> response.removeExtension(PartnerScopeFilter.EXTENSION));
            }
        }
        return operation;
    }
}
