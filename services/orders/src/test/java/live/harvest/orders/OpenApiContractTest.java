package live.harvest.orders;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.testkit.OpenApiContract;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiContractTest {

    @Test
    void theServedOpenApiMatchesTheCommittedContract() throws Exception {
        OpenApiContract.assertServedMatchesCommitted("orders");
    }
}
