package live.harvest.integrations.partner;

/** What a partner does for the platform; informational (access is governed by its scopes). */
public enum PartnerKind {
    PAYMENT_PROVIDER,
    COURIER,
    COUNTY_SERVICE_CENTRE,
    PLATFORM
}
