package live.harvest.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The central story across the four services, through their public APIs only: a county network, a verified seller
 * with a chilled product and a harvest batch, a live stream with a flash-sale offer, a rush of buyers, payments,
 * routing, a dispatch wave per station, scans to the doorstep (and one pickup), results and traceability.
 * Every step checks its outcome and throws {@link IllegalStateException} when the system misbehaves.
 */
public final class FlashSaleScenario {

    public record Settings(int units, int buyers, int attemptsPerBuyer, int perBuyerLimit, long priceFen,
                           int concurrency, Duration timeout) {
    }

    public record Endpoints(String catalog, String livestream, String orders, String logistics) {
    }

    private final Settings settings;
    private final Endpoints urls;
    private final TokenMinter tokens;
    private final Payments payments;
    private final Consumer<String> progress;
    private final Http http;
    private final Report report = new Report();
    private final Network network = Network.random();
    private final UUID sellerId = UUID.randomUUID();
    private final String admin;
    private final String seller;
    private Consumer<HeldForPickup> whileHeldForPickup = held -> { };
    private long spareStock = 50;

    /** A parcel at its village pickup point, its code live, and the ids of everything the sale touched. */
    public record HeldForPickup(String pickupCode, Map<String, String> ids) {
    }

    public FlashSaleScenario(Settings settings, Endpoints urls, TokenMinter tokens, String paySecret,
                             Consumer<String> progress) {
        this.settings = settings;
        this.urls = urls;
        this.tokens = tokens;
        this.progress = progress;
        this.http = new Http(settings.concurrency());
        this.payments = new Payments(http, urls.orders(), "demo-pay", paySecret);
        this.admin = tokens.admin();
        this.seller = tokens.seller(sellerId);
    }

    public Report run() throws Exception {
        report.units = settings.units();
        report.buyers = settings.buyers();
        stage("1 network loaded", this::loadNetwork);
        Listing listing = stage("2 seller verified, chilled product listed", this::listProduct);
        Live live = stage("3 stream live, offer pinned", () -> goLive(listing));
        sellAndDeliver(live);
        return report;
    }

    /**
     * Steps 1-3 only, for drills that run their own rush (the fault suite): a network, a listed product and a
     * live offer whose buy pool is open in orders.
     */
    public Live openSale() {
        loadNetwork();
        return goLive(listProduct());
    }

    /** Units the SKU holds beyond the offer's (default 50), e.g. for a second offer on the same stream. */
    public FlashSaleScenario spareStock(long units) {
        this.spareStock = units;
        return this;
    }

    public Network network() {
        return network;
    }

    public String sellerToken() {
        return seller;
    }

    /** A check run while one parcel waits at its pickup point with a live code (e.g. that no seller view shows it). */
    public FlashSaleScenario whileHeldForPickup(Consumer<HeldForPickup> check) {
        this.whileHeldForPickup = check;
        return this;
    }

    private void sellAndDeliver(Live live) throws Exception {
        Listing listing = live.listing();
        try (FeedWatcher feed = new FeedWatcher(urls.livestream() + "/api/v1/streams/" + live.streamId + "/feed")) {
            awaitFeedConnected(feed);
            Sale sale = stage("4 rush of buyers", () -> rush(live));
            stage("5 feed shows sold out", () -> awaitSoldOutOnFeed(feed));
            stage("6 payments", () -> payAll(sale));
            stage("7 shipments routed", () -> awaitRouted(sale));
            stage("8 waves dispatched, scanned to the door", () -> deliver(live, sale));
            stage("9 orders show delivered", () -> awaitOrdersDone(sale));
            stage("10 stream results", () -> checkResults(live, sale));
            stage("11 batch traceable from the order", () -> checkTrace(listing, sale));
        }
    }

    // --- 1 ---------------------------------------------------------------------------------------------------
    private Void loadNetwork() {
        http.post(urls.logistics() + "/api/v1/network/imports", admin, network.importDocument()).expect(200, 201);
        return null;
    }

    // --- 2 ---------------------------------------------------------------------------------------------------
    public record Listing(UUID productId, UUID skuId, String traceCode, String certificate, long initialStock) {
    }

