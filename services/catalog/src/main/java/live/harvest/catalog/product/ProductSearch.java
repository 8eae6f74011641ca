package live.harvest.catalog.product;

import live.harvest.platform.event.common.ProductCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import live.harvest.catalog.product.ProductDtos.ProductPage;
import live.harvest.catalog.product.ProductDtos.ProductView;
import live.harvest.platform.problem.DomainException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Public browse and search over ACTIVE products. Text matches either the {@code simple} full-text vector
 * (every word, as a prefix) or, for scripts without spaces such as Chinese, a trigram-indexed substring.
 * Every ordering ends with the product id, so pages are stable.
 */
@ApplicationScoped
public class ProductSearch {

    public enum SortOrder { NEWEST, PRICE_ASC, PRICE_DESC }

    public record Criteria(String category, String origin, boolean giOnly, String text, Long minPriceFen,
                           Long maxPriceFen, String sort, int page, int size) {
    }

    private final EntityManager em;
    private final SkuRepository skus;

    public ProductSearch(EntityManager em, SkuRepository skus) {
        this.em = em;
        this.skus = skus;
    }

    @Transactional
    public ProductPage search(Criteria c) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = new ArrayList<>(List.of("p.status = 'ACTIVE'"));
        if (c.category() != null) {
            params.put("category", parseCategory(c.category()).name());
            where.add("p.category = :category");
        }
        if (c.origin() != null) {
            if (!c.origin().matches("^\\d{2}(\\d{2}){0,2}$")) {
                throw DomainException.badRequest("invalid-origin",
                        "origin must be a province (2 digits), city (4) or county (6) code prefix");
            }
            params.put("origin", c.origin() + "%");
            where.add("p.origin_county_code like :origin");
        }
        if (c.giOnly()) {
            where.add("p.gi_name is not null");
        }
        if (c.text() != null && !c.text().isBlank()) {
            if (c.text().length() > 100) {
                throw DomainException.badRequest("invalid-query", "q is longer than 100 characters");
            }
            String tsQuery = prefixQuery(c.text());
            String like = "%" + c.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.put("like", like);
            if (tsQuery.isEmpty()) {
                where.add("(p.title || ' ' || p.description) ilike :like");
            } else {
                params.put("tsq", tsQuery);
                where.add("(p.search_vector @@ to_tsquery('simple', :tsq)"
                        + " or (p.title || ' ' || p.description) ilike :like)");
            }
        }
        if (c.minPriceFen() != null && c.maxPriceFen() != null && c.minPriceFen() > c.maxPriceFen()) {
            throw DomainException.badRequest("invalid-price-range", "minPriceFen is greater than maxPriceFen");
        }
        // Price filters and sorts look at the SKUs within the requested range, so the price a buyer sorted by
        // is one they can actually buy at.
        String skuFilter = "";
        if (c.minPriceFen() != null) {
            params.put("minPrice", c.minPriceFen());
            skuFilter += " and s.price_fen >= :minPrice";
        }
        if (c.maxPriceFen() != null) {
            params.put("maxPrice", c.maxPriceFen());
            skuFilter += " and s.price_fen <= :maxPrice";
        }
        String from = " from product p join lateral (select min(s.price_fen) as min_price, max(s.price_fen) as max_price"
                + " from sku s where s.product_id = p.id" + skuFilter + ") price on true"
                + " where " + String.join(" and ", where) + " and price.min_price is not null";
        String order = switch (parseSort(c.sort())) {
            case NEWEST -> " order by p.listed_at desc, p.id desc";
            case PRICE_ASC -> " order by price.min_price asc, p.id asc";
            case PRICE_DESC -> " order by price.min_price desc, p.id desc";
        };
        Query select = em.createNativeQuery("select cast(p.id as varchar)" + from + order);
        Query count = em.createNativeQuery("select count(*)" + from);
        params.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        @SuppressWarnings("unchecked")
        List<String> ids = select.setFirstResult(c.page() * c.size()).setMaxResults(c.size()).getResultList();
        long total = ((Number) count.getSingleResult()).longValue();
        List<UUID> uuids = ids.stream().map(UUID::fromString).toList();
        Map<UUID, Product> byId = uuids.isEmpty() ? Map.of()
                : Product.<Product>list("id in ?1", uuids).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<Product> ordered = uuids.stream().map(byId::get).toList();
        return page(ordered, skus, c.page(), c.size(), total);
    }

    static ProductPage page(List<Product> found, SkuRepository skus, int page, int size, long total) {
        Map<UUID, List<Sku>> variants = skus.ofProducts(found.stream().map(p -> p.id).toList()).stream()
                .collect(Collectors.groupingBy(s -> s.productId));
        List<ProductView> items = found.stream()
                .map(p -> ProductView.of(p, variants.getOrDefault(p.id, List.of())))
                .toList();
        return new ProductPage(items, page, size, total);
    }

    /** "Longjing green" becomes {@code longjing:* & green:*}; only letters and digits survive. */
    static String prefixQuery(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .limit(8)
                .map(word -> word + ":*")
                .collect(Collectors.joining(" & "));
    }

    private static ProductCategory parseCategory(String value) {
        return ProductCategory.parse(value).orElseThrow(() -> DomainException.badRequest("unknown-category",
                "Unknown category '" + value + "'; expected one of " + Arrays.toString(ProductCategory.values())));
    }

    private static SortOrder parseSort(String value) {
        if (value == null || value.isBlank()) {
            return SortOrder.NEWEST;
        }
        try {
            return SortOrder.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("unknown-sort", "sort must be newest, price_asc or price_desc");
        }
    }
}
