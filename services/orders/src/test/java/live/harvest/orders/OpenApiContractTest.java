package live.harvest.orders;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.testkit.OpenApiContract;
import live.harvest.testkit.SecurityTable;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiContractTest {

    @Test
    void theServedOpenApiMatchesTheCommittedContract() throws Exception {
        OpenApiContract.assertServedMatchesCommitted("orders");
    }

    @Test
    void everyEndpointIsListedInTheSecurityTableWithItsCallersAndPartnerScopes() throws Exception {
        SecurityTable.assertDocumented("orders");
    }
}
