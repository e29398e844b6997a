package vn.edialog.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.edialog.app.support.TestDatabases;

/**
 * Watches the tracking processors from outside the application, on connections of its own, as an operator would:
 *
 * <ul>
 *   <li><b>lag in events</b>: the store's head (the highest committed global index) minus the position of the
 *       processor's committed token ({@code tokenentry}; the lowest segment's);
 *   <li><b>lag in time</b>: how old the oldest event is that the processor has not committed yet (its time stamp in
 *       {@code domainevententry}; 0 when it is at the head);
 *   <li><b>visibility</b>: for every accepted ask, the time from the client receiving {@code 201 Created} until its
 *       dialogue is in the status read model ({@code dialogue_summary}).
 * </ul>
 */
final class LagSampler implements AutoCloseable {

    /** One look at one processor: events behind the head and age of its oldest pending event. */
    record Lag(long events, long millis) {}

    /** One look at every processor at one moment. */
    record Sample(long nanos, long head, Map<String, Lag> lags) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestDatabases.Database database;
    private final Duration interval;
    private final List<Sample> samples = new ArrayList<>();
    private final ConcurrentLinkedQueue<long[]> accepted = new ConcurrentLinkedQueue<>();
    private final List<Long> visibilityNanos = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private long missed;
    private Thread tokens;
    private Thread visibility;

    LagSampler(TestDatabases.Database database, Duration interval) {
        this.database = database;
        this.interval = interval;
    }

    void start() {
        running.set(true);
        tokens = new Thread(this::sampleTokens, "bench-lag-sampler");
        visibility = new Thread(this::probeVisibility, "bench-visibility-probe");
        tokens.start();
        visibility.start();
    }

    Duration interval() {
        return interval;
    }

    /** The client got 201 for an ask of {@code dialogueId} at {@code nanos} (System.nanoTime). */
    void accepted(UUID dialogueId, long nanos) {
        accepted.add(new long[] {dialogueId.getMostSignificantBits(), dialogueId.getLeastSignificantBits(), nanos});
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    synchronized List<Long> visibilityNanos() {
        return List.copyOf(visibilityNanos);
    }

    /** Accepted asks whose dialogue never appeared in the status read model. */
    synchronized long missed() {
        return missed;
    }

    /** The current head and every processor's lag, read once. */
    Sample sampleNow() {
        try (Connection connection = connect()) {
            return sample(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private void sampleTokens() {
        try (Connection connection = connect()) {
            while (running.get()) {
                long next = System.nanoTime() + interval.toNanos();
                Sample sample = sample(connection);
                synchronized (this) {
                    samples.add(sample);
                }
                sleepUntil(next);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The lag sampler failed", e);
        }
    }

    private Sample sample(Connection connection) throws SQLException {
        long head;
        try (PreparedStatement query =
                        connection.prepareStatement("select coalesce(max(globalindex), -1) from domainevententry");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            head = rows.getLong(1);
        }
        long nanos = System.nanoTime();
        Instant now = Instant.now();
        Map<String, Long> positions = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("select processorname, token from tokenentry");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                positions.merge(rows.getString(1), position(rows.getBytes(2)), Math::min);
            }
        }
        Map<String, Lag> lags = new LinkedHashMap<>();
        try (PreparedStatement oldest = connection.prepareStatement(
                "select timestamp from domainevententry" + " where globalindex > ? order by globalindex limit 1")) {
            for (Map.Entry<String, Long> processor : positions.entrySet()) {
                long behind = Math.max(0, head - processor.getValue());
                long millis = 0;
                if (behind > 0) {
                    oldest.setLong(1, processor.getValue());
                    try (ResultSet rows = oldest.executeQuery()) {
                        if (rows.next()) {
                            millis = Math.max(
                                    0,
                                    Duration.between(Instant.parse(rows.getString(1)), now)
                                            .toMillis());
                        }
                    }
                }
                lags.put(processor.getKey(), new Lag(behind, millis));
            }
        }
        return new Sample(nanos, head, lags);
    }

    /**
     * The global index a stored token has reached: Axon's GapAwareTrackingToken is {@code {"index": n, "gaps":
     * [...]}}, a ReplayToken wraps it as {@code currentToken}; -1 before the first event.
     */
    static long position(byte[] token) {
        if (token == null) {
            return -1;
        }
        try {
            JsonNode node = JSON.readTree(token);
            for (int depth = 0; depth < 4 && node != null && !node.isNull(); depth++) {
                if (node.has("index")) {
                    return node.get("index").asLong();
                }
                node = node.get("currentToken");
            }
            return -1;
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable token " + new String(token), e);
        }
    }

    private void probeVisibility() {
        Map<UUID, Long> pending = new HashMap<>();
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(
                        "select dialogue_id from dialogue_summary where dialogue_id = any(?)")) {
            while (running.get() || !pending.isEmpty() || !accepted.isEmpty()) {
                long next = System.nanoTime() + Duration.ofMillis(5).toNanos();
                for (long[] a = accepted.poll(); a != null; a = accepted.poll()) {
                    pending.put(new UUID(a[0], a[1]), a[2]);
                }
                if (!pending.isEmpty()) {
                    Array ids =
                            connection.createArrayOf("uuid", pending.keySet().toArray());
                    query.setArray(1, ids);
                    List<Long> seen = new ArrayList<>();
                    try (ResultSet rows = query.executeQuery()) {
                        long now = System.nanoTime();
                        while (rows.next()) {
                            Long at = pending.remove(rows.getObject(1, UUID.class));
                            if (at != null) {
                                seen.add(Math.max(0, now - at));
                            }
                        }
                    }
                    synchronized (this) {
                        visibilityNanos.addAll(seen);
                    }
                }
                if (!running.get() && !pending.isEmpty()) {
                    // Stopping: give the last dialogues at most 30 s to appear, then count them as never seen.
                    Iterator<Long> it = pending.values().iterator();
                    while (it.hasNext()) {
                        if (System.nanoTime() - it.next()
                                > Duration.ofSeconds(30).toNanos()) {
                            it.remove();
                            synchronized (this) {
                                missed++;
                            }
                        }
                    }
                }
                sleepUntil(next);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The visibility probe failed", e);
        }
    }

    private static void sleepUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        if (tokens != null) {
            tokens.join();
            visibility.join();
        }
    }
}
