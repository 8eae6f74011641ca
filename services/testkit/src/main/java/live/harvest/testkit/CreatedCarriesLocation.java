package live.harvest.testkit;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every 201 any {@code @QuarkusTest} of a service receives must carry {@code Location} (issue 12): the behaviour
 * tests already create through every 201 operation, so this REST Assured filter, installed before each test
 * (registered as a Quarkus test callback, so it runs in the class loader the tests' REST Assured lives in), checks
 * them all without anyone remembering to assert it.
 */
public final class CreatedCarriesLocation implements QuarkusTestBeforeEachCallback, Filter {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(CreatedCarriesLocation.class::isInstance)) {
            RestAssured.filters(new CreatedCarriesLocation());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        Response answer = context.next(request, response);
        String location = answer.header("Location");
        if (answer.statusCode() == 201 && (location == null || location.isBlank())) {
            throw new AssertionError(request.getMethod() + " " + request.getURI() + " answered 201 without Location");
        }
        return answer;
    }
}