    private Listing listProduct() {
        String home = network.townships().get(0);
        http.put(urls.catalog() + "/api/v1/sellers/me", seller, Map.of("displayName", "Qiandao Lake fishers",
                "kind", "COOPERATIVE", "cooperativeName", "Lakeside fishing cooperative", "homeCountyCode",
                network.county(), "homeTownshipCode", home, "contactPhone", "13900139000",
                "bio", "Organic lake fish, caught to order")).expect(200, 201);
        http.post(urls.catalog() + "/api/v1/sellers/" + sellerId + "/verification", admin,
                Map.of("verified", true, "note", "identity and licence checked")).expect(200);
        JsonNode product = http.post(urls.catalog() + "/api/v1/products", seller, Map.of(
                "title", "Qiandao Lake organic bighead carp", "description", "Chilled, whole fish, caught the day it ships",
                "category", "AQUATIC", "originCountyCode", network.county(), "originTownshipCode", home,
                "geographicalIndication", Map.of("name", "Qiandao Lake fish", "registrationNo", "AGI-01234"),
                "grade", "premium", "temperatureClass", "CHILLED", "shelfLifeDays", 5)).expect(201).body();
        UUID productId = UUID.fromString(product.get("productId").asText());
        long initialStock = settings.units() + spareStock;
        JsonNode sku = http.post(urls.catalog() + "/api/v1/products/" + productId + "/skus", seller, Map.of(
                "spec", "1.5 kg whole fish", "netWeightGrams", 1500, "priceFen", 12800,
                "initialStock", initialStock)).expect(201).body();
        String certificate = "ZJ-QC-" + (100000 + (int) (Math.random() * 899999));
        JsonNode batch = http.post(urls.catalog() + "/api/v1/products/" + productId + "/batches", seller, Map.of(
                "harvestDate", LocalDate.now().toString(), "quantity", initialStock, "unit", "fish",
                "qualityCertificateNo", certificate, "originVillageCode", network.pickupVillage(),
                "notes", "net-caught, iced at the quay")).expect(201).body();
        http.post(urls.catalog() + "/api/v1/products/" + productId + "/activation", seller, null).expect(200);
        return new Listing(productId, UUID.fromString(sku.get("skuId").asText()), batch.get("traceCode").asText(),
                certificate, initialStock);
    }

    // --- 3 ---------------------------------------------------------------------------------------------------
    public record Live(UUID streamId, UUID offerId, Listing listing) {
    }

    private Live goLive(Listing listing) {
        JsonNode stream = http.post(urls.livestream() + "/api/v1/streams", seller, Map.of(
                "title", "Morning catch from Qiandao Lake", "plannedStart", Instant.now().plusSeconds(300).toString(),
                "category", "aquatic", "featuredProductIds", List.of(listing.productId().toString()))).expect(201).body();
        UUID streamId = UUID.fromString(stream.get("id").asText());
        http.post(urls.livestream() + "/api/v1/streams/" + streamId + "/start", seller, null).expect(200);
        JsonNode offer = http.post(urls.livestream() + "/api/v1/streams/" + streamId + "/offers", seller, Map.of(
                "skuId", listing.skuId().toString(), "priceFen", settings.priceFen(), "quantity", settings.units(),
                "perBuyerLimit", settings.perBuyerLimit())).expect(201).body();
        UUID offerId = UUID.fromString(offer.get("id").asText());
        await("the offer's buy pool opens in orders", () -> "open".equals(http.get(
                urls.orders() + "/api/v1/offers/" + offerId + "/pool", null).body().path("state").asText()));
        return new Live(streamId, offerId, listing);
    }

    private void awaitFeedConnected(FeedWatcher feed) {
        await("the viewer's feed delivers its snapshot", () -> feed.count("snapshot") > 0);
    }

    // --- 4 ---------------------------------------------------------------------------------------------------
    private record Sale(List<Rush.Accepted> accepted, Rush.Accepted uncovered, Instant firstBuy) {
    }

