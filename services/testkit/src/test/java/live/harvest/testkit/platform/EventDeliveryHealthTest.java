package live.harvest.testkit.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
class EventDeliveryHealthTest {

    @Test
    void givenARunningService_whenReadinessIsAsked_thenEventDeliveryIsReportedAsDataAndNoKafkaChannelDecidesReadiness() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'event-delivery' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'event-delivery' }.data.status", anyOf(equalTo("ok"), equalTo("degraded")))
                .body("checks.find { it.name == 'event-delivery' }.data.outboxUnsent", notNullValue())
                .body("checks.find { it.name == 'event-delivery' }.data.outboxOldestUnsentSeconds", notNullValue())
                .body("checks.name", not(hasItem("Kafka connection health check")))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data", anyOf(
                        nullValue(), not(hasKey("probe-in"))));
    }

    @Test
    void givenARunningService_whenMetricsAreScraped_thenOutboxLagIsExposed() {
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("harvest_outbox_unsent"))
                .body(org.hamcrest.Matchers.containsString("harvest_outbox_oldest_unsent_age_seconds"));
    }
}
