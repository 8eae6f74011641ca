package live.harvest.integrations.history;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import live.harvest.integrations.history.HistoryDtos.EventPageView;
import live.harvest.integrations.visibility.GrantAccess;
import live.harvest.integrations.visibility.VisibilityGrant;
import live.harvest.platform.security.PartnerScopeFilter;
import live.harvest.platform.security.Roles;
import live.harvest.platform.security.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The partner event history: catch up on missed events, in the webhooks' envelope. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Event history", description = "Every event a partner may see, kept at least 30 days, cursor-paged")
public class HistoryResource {

    private final HistoryService history;
    private final GrantAccess access;

    public HistoryResource(HistoryService history, GrantAccess access) {
        this.history = history;
        this.access = access;
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.EVENTS_READ)
    @Operation(summary = "The events the calling partner may see, oldest first, after a cursor",
            description = "Each item is the event envelope a webhook delivery of it carries, with its cursor. "
                    + "Start without 'after', then pass the page's 'next' (it stays put while nothing new is "
                    + "visible). A payment provider sees the orders its payment callbacks paid; a courier the "
                    + "shipments that touched its sites; a county service centre or platform the events of its "
                    + "counties. Events are kept at least 30 days. An event becomes readable once every database "
                    + "transaction older than it has ended (usually within milliseconds), so a cursor never skips "
                    + "one. Admins read a partner's view with partnerId.")
    @APIResponse(responseCode = "200", description = "A page of events and the cursor to continue from")
    @APIResponse(responseCode = "400", description = "invalid-cursor, invalid-types, limit out of 1..500, or an "
            + "admin call without partnerId")
    @APIResponse(responseCode = "403", description = "insufficient-scope: a partner without events:read; or a token "
            + "of no active partner")
    @APIResponse(responseCode = "404", description = "Admins: no active partner with this partnerId")
    public EventPageView list(
            @Parameter(description = "A cursor from an earlier answer (an item's cursor or 'next'); none = from the "
                    + "oldest kept event") @QueryParam("after") String after,
            @Parameter(description = "Comma-separated exact types (orders.order-paid) or domain prefixes "
                    + "(orders.*); none = every type") @QueryParam("types") String types,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
            @Parameter(description = "Admins only: whose view to read") @QueryParam("partnerId") UUID partnerId) {
        VisibilityGrant grant = access.viewOf(partnerId);
        return history.page(grant, after, types, limit);
    }
}