    private Sale rush(Live live) throws Exception {
        Rush rush = new Rush(http, urls.orders(), settings.concurrency());
        Instant firstBuy = Instant.now();
        // One buyer lives in a township no station serves: their order must end as "routing failed", not lost.
        Rush.Buyer outsider = buyer(network.uncoveredTownship(), 0);
        Http.Reply first = rush.buy(outsider, live.offerId()).expect(201);
        Rush.Accepted uncovered = new Rush.Accepted(outsider, UUID.fromString(first.body().get("id").asText()),
                first.body().get("totalFen").asLong(), 1, first.body().at("/lines/0/traceCode").asText(null));
        List<Rush.Buyer> buyers = new ArrayList<>();
        for (int i = 1; i < settings.buyers(); i++) {
            buyers.add(buyer(network.townships().get(i % network.townships().size()), i));
        }
        int total = (settings.buyers() - 1) * settings.attemptsPerBuyer();
        Rush.Outcome outcome = rush.run(live.offerId(), buyers, settings.attemptsPerBuyer(), done -> {
            if (done % Math.max(1, total / 10) == 0) {
                progress.accept(String.format("   buying: %d / %d attempts answered", done, total));
            }
        });
        List<Rush.Accepted> accepted = new ArrayList<>(outcome.accepted());
        accepted.add(uncovered);
        report.attempts = outcome.attempts() + 1;
        report.accepted = accepted.size();
        report.unitsSold = outcome.unitsAccepted() + 1;
        report.soldOut = outcome.soldOut();
        report.limitReached = outcome.limitReached();
        report.otherAnswers = outcome.other();
        report.buysPerSecond = outcome.attempts() * 1000L / Math.max(1, outcome.millis());
        Map<UUID, Integer> perBuyer = new HashMap<>();
        accepted.forEach(a -> perBuyer.merge(a.buyer().id(), a.quantity(), Integer::sum));
        report.maxUnitsPerBuyer = perBuyer.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        report.gmvFen = accepted.stream().mapToLong(Rush.Accepted::totalFen).sum();
        check(report.unitsSold == settings.units(), "sold " + report.unitsSold + " units of " + settings.units());
        check(report.maxUnitsPerBuyer <= settings.perBuyerLimit(), "a buyer got " + report.maxUnitsPerBuyer);
        check(outcome.other().isEmpty(), "unexpected answers " + outcome.other());
        check(report.accepted + report.soldOut + report.limitReached == report.attempts, "unanswered attempts");
        return new Sale(accepted, uncovered, firstBuy);
    }

    /** A consumer with a fresh id, its token, and an address in {@code township}. */
    public Rush.Buyer buyer(String township, int n) {
        UUID id = UUID.randomUUID();
        return new Rush.Buyer(id, tokens.consumer(id), network.address(township, "Buyer " + n));
    }

    // --- 5 ---------------------------------------------------------------------------------------------------
    private Void awaitSoldOutOnFeed(FeedWatcher feed) {
        await("the feed shows the offer sold out", () -> feed.count("sold-out") > 0);
        List<Integer> remaining = feed.events().stream().filter(e -> e.type().equals("stock"))
                .map(e -> e.data().path("remaining").asInt()).toList();
        report.feedStockEvents = remaining.size();
        report.feedSawSoldOut = true;
        check(!remaining.isEmpty() && remaining.get(remaining.size() - 1) == 0, "feed stock ends at " + remaining);
        return null;
    }

    // --- 6 ---------------------------------------------------------------------------------------------------
    private Void payAll(Sale sale) throws Exception {
        parallel(sale.accepted(), a -> payments.pay(a.orderId(), a.totalFen()).expect(200));
        report.paid = sale.accepted().size();
        return null;
    }

