package live.harvest.orders;

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
    void theServedOpenApiMatchesTheCommittedContract() throws Exception {
        OpenApiContract.assertServedMatchesCommitted("orders");
    }

    @Test
    void everyOperationDocumentsItsSuccessSchemaItsProblemsAndLocationOnCreate() throws Exception {
        ResponseContract.assertEveryOperationDocumentsItsResponses("orders");
    }

    @Test
    void everyEndpointIsListedInTheSecurityTableWithItsCallersAndPartnerScopes() throws Exception {
        SecurityTable.assertDocumented("orders");
    }

    @Test
    void givenMalformedBodiesPathsAndPagesOnEveryDocumentedOperationWhenCalledThenEachIsA4xxProblemBeforeAnyWrite()
            throws Exception {
        InputAbuse.assertEveryOperationRefusesMalformedInput("orders", Map.of("POST /api/v1/payments/callbacks",
                        "HMAC-signed: an unsigned body is refused with 401 before it is read (PaymentCallbackTest)"));
    }
}
