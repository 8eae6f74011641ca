package live.harvest.livestream.offer;

public enum OfferStatus { OPEN, CLOSED }