    // --- 7 ---------------------------------------------------------------------------------------------------
    private Void awaitRouted(Sale sale) throws Exception {
        // Watch the county centre as its operator does (one request per poll, whatever the number of orders):
        // every routed parcel is "expected" at the centre until it is received.
        String operator = tokens.operator(network.sites());
        int routable = sale.accepted().size() - 1;
        await("every paid order becomes a routed shipment", () -> {
            JsonNode waiting = http.get(urls.logistics() + "/api/v1/centres/" + network.centre() + "/waiting",
                    operator).expect(200).body();
            long expected = 0;
            for (JsonNode station : waiting.path("stations")) {
                expected += station.path("expected").asLong();
            }
            return expected == routable && "ROUTING_FAILED".equals(http.get(urls.logistics() + "/api/v1/orders/"
                    + sale.uncovered().orderId() + "/shipment", sale.uncovered().buyer().token()).body()
                    .path("status").asText());
        });
        report.firstBuyToLastRoutedMillis = Duration.between(sale.firstBuy(), Instant.now()).toMillis();
        Map<UUID, JsonNode> shipments = new java.util.concurrent.ConcurrentHashMap<>();
        parallel(sale.accepted(), a -> shipments.put(a.orderId(), http.get(urls.logistics() + "/api/v1/orders/"
                + a.orderId() + "/shipment", a.buyer().token()).expect(200).body()));
        report.routingFailed = (int) shipments.values().stream()
                .filter(s -> s.path("status").asText().equals("ROUTING_FAILED")).count();
        report.routed = (int) shipments.values().stream()
                .filter(s -> s.path("status").asText().equals("ROUTED")).count();
        check(report.routingFailed == 1 && report.routed == routable,
                report.routed + " routed and " + report.routingFailed + " failed of " + sale.accepted().size());
        for (Rush.Accepted a : sale.accepted()) {
            if (a != sale.uncovered()) {
                String township = (String) a.buyer().address().get("townshipCode");
                check(network.stationOf(township).equals(shipments.get(a.orderId()).path("stationCode").asText()),
                        "order " + a.orderId() + " routed to the wrong station");
            }
        }
        this.shipmentIds = new HashMap<>();
        shipments.forEach((order, s) -> shipmentIds.put(order, UUID.fromString(s.get("shipmentId").asText())));
        return null;
    }

    private Map<UUID, UUID> shipmentIds;

    // --- 8 ---------------------------------------------------------------------------------------------------
    private Void deliver(Live live, Sale sale) throws Exception {
        String operator = tokens.operator(network.sites());
        List<Rush.Accepted> routed = sale.accepted().stream().filter(a -> a != sale.uncovered()).toList();
        parallel(routed, a -> scan(operator, a, "RECEIVED_AT_CENTRE", Map.of()));
        for (String township : network.townships()) {
            JsonNode wave = http.post(urls.logistics() + "/api/v1/centres/" + network.centre() + "/waves", operator,
                    Map.of("stationCode", network.stationOf(township), "vehicle", "ZJ-A-" + township.substring(6),
                            "driver", "Driver " + township.substring(6))).expect(201).body();
            http.post(urls.logistics() + "/api/v1/waves/" + wave.get("waveId").asText() + "/dispatch", operator, null)
                    .expect(200);
        }
        parallel(routed, a -> scan(operator, a, "ARRIVED_AT_STATION", Map.of()));
        Rush.Accepted pickup = routed.stream()
                .filter(a -> network.townships().get(0).equals(a.buyer().address().get("townshipCode")))
                .findFirst().orElseThrow(() -> new IllegalStateException("no order for the pickup township"));
        scan(operator, pickup, "HELD_AT_PICKUP", Map.of("pickupPointCode", network.pickupPoint()));
        String code = http.get(urls.logistics() + "/api/v1/orders/" + pickup.orderId() + "/shipment",
                pickup.buyer().token()).expect(200).body().path("pickupCode").asText();
        whileHeldForPickup.accept(new HeldForPickup(code, Map.of("sellerId", sellerId.toString(),
                "productId", live.listing().productId().toString(), "skuId", live.listing().skuId().toString(),
                "code", live.listing().traceCode(), "streamId", live.streamId().toString(),
                "offerId", live.offerId().toString(), "orderId", pickup.orderId().toString(),
                "shipmentId", shipmentIds.get(pickup.orderId()).toString())));
        scan(operator, pickup, "PICKED_UP", Map.of("pickupCode", code));
        List<Rush.Accepted> doorstep = routed.stream().filter(a -> a != pickup).toList();
        parallel(doorstep, a -> scan(operator, a, "OUT_FOR_DELIVERY", Map.of()));
        parallel(doorstep, a -> scan(operator, a, "DELIVERED",
                Map.of("recipientName", a.buyer().address().get("recipient"), "proofReference", "photo-" + a.orderId())));
        return null;
    }

