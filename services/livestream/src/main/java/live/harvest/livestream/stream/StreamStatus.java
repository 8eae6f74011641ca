package live.harvest.livestream.stream;

public enum StreamStatus { SCHEDULED, LIVE, ENDED, CANCELLED }
