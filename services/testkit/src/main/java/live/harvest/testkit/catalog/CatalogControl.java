package live.harvest.testkit.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The arrange and inspect side of the {@link CatalogDouble}, spoken over its HTTP control paths
 * ({@code /__double/...}) because a test and the double may live in different class loaders. Tests use the static
 * methods of {@link CatalogDouble}; this class also serves a test that started the double by hand.
 */
public final class CatalogControl {

    static final String PREFIX = "/__double/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;

    public CatalogControl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The double the running Quarkus test points {@code catalog.url} at. */
    static CatalogControl ofTheRunningTest() {
        return new CatalogControl(ConfigProvider.getConfig().getValue("catalog.url", String.class));
    }

    public void givenSeller(UUID sellerId, boolean verified, String homeCountyCode) {
        send("PUT", "sellers/" + sellerId, Map.of("verified", verified, "homeCountyCode", homeCountyCode));
    }

    public void givenSku(Sku sku) {
        send("PUT", "skus/" + sku.skuId(), sku);
    }

    public void refuses(UUID skuId, int status, String slug, String detail) {
        send("PUT", "refusals/" + skuId, new CatalogMemory.Refusal(status, slug, detail));
    }

    /** Every stock call the double received, oldest first. */
    public List<StockCall> calls() {
        try {
            return List.of(JSON.readValue(send("GET", "calls", null), StockCall[].class));
        } catch (IOException e) {
            throw new IllegalStateException("The catalog double answered calls unreadably", e);
        }
    }

    private String send(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + PREFIX + path))
                    .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("The catalog double refused " + method + " " + path + ": "
                        + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("The catalog double is unreachable at " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the catalog double", e);
        }
    }
}
