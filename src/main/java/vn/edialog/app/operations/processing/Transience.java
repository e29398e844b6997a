package vn.edialog.app.operations.processing;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Failures that heal by themselves (the database restarting, a lost connection, a serialization failure or a
 * deadlock): retried with back-off and never parked.
 */
final class Transience {

    private Transience() {}

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (transientState(next.getSQLState())) {
                        return true;
                    }
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Class 08 (connection exception), 40001 (serialization failure), 40P01 (deadlock), 57P01-57P03 (the server shuts
     * down, is terminated or cannot connect yet, as a restart or {@code pg_terminate_backend} causes).
     */
    private static boolean transientState(String state) {
        return state != null
                && (state.startsWith("08")
                        || state.equals("40001")
                        || state.equals("40P01")
                        || state.equals("57P01")
                        || state.equals("57P02")
                        || state.equals("57P03"));
    }
}
