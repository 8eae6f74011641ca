package live.harvest.logistics;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.testkit.InputAbuse;
import live.harvest.testkit.OpenApiContract;
import live.harvest.testkit.ResponseContract;
import live.harvest.testkit.SecurityTable;
import org.junit.jupiter.api.Test;

import java.util.Map;

@QuarkusTest
class OpenApiContractTest {

    @Test
    void theServedApiMatchesTheCommittedContract() throws Exception {
        OpenApiContract.assertServedMatchesCommitted("logistics");
    }

    @Test
    void everyOperationDocumentsItsSuccessSchemaItsProblemsAndLocationOnCreate() throws Exception {
        ResponseContract.assertEveryOperationDocumentsItsResponses("logistics");
    }

    @Test
    void everyEndpointIsListedInTheSecurityTableWithItsCallersAndPartnerScopes() throws Exception {
        SecurityTable.assertDocumented("logistics");
    }

    @Test
    void givenMalformedBodiesPathsAndPagesOnEveryDocumentedOperationWhenCalledThenEachIsA4xxProblemBeforeAnyWrite()
            throws Exception {
        InputAbuse.assertEveryOperationRefusesMalformedInput("logistics", Map.of());
    }
}
