package live.harvest.catalog.product;

import live.harvest.platform.ratelimit.RateLimited;
import live.harvest.platform.input.Paging;
import live.harvest.platform.event.common.ProductCategory;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import live.harvest.catalog.product.ProductDtos.ProductPage;
import live.harvest.catalog.product.ProductDtos.ProductRequest;
import live.harvest.catalog.product.ProductDtos.ProductView;
import live.harvest.catalog.product.ProductDtos.SkuRequest;
import live.harvest.catalog.product.ProductDtos.SkuView;
import live.harvest.catalog.seller.SellerAccess;
import live.harvest.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Products", description = "Listings, their SKUs, browse and search")
public class ProductResource {

    private final ProductService service;
    private final ProductSearch search;
    private final SellerAccess access;

    public ProductResource(ProductService service, ProductSearch search, SellerAccess access) {
        this.service = service;
        this.search = search;
        this.access = access;
    }

    @RateLimited("search")
    @GET
    @Path("/products")
    @PermitAll
    @Operation(summary = "Browse and search active products")
    @APIResponse(responseCode = "200", description = "A page of products")
    @APIResponse(responseCode = "400", description = "Unknown category or sort, bad origin prefix or price range")
    public ProductPage browse(
            @Parameter(description = "Category, e.g. TEA") @QueryParam("category") String category,
            @Parameter(description = "Origin region prefix: province (2 digits), city (4) or county (6)")
            @QueryParam("origin") String origin,
            @Parameter(description = "Only products with a geographical-indication mark")
            @QueryParam("gi") @DefaultValue("false") boolean giOnly,
            @Parameter(description = "Free text over title and description") @QueryParam("q") String text,
            @QueryParam("minPriceFen") @Min(0) Long minPriceFen,
            @QueryParam("maxPriceFen") @Min(0) Long maxPriceFen,
            @Parameter(description = "newest (default), price_asc or price_desc") @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return search.search(new ProductSearch.Criteria(category, origin, giOnly, text, minPriceFen, maxPriceFen,
                sort, page, size));
    }

    @GET
    @Path("/products/{productId}")
    @PermitAll
    @Operation(summary = "One product; drafts and delisted products only for their seller")
    @APIResponse(responseCode = "200", description = "The product")
    @APIResponse(responseCode = "404", description = "Unknown or not visible to the caller")
    public ProductView get(@PathParam("productId") UUID productId) {
        return service.view(productId, access.sellerIfAny(), access.isAdmin());
    }

    @GET
    @Path("/sellers/me/products")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "The calling seller's own products in every status")
    public ProductPage mine(@Parameter(description = "DRAFT, ACTIVE or DELISTED") @QueryParam("status") String status,
                            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.mine(access.actingSeller(), status, page, size);
    }

    @POST
    @Path("/products")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Create a product as a draft")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "The seller has no profile yet")
    public Response create(@Valid @NotNull ProductRequest request) {
        ProductView product = service.create(access.actingSeller(), request);
        return Response.created(URI.create("/api/v1/products/" + product.productId())).entity(product).build();
    }

    @PUT
    @Path("/products/{productId}")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Replace a product's details (owner only), or create a draft with this id")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "201", description = "Created as a draft",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "Another seller's product")
    @APIResponse(responseCode = "409", description = "seller-profile-missing: a new product needs the seller's profile")
    public Response put(@PathParam("productId") UUID productId, @Valid @NotNull ProductRequest request) {
        ProductService.Saved<ProductView> saved = service.put(access.actingSeller(), productId, request);
        return Response.status(saved.created() ? 201 : 200).location(URI.create("/api/v1/products/" + productId))
                .entity(saved.view()).build();
    }

    @POST
    @Path("/products/{productId}/activation")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "List the product publicly (needs a verified seller and a priced SKU)")
    @APIResponse(responseCode = "200", description = "Active")
    @APIResponse(responseCode = "403", description = "Another seller's product")
    @APIResponse(responseCode = "409", description = "Seller not verified, or no priced SKU")
    public ProductView activate(@PathParam("productId") UUID productId) {
        return service.activate(access.actingSeller(), productId);
    }

    @POST
    @Path("/products/{productId}/delisting")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Take the product off public listing")
    @APIResponse(responseCode = "200", description = "Delisted")
    @APIResponse(responseCode = "403", description = "Another seller's product")
    public ProductView delist(@PathParam("productId") UUID productId) {
        return service.delist(access.actingSeller(), productId);
    }

    @POST
    @Path("/products/{productId}/skus")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Add a SKU; initialStock, if given, is recorded as a RESTOCK movement")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SkuView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, e.g. non-positive price or weight")
    @APIResponse(responseCode = "403", description = "Another seller's product")
    public Response addSku(@PathParam("productId") UUID productId, @Valid @NotNull SkuRequest request) {
        SkuView sku = service.addSku(access.actingSeller(), productId, request);
        return Response.created(URI.create("/api/v1/products/" + productId + "/skus/" + sku.skuId()))
                .entity(sku).build();
    }

    @PUT
    @Path("/products/{productId}/skus/{skuId}")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Replace a SKU of the product, or add it with this id (initialStock only when adding)")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SkuView.class)))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SkuView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "Another seller's product")
    @APIResponse(responseCode = "409", description = "The SKU id belongs to another product")
    public Response putSku(@PathParam("productId") UUID productId, @PathParam("skuId") UUID skuId,
                           @Valid @NotNull SkuRequest request) {
        ProductService.Saved<SkuView> saved = service.putSku(access.actingSeller(), productId, skuId, request);
        return Response.status(saved.created() ? 201 : 200)
                .location(URI.create("/api/v1/products/" + productId + "/skus/" + skuId)).entity(saved.view()).build();
    }

    @PUT
    @Path("/skus/{skuId}")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Change a SKU's spec, weight or price (stock changes through the ledger)")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "Another seller's SKU")
    @APIResponse(responseCode = "404", description = "Unknown SKU")
    public SkuView updateSku(@PathParam("skuId") UUID skuId, @Valid @NotNull SkuRequest request) {
        return service.updateSku(access.actingSeller(), skuId, request);
    }
}
