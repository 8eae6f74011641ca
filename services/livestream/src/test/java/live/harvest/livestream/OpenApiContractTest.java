package live.harvest.livestream;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import live.harvest.testkit.InputAbuse;
import live.harvest.testkit.OpenApiContract;
import live.harvest.testkit.ResponseContract;
import live.harvest.testkit.SecurityTable;
import live.harvest.testkit.catalog.CatalogDouble;
import org.junit.jupiter.api.Test;

import java.util.Map;

import java.io.IOException;

@QuarkusTest
@WithTestResource(CatalogDouble.class)
class OpenApiContractTest {

    @Test
    void theServedApiMatchesTheCommittedContract() throws IOException {
        OpenApiContract.assertServedMatchesCommitted("livestream");
    }

    @Test
    void everyOperationDocumentsItsSuccessSchemaItsProblemsAndLocationOnCreate() throws Exception {
        ResponseContract.assertEveryOperationDocumentsItsResponses("livestream");
    }

    @Test
    void everyEndpointIsListedInTheSecurityTableWithItsCallersAndPartnerScopes() throws Exception {
        SecurityTable.assertDocumented("livestream");
    }

    @Test
    void givenMalformedBodiesPathsAndPagesOnEveryDocumentedOperationWhenCalledThenEachIsA4xxProblemBeforeAnyWrite()
            throws Exception {
        InputAbuse.assertEveryOperationRefusesMalformedInput("livestream", Map.of());
    }
}
