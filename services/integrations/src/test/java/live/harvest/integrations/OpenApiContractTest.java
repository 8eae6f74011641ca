package live.harvest.integrations;

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
        OpenApiContract.assertServedMatchesCommitted("integrations");
    }

    @Test
    void everyOperationDocumentsItsSuccessSchemaItsProblemsAndLocationOnCreate() throws Exception {
        ResponseContract.assertEveryOperationDocumentsItsResponses("integrations");
    }

    @Test
    void everyEndpointIsListedInTheSecurityTableWithItsCallersAndPartnerScopes() throws Exception {
        SecurityTable.assertDocumented("integrations");
    }

    @Test
    void givenMalformedBodiesPathsAndPagesOnEveryDocumentedOperationWhenCalledThenEachIsA4xxProblemBeforeAnyWrite()
            throws Exception {
        InputAbuse.assertEveryOperationRefusesMalformedInput("integrations", Map.of());
    }
}
