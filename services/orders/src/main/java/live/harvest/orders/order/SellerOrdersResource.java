package live.harvest.orders.order;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import live.harvest.orders.order.OrderDtos.OrderPageView;
import live.harvest.platform.input.Paging;
import live.harvest.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sellers/me/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class SellerOrdersResource {

    private final OrderQueries queries;
    private final OrderAccess access;

    public SellerOrdersResource(OrderQueries queries, OrderAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GET
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "The calling seller's orders, newest first, optionally of one status")
    public OrderPageView list(@QueryParam("status") OrderStatus status,
                              @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return queries.ofSeller(access.actingSeller(), status, page, size);
    }
}
