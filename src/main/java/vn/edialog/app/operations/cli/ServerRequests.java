package vn.edialog.app.operations.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a command leaves for a running server in a request table ({@code dead_letter_retry}, {@code erasure_request}):
 * the server takes the row, does the work where its processors and keys are, and writes back {@code done_at}, a
 * result column and an {@code outcome}; the command waits for them.
 */
final class ServerRequests {

    private ServerRequests() {}

    /** The request's result column and outcome, once a server has done it. */
    record Done<T>(T result, String outcome) {}

    /**
     * Waits up to {@code wait} for request {@code id} of {@code table} (a constant of this package, never input) to
     * be done.
     */
    static <T> Optional<Done<T>> awaitDone(
            JdbcClient jdbc, String table, String resultColumn, Class<T> type, long id, Duration wait)
            throws InterruptedException {
        Instant until = Instant.now().plus(wait);
        while (Instant.now().isBefore(until)) {
            Optional<Done<T>> done = jdbc.sql("SELECT " + resultColumn + ", outcome FROM " + table
                            + " WHERE id = :id AND done_at IS NOT NULL")
                    .param("id", id)
                    .query((row, n) -> new Done<>(row.getObject(1, type), row.getString(2)))
                    .optional();
            if (done.isPresent()) {
                return done;
            }
            Thread.sleep(250);
        }
        return Optional.empty();
    }

    /** What the command says when no server took the request in time. */
    static void notTaken(PrintWriter out, String what, long id, Duration wait) {
        out.println("No running server took the " + what + " (number " + id + ") within " + wait.toSeconds()
                + " s; it stays queued and runs when a server starts.");
    }
}
