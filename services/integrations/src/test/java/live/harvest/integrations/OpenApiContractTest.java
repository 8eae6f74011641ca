package live.harvest.integrations;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.testkit.OpenApiContract;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiContractTest {

    @Test
    void theServedApiMatchesTheCommittedContract() throws Exception {
        OpenApiContract.assertServedMatchesCommitted("integrations");
    }
}
