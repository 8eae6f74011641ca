package live.harvest.catalog.product;

import io.quarkus.test.junit.QuarkusTest;
import live.harvest.catalog.Fixtures;
import live.harvest.testkit.Problems;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ProductSearchTest {

    @Test
    void filtersNarrowTheActiveListings() {
        // Given three active products and one draft sharing a rare word
        String word = rareWord();
        UUID seller = Fixtures.seller(true);
        UUID giTea = listed(seller, word, "TEA", "330127", "330127100", true, 5000);
        UUID oranges = listed(seller, word, "FRUIT", "330127", null, false, 2000);
        UUID beijingTea = listed(seller, word, "TEA", "110105", null, false, 8000);
        Fixtures.draft(seller, body(word, "TEA", "330127", null, false));

        // Then only the active ones are found, and every filter narrows them
        assertEquals(List.of(giTea, oranges, beijingTea).size(), ids(Map.of("q", word)).size());
        assertEquals(List.of(beijingTea, giTea), ids(Map.of("q", word, "category", "tea", "sort", "price_desc")));
        assertEquals(List.of(oranges, giTea), ids(Map.of("q", word, "origin", "33", "sort", "price_asc")));
        assertEquals(List.of(oranges, giTea), ids(Map.of("q", word, "origin", "330127", "sort", "price_asc")));
        assertEquals(List.of(beijingTea), ids(Map.of("q", word, "origin", "11")));
        assertEquals(List.of(giTea), ids(Map.of("q", word, "gi", "true")));
        assertEquals(List.of(giTea), ids(Map.of("q", word, "minPriceFen", "3000", "maxPriceFen", "6000")));
        assertEquals(List.of(oranges, giTea, beijingTea), ids(Map.of("q", word, "sort", "price_asc")));
        assertEquals(List.of(beijingTea, giTea, oranges), ids(Map.of("q", word, "sort", "price_desc")));
        // and words match as prefixes, case-insensitively
        assertEquals(3, ids(Map.of("q", word.substring(0, 6).toUpperCase() + " hills")).size());
    }

    @Test
    void chineseTextIsFoundBySubstring() {
        UUID seller = Fixtures.seller(true);
        Map<String, Object> fish = body(rareWord(), "AQUATIC", "330127", null, false);
        fish.put("title", "千岛湖有机鱼 " + fish.get("title"));
        fish.put("temperatureClass", "CHILLED");
        UUID productId = Fixtures.draft(seller, fish);
        Fixtures.sku(seller, productId, 12800, 5);
        Fixtures.activate(seller, productId);

        given().queryParam("q", "有机").get("/api/v1/products").then().statusCode(200)
                .body("items.productId", hasItem(productId.toString()));
    }

    @Test
    void pagesAreStableWhenSortKeysTie() {
        // Given five products at the same price
        String word = rareWord();
        UUID seller = Fixtures.seller(true);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(listed(seller, word, "HONEY_AND_BEE_PRODUCTS", "330127", null, false, 3300).toString());
        }
        expected.sort(String::compareTo);

        // When they are read two at a time, cheapest first
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            List<String> items = given().queryParams(Map.of("q", word, "sort", "price_asc", "size", 2, "page", page))
                    .get("/api/v1/products").then().statusCode(200).body("total", equalTo(5))
                    .extract().path("items.productId");
            seen.addAll(items);
        }
        // Then every product appears exactly once, in id order within the equal price
        assertEquals(expected, seen);
        // and reading newest-first twice gives the same order
        Map<String, Object> newest = Map.of("q", word, "size", 5);
        assertEquals(idsRaw(newest), idsRaw(newest));
    }

    @Test
    void badSearchParametersAreProblems() {
        Problems.assertProblem(given().queryParam("category", "JEWELLERY").get("/api/v1/products").then(), 400)
                .body("type", equalTo("https://harvest.live/problems/unknown-category"));
        Problems.assertProblem(given().queryParam("origin", "3").get("/api/v1/products").then(), 400);
        Problems.assertProblem(given().queryParam("sort", "cheapest").get("/api/v1/products").then(), 400);
        Problems.assertProblem(given().queryParam("size", 0).get("/api/v1/products").then(), 400);
        Problems.assertProblem(given().queryParams(Map.of("minPriceFen", 10, "maxPriceFen", 5))
                .get("/api/v1/products").then(), 400);
    }

    private static UUID listed(UUID seller, String word, String category, String county, String township,
                               boolean gi, long priceFen) {
        UUID productId = Fixtures.draft(seller, body(word, category, county, township, gi));
        Fixtures.sku(seller, productId, priceFen, 10);
        Fixtures.activate(seller, productId);
        return productId;
    }

    private static Map<String, Object> body(String word, String category, String county, String township,
                                            boolean gi) {
        Map<String, Object> body = Fixtures.product("Harvest " + word);
        body.put("category", category);
        body.put("originCountyCode", county);
        body.put("originTownshipCode", township);
        if (gi) {
            body.put("geographicalIndication", Map.of("name", "West Lake Longjing", "registrationNo", "AGI-00101"));
        }
        return body;
    }

    private static List<UUID> ids(Map<String, Object> query) {
        return idsRaw(query).stream().map(UUID::fromString).toList();
    }

    private static List<String> idsRaw(Map<String, Object> query) {
        return given().queryParams(new HashMap<>(query)).get("/api/v1/products").then().statusCode(200)
                .extract().path("items.productId");
    }

    private static String rareWord() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
