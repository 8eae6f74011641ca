package live.harvest.logistics.shipment;

/** Why a paid order could not be routed through the network; an admin fixes the network, then re-routes. */
public enum RoutingFailure {
    /** The address carries no usable township or village code. */
    INVALID_ADDRESS,
    /** No station serves the buyer's township. */
    UNCOVERED_TOWNSHIP,
    /** The seller's county has no distribution centre. */
    NO_ORIGIN_CENTRE,
    /** Chilled or frozen goods, but a site on the route has no cold chain. */
    NO_COLD_CHAIN
}
