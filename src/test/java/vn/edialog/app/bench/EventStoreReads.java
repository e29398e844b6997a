package vn.edialog.app.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import vn.edialog.app.operations.processing.ProjectionRebuilder;

/** The ceilings a rebuild is measured against: reading the whole event store without projecting anything. */
final class EventStoreReads {

    private final EventStorageEngine storageEngine;
    private final DataSource dataSource;

    EventStoreReads(EventStorageEngine storageEngine, DataSource dataSource) {
        this.storageEngine = storageEngine;
        this.dataSource = dataSource;
    }

    /**
     * Reads every stored event in order through Axon's event storage engine, the way a tracking processor reads it
     * (same batches, same serializer), and deserializes each payload: the raw read a rebuild is measured against.
     */
    ProjectionRebuilder.Result readStore() {
        long started = System.nanoTime();
        long count = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(null, false)) {
            var iterator = events.iterator();
            while (iterator.hasNext()) {
                if (iterator.next().getPayload() != null) {
                    count++;
                }
            }
        }
        return result("event store read", count, started);
    }

    /** Reads every stored event's bytes in order, as fast as JDBC allows: the ceiling a rebuild is compared to. */
    ProjectionRebuilder.Result rawRead() throws SQLException {
        long started = System.nanoTime();
        long count = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // lets PostgreSQL stream the rows by the fetch size
            try (PreparedStatement query = connection.prepareStatement(
                    "select globalindex, payload, metadata from domainevententry order by globalindex")) {
                query.setFetchSize(1000);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        rows.getBytes(2);
                        count++;
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        return result("raw event read", count, started);
    }

    private static ProjectionRebuilder.Result result(String what, long count, long started) {
        return new ProjectionRebuilder.Result(
                what,
                count,
                Duration.ofNanos(System.nanoTime() - started),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO);
    }
}
