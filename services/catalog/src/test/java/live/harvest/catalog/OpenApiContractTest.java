package live.harvest.catalog;

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
    void servedSpecMatchesTheCommittedOne() throws Exception {
        OpenApiContract.assertServedMatchesCommitted("catalog");
    }

    @Test
    void everyOperationDocumentsItsSuccessSchemaItsProblemsAndLocationOnCreate() throws Exception {
        ResponseContract.assertEveryOperationDocumentsItsResponses("catalog");
    }

    @Test
    void everyEndpointIsListedInTheSecurityTableWithItsCallersAndPartnerScopes() throws Exception {
        SecurityTable.assertDocumented("catalog");
    }

    @Test
    void givenMalformedBodiesPathsAndPagesOnEveryDocumentedOperationWhenCalledThenEachIsA4xxProblemBeforeAnyWrite()
            throws Exception {
        InputAbuse.assertEveryOperationRefusesMalformedInput("catalog", Map.of());
    }
}
