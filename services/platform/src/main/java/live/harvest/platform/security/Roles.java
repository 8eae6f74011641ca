package live.harvest.platform.security;

/** The roles a bearer token can carry in its {@code groups} claim (realm roles of the identity provider). */
public final class Roles {

    public static final String CONSUMER = "consumer";
    public static final String SELLER = "seller";
    public static final String OPERATOR = "operator";
    public static final String PARTNER = "partner";
    public static final String ADMIN = "admin";
    /** Another of our services, calling with its own client-credentials token (never a user's). */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
