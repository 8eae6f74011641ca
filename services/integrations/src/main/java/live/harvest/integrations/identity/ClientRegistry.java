package live.harvest.integrations.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import live.harvest.integrations.config.IntegrationsConfig;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.IdentityProviderUnavailable;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.ClientsResource;
import org.keycloak.representations.idm.ClientRepresentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The partners' OAuth2 clients in Keycloak, through its admin REST API as the service account of
 * {@code harvest-integrations}. Every failure to talk to Keycloak becomes {@link IdentityProviderUnavailable}; a
 * client that vanished from Keycloak becomes 409 {@code partner-client-missing}.
 */
@ApplicationScoped
public class ClientRegistry {

    private static final Logger LOG = Logger.getLogger(ClientRegistry.class);

    /** A client as Keycloak created it: its internal id (for the admin API), its client id and its secret. */
    public record IssuedClient(String internalId, String clientId, String secret) {
    }

    private final Keycloak keycloak;
    private final IntegrationsConfig config;

    public ClientRegistry(Keycloak keycloak, IntegrationsConfig config) {
        this.keycloak = keycloak;
        this.config = config;
    }

    /**
     * Creates a confidential client that can only use the client-credentials grant, with the base client scopes
     * plus {@code scopes} as default client scopes (so they are in every token's {@code scope}), and reads the
     * secret Keycloak generated. If reading the secret fails, the client is removed again.
     */
    public IssuedClient createPartnerClient(String clientId, String name, String description, List<String> scopes) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(name);
        client.setDescription(description);
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setFrontchannelLogout(false);
        client.setAttributes(Map.of(
                "oauth2.device.authorization.grant.enabled", "false",
                "oidc.ciba.grant.enabled", "false",
                "use.refresh.tokens", "false",
                "client_credentials.use_refresh_token", "false"));
        List<String> defaultScopes = new ArrayList<>(config.baseClientScopes());
        defaultScopes.addAll(scopes);
        client.setDefaultClientScopes(defaultScopes);
        client.setOptionalClientScopes(List.of());

        String internalId;
        try {
            internalId = call(false, "create client " + clientId, () -> {
                try (Response created = clients().create(client)) {
                    return CreatedResponseUtil.getCreatedId(created);
                }
            });
        } catch (IdentityProviderUnavailable e) {
            // The answer may have been lost after Keycloak created the client: make sure it is not left behind.
            findInternalId(clientId).ifPresent(id -> deleteQuietly(id, clientId));
            throw e;
        }
        try {
            String secret = call(false, "read the secret of " + clientId,
                    () -> clients().get(internalId).getSecret().getValue());
            return new IssuedClient(internalId, clientId, secret);
        } catch (RuntimeException e) {
            deleteQuietly(internalId, clientId);
            throw e;
        }
    }

    /** A new secret for the client; the previous one stops working at once. */
    public String rotateSecret(String internalId, String clientId) {
        return call(true, "rotate the secret of " + clientId,
                () -> client(internalId).generateNewSecret().getValue());
    }

    /** Enables or disables the client; a disabled client gets no tokens (its current ones run out). */
    public void setEnabled(String internalId, String clientId, boolean enabled) {
        call(true, (enabled ? "enable " : "disable ") + clientId, () -> {
            ClientResource resource = client(internalId);
            ClientRepresentation client = resource.toRepresentation();
            if (!Boolean.valueOf(enabled).equals(client.isEnabled())) {
                client.setEnabled(enabled);
                resource.update(client);
            }
            return null;
        });
    }

    /** Compensation: removes a client whose partner could not be stored. Failures are logged, never thrown. */
    public void deleteQuietly(String internalId, String clientId) {
        try {
            call(false, "delete " + clientId, () -> {
                client(internalId).remove();
                return null;
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Compensation failed: Keycloak client %s (%s) has no partner; delete it by hand",
                    clientId, internalId);
        }
    }

    private Optional<String> findInternalId(String clientId) {
        try {
            return clients().findByClientId(clientId).stream().map(ClientRepresentation::getId).findFirst();
        } catch (RuntimeException e) {
            LOG.warnf("Keycloak: cannot check whether client %s was created; if it exists, delete it by hand",
                    clientId);
            return Optional.empty();
        }
    }

    private ClientsResource clients() {
        return keycloak.realm(config.realm()).clients();
    }

    private ClientResource client(String internalId) {
        return clients().get(internalId);
    }

    /**
     * Runs one admin API call. Keycloak unreachable, slow or refusing our service account is an outage (503);
     * a missing client, when the call is about an existing partner's client, is a conflict with our records.
     */
    private static <T> T call(boolean aboutExistingClient, String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (NotFoundException e) {
            if (aboutExistingClient) {
                throw DomainException.conflict("partner-client-missing",
                        "The partner's client no longer exists in the identity provider");
            }
            throw unavailable(what, e);
        } catch (ProcessingException | WebApplicationException e) {
            throw unavailable(what, e);
        }
    }

    private static IdentityProviderUnavailable unavailable(String what, RuntimeException e) {
        LOG.warnf("Keycloak: cannot %s: %s", what, e.getMessage());
        return new IdentityProviderUnavailable("The identity provider cannot be reached right now; retry later", e);
    }
}
