package live.harvest.integrations.partner;

import live.harvest.platform.state.StatusMachine;

import java.util.EnumSet;
import java.util.Set;

/** ACTIVE partners can obtain tokens; DISABLED ones cannot (their Keycloak client is disabled). */
public enum PartnerStatus implements StatusMachine<PartnerStatus> {
    ACTIVE,
    DISABLED;

    /** An admin may disable and enable a partner any number of times; neither state is final. */
    @Override
    public Set<PartnerStatus> next() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(DISABLED);
            case DISABLED -> EnumSet.of(ACTIVE);
        };
    }
}
