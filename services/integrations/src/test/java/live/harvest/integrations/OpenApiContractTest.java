package live.harvest.integrations;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.testkit.OpenApiContract;
import live.harvest.testkit.SecurityTable;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiContractTest {

    @Test
    void theServedApiMatchesTheCommittedContract() throws Exception {
        OpenApiContract.assertServedMatchesCommitted("integrations");
    }

    @Test
    void everyEndpointIsListedInTheSecurityTableWithItsCallersAndPartnerScopes() throws Exception {
        SecurityTable.assertDocumented("integrations");
    }
}
