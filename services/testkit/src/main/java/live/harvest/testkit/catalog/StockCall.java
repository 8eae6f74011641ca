package live.harvest.testkit.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/**
 * One call a service made to the catalog double's stock endpoints, as the double recorded it: an allocation
 * ({@code POST .../allocations}: skuId, offerId), a reservation ({@code POST}: orderId, buyerId, skuId) or a release
 * ({@code DELETE}: orderId only). {@code caller} is the token's {@code azp}; {@code callerIsService} says whether the
 * token carried the {@code service} role, i.e. the service called as itself and not with a user's token.
 */
public record StockCall(String method, UUID skuId, UUID offerId, UUID orderId, UUID buyerId, int quantity, int status,
                        String caller, boolean callerIsService) {

    @JsonIgnore
    public boolean isRelease() {
        return "DELETE".equals(method);
    }
}