    private void scan(String operator, Rush.Accepted order, String type, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("scanId", UUID.randomUUID().toString());
        body.put("type", type);
        http.post(urls.logistics() + "/api/v1/shipments/" + shipmentIds.get(order.orderId()) + "/scans", operator, body)
                .expect(201);
    }

    // --- 9 ---------------------------------------------------------------------------------------------------
    private Void awaitOrdersDone(Sale sale) {
        Map<UUID, String> finalStatus = new java.util.concurrent.ConcurrentHashMap<>();
        await("every order shows its final state", () -> {
            parallel(sale.accepted().stream().filter(a -> !finalStatus.containsKey(a.orderId())).toList(), a -> {
                String status = http.get(urls.orders() + "/api/v1/orders/" + a.orderId(), a.buyer().token())
                        .body().path("status").asText();
                if (List.of("DELIVERED", "PICKED_UP", "ROUTING_FAILED").contains(status)) {
                    finalStatus.put(a.orderId(), status);
                }
            });
            return finalStatus.size() == sale.accepted().size();
        });
        report.delivered = (int) finalStatus.values().stream().filter("DELIVERED"::equals).count();
        report.pickedUp = (int) finalStatus.values().stream().filter("PICKED_UP"::equals).count();
        check("ROUTING_FAILED".equals(finalStatus.get(sale.uncovered().orderId())), "uncovered order not failed");
        check(report.delivered + report.pickedUp == sale.accepted().size() - 1, "not every order was delivered");
        return null;
    }

    // --- 10 --------------------------------------------------------------------------------------------------
    private Void checkResults(Live live, Sale sale) {
        http.post(urls.livestream() + "/api/v1/streams/" + live.streamId() + "/end", seller, null).expect(200);
        String url = urls.livestream() + "/api/v1/streams/" + live.streamId() + "/results";
        await("the stream's results count every sale", () -> {
            JsonNode results = http.get(url, seller).body();
            report.resultsUnitsSold = results.path("unitsSold").asLong();
            report.resultsGmvFen = results.path("gmvFen").asLong();
            return report.resultsUnitsSold == settings.units() && report.resultsGmvFen == report.gmvFen;
        });
        check(report.gmvFen == settings.units() * settings.priceFen(), "GMV " + report.gmvFen);
        return null;
    }

    // --- 11 --------------------------------------------------------------------------------------------------
    private Void checkTrace(Listing listing, Sale sale) {
        Rush.Accepted any = sale.accepted().get(0);
        String code = http.get(urls.orders() + "/api/v1/orders/" + any.orderId(), any.buyer().token()).expect(200)
                .body().at("/lines/0/traceCode").asText();
        check(listing.traceCode().equals(code), "order carries trace code " + code);
        JsonNode trace = http.get(urls.catalog() + "/api/v1/trace/" + code, null).expect(200).body();
        check(trace.toString().contains(listing.certificate()), "trace lacks the quality certificate");
        check(trace.toString().contains(listing.productId().toString()), "trace lacks the product");
        report.traceCode = code;
        JsonNode ledger = http.get(urls.catalog() + "/api/v1/skus/" + listing.skuId() + "/ledger", seller).expect(200).body();
        check(ledger.path("onHand").asLong() == listing.initialStock() - settings.units(),
                "catalog on-hand " + ledger.path("onHand") + " after selling " + settings.units());
        return null;
    }

    // --- plumbing ----------------------------------------------------------------------------------------------
    private interface Step<T> {
        T run() throws Exception;
    }

    private <T> T stage(String name, Step<T> step) throws Exception {
        progress.accept("-> " + name);
        long start = System.nanoTime();
        T result = step.run();
        long ms = (System.nanoTime() - start) / 1_000_000;
        report.stageMillis.put(name, ms);
        progress.accept("   done in " + ms + " ms");
        return result;
    }

    private void await(String what, java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await(what).atMost(settings.timeout()).pollInterval(Duration.ofMillis(250)).until(condition);
    }

    private <T> void parallel(List<T> items, Consumer<T> action) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(settings.concurrency(), Math.max(1, items.size())));
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            items.forEach(item -> futures.add(pool.submit(() -> action.accept(item))));
            for (java.util.concurrent.Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void check(boolean ok, String failure) {
        if (!ok) {
            throw new IllegalStateException(failure);
        }
    }
}
