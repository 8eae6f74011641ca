package live.harvest.integrations.partner;

/** ACTIVE partners can obtain tokens; DISABLED ones cannot (their Keycloak client is disabled). */
public enum PartnerStatus {
    ACTIVE,
    DISABLED
}
