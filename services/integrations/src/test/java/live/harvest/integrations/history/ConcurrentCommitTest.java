package live.harvest.integrations.history;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import live.harvest.integrations.support.DomainEvents;
import live.harvest.integrations.support.HistoryReader;
import live.harvest.integrations.support.Partners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The cursor under concurrent inserts: a row that commits after a later-numbered one must not be skipped by a
 * reader who already holds a cursor past the later one. Two real transactions on two connections, as two consumer
 * threads would run them.
 */
@QuarkusTest
class ConcurrentCommitTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    HistoryPurge purge;

    @AfterEach
    void deleteTheClientsThisTestCreated() {
        Partners.deleteTestClients();
    }

    @Test
    void givenAnEarlierInsertStillOpen_whenALaterOneCommits_thenReadersWaitAndThenGetBothInOrder() throws Exception {
        String county = DomainEvents.county();
        HistoryReader centre = HistoryReader.of("COUNTY_SERVICE_CENTRE", List.of(county), List.of(), null);
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        try (Connection slow = dataSource.getConnection(); Connection fast = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            fast.setAutoCommit(false);
            // Given a transaction that inserted its row first (lower seq) and has not committed yet
            insert(slow, early, county, Instant.now());
            // When a later transaction inserts and commits (higher seq, visible to everyone at once)
            insert(fast, late, county, Instant.now());
            fast.commit();

            // Then a reader sees neither yet: handing out the committed one would move its cursor past the other
            centre.page(null, null, 100).statusCode(200).body("items.size()", equalTo(0)).body("next", equalTo(null));

            // When the slow one commits
            slow.commit();
        }
        // Then the same reader gets both, the slow one first
        List<UUID> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            seen.clear();
            seen.addAll(centre.allEventIds(1));
            return seen.size() == 2;
        });
        assertEquals(List.of(early, late), seen);
    }

    @Test
    void givenEventsOlderThanTheRetention_whenThePurgeRuns_thenOnlyThoseAreDeleted() throws SQLException {
        String county = DomainEvents.county();
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            insert(c, old, county, Instant.now().minus(Duration.ofDays(36)));
            insert(c, recent, county, Instant.now().minus(Duration.ofDays(34)));
        }

        purge.purge(Instant.now().minus(Duration.ofDays(35)));

        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("select event_id from event_history where event_id in (?, ?)")) {
            count.setObject(1, old);
            count.setObject(2, recent);
            List<UUID> left = new ArrayList<>();
            try (var rows = count.executeQuery()) {
                while (rows.next()) {
                    left.add(rows.getObject(1, UUID.class));
                }
            }
            assertEquals(List.of(recent), left);
        }
    }

    private static void insert(Connection c, UUID eventId, String county, Instant recordedAt) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into event_history (event_id, type, occurred_at, recorded_at, envelope, counties, sites)
                values (?, 'catalog.product-listed', ?, ?, ?, array[?], '{}')""")) {
            insert.setObject(1, eventId);
            insert.setObject(2, java.sql.Timestamp.from(recordedAt));
            insert.setObject(3, java.sql.Timestamp.from(recordedAt));
            insert.setString(4, "{\"eventId\":\"" + eventId + "\",\"type\":\"catalog.product-listed\",\"version\":1,"
                    + "\"aggregateId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + recordedAt + "\","
                    + "\"traceId\":null,\"payload\":{}}");
            insert.setString(5, county);
            insert.executeUpdate();
        }
    }
}
