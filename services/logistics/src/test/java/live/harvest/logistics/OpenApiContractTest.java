package live.harvest.logistics;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.testkit.OpenApiContract;
import live.harvest.testkit.SecurityTable;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiContractTest {

    @Test
    void theServedApiMatchesTheCommittedContract() throws Exception {
        OpenApiContract.assertServedMatchesCommitted("logistics");
    }

    @Test
    void everyEndpointIsListedInTheSecurityTableWithItsCallersAndPartnerScopes() throws Exception {
        SecurityTable.assertDocumented("logistics");
    }
}
