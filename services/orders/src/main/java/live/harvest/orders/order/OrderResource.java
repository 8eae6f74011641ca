package live.harvest.orders.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import live.harvest.orders.idempotency.StoredResponse;
import live.harvest.orders.order.OrderDtos.OrderPageView;
import live.harvest.orders.order.OrderDtos.OrderView;
import live.harvest.orders.order.OrderDtos.PlaceOrderRequest;
import live.harvest.orders.order.OrderDtos.ReasonRequest;
import live.harvest.platform.ratelimit.RateLimited;
import live.harvest.platform.idempotency.IdempotencyKey;
import live.harvest.platform.input.Paging;
import live.harvest.platform.security.PartnerScopeFilter;
import live.harvest.platform.security.Roles;
import live.harvest.platform.security.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderResource {

    private final OrderPlacement placement;
    private final OrderQueries queries;
    private final OrderLifecycle lifecycle;
    private final OrderAccess access;
    private final ObjectMapper json;

    public OrderResource(OrderPlacement placement, OrderQueries queries, OrderLifecycle lifecycle, OrderAccess access,
                         ObjectMapper json) {
        this.placement = placement;
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.access = access;
        this.json = json;
    }

    @RateLimited("buy")
    @POST
    @RolesAllowed(Roles.CONSUMER)
    @Operation(summary = "Place an order for live-stream offers or regular listings",
            description = "Idempotent per buyer and Idempotency-Key for 24 h: a retry with the same body gets the "
                    + "first response again; a different body under the same key is refused with 422.")
    @APIResponse(responseCode = "201", description = "Accepted, awaiting payment",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "Missing Idempotency-Key or invalid fields")
    @APIResponse(responseCode = "409", description = "sold-out, buyer-limit-reached, offer-closed, insufficient-stock,"
            + " too-many-unpaid-orders (a buyer may hold 5 unpaid orders), buyer-cap-reached (the SKU's per-buyer cap,"
            + " set by catalog)")
    @APIResponse(responseCode = "422", description = "unknown-offer, unknown-sku, mixed-sellers, idempotency-key-reused,"
            + " quantity-above-cap (the SKU's per-order cap, set by catalog: its seller's, else 20)")
    @APIResponse(responseCode = "503", description = "catalog-unavailable, offer-pool-rebuilding (after a Redis loss),"
            + " buyer-limit-pending (the per-buyer limit depends on this buyer's own purchase still being confirmed),"
            + " temporarily-unavailable (too many orders waiting to be written, or the instance is stopping):"
            + " nothing was stored and the key is free; retry with the same key after Retry-After")
    public Response place(
            @Parameter(description = "1-64 printable characters, unique per purchase intent")
            @HeaderParam(IdempotencyKey.HEADER) @NotNull @Pattern(regexp = IdempotencyKey.PATTERN,
                    message = IdempotencyKey.MESSAGE) String idempotencyKey,
            @NotNull @Valid PlaceOrderRequest request) throws JsonProcessingException {
        StoredResponse answer = placement.place(access.buyer(), idempotencyKey, request);
        Response.ResponseBuilder response = Response.status(answer.status()).type(MediaType.APPLICATION_JSON)
                .entity(answer.body());
        if (answer.status() == 201) {
            // The stored answer is the order's JSON (a replay too): its id names the order created.
            response.location(URI.create("/api/v1/orders/" + json.readTree(answer.body()).path("id").asText()));
        }
        return response.build();
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.CONSUMER)
    @Operation(summary = "The calling buyer's orders, newest first")
    public OrderPageView mine(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return queries.ofBuyer(access.buyer(), page, size);
    }

    @GET
    @Path("/{orderId}")
    @RolesAllowed({Roles.CONSUMER, Roles.SELLER, Roles.ADMIN, Roles.PARTNER})
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.ORDERS_READ)
    @Operation(summary = "One order with its full timeline (its buyer, its seller, admins, partners with orders:read)")
    @APIResponse(responseCode = "200", description = "The order")
    @APIResponse(responseCode = "403", description = "insufficient-scope: a partner without orders:read")
    @APIResponse(responseCode = "404", description = "No such order, or not yours")
    public OrderView get(@PathParam("orderId") UUID orderId) {
        return queries.get(orderId);
    }

    @POST
    @Path("/{orderId}/cancel")
    @RolesAllowed(Roles.CONSUMER)
    @Operation(summary = "Cancel before dispatch; units go back to the live offer if still open, else to catalog")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "404", description = "No such order, or not yours")
    @APIResponse(responseCode = "409", description = "invalid-transition: already dispatched, cancelled or expired")
    public OrderView cancel(@PathParam("orderId") UUID orderId, @Valid ReasonRequest body) {
        return lifecycle.cancel(orderId, body == null ? null : body.reason());
    }

    @POST
    @Path("/{orderId}/refund-request")
    @RolesAllowed(Roles.CONSUMER)
    @Operation(summary = "Ask for a refund of a paid order")
    @APIResponse(responseCode = "200", description = "Refund requested")
    @APIResponse(responseCode = "409", description = "invalid-transition: not paid, or already refunded")
    public OrderView requestRefund(@PathParam("orderId") UUID orderId, @Valid ReasonRequest body) {
        return lifecycle.requestRefund(orderId, body == null ? null : body.reason());
    }

    @POST
    @Path("/{orderId}/refund")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Extension(name = PartnerScopeFilter.EXTENSION, value = Scopes.PAYMENTS_REFUND)
    @Operation(summary = "Confirm a requested refund (admin, or partner with scope payments:refund)")
    @APIResponse(responseCode = "200", description = "Refunded; OrderRefunded published")
    @APIResponse(responseCode = "403", description = "Partner without scope payments:refund")
    @APIResponse(responseCode = "409", description = "invalid-transition: no refund was requested")
    public OrderView confirmRefund(@PathParam("orderId") UUID orderId, @Valid ReasonRequest body) {
        return lifecycle.confirmRefund(orderId, body == null ? null : body.reason());
    }
}
