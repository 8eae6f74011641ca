package live.harvest.testkit.archsample.tangled.offer;

/** Breaks the state-machine seam: a status enum that does not say where it may go. */
public enum OfferStatus { OPEN, CLOSED }
