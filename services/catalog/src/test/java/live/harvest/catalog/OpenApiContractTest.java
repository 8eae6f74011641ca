package live.harvest.catalog;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.testkit.OpenApiContract;
import live.harvest.testkit.SecurityTable;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiContractTest {

    @Test
    void servedSpecMatchesTheCommittedOne() throws Exception {
        OpenApiContract.assertServedMatchesCommitted("catalog");
    }

    @Test
    void everyEndpointIsListedInTheSecurityTableWithItsCallersAndPartnerScopes() throws Exception {
        SecurityTable.assertDocumented("catalog");
    }
}
