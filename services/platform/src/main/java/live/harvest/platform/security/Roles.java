package live.harvest.platform.security;

/** The roles a bearer token can carry in its {@code groups} claim. */
public final class Roles {

    public static final String CONSUMER = "consumer";
    public static final String SELLER = "seller";
    public static final String OPERATOR = "operator";
    public static final String PARTNER = "partner";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
