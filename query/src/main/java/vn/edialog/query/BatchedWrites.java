package vn.edialog.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A projection's writes, sent to PostgreSQL in JDBC batches. Inside an Axon unit of work (a tracking processor's batch
 * of events, one transaction with its token) the statements are collected and sent when the unit of work prepares to
 * commit, instead of one round trip per statement; outside one (a test calling a handler directly) each statement runs
 * at once.
 *
 * <p>Every statement names the key whose rows it touches (the dialogue): statements keep their order per key (the n-th
 * statement of each key runs before the n+1-th of any key), and statements with the same SQL text in the same round go
 * out as one JDBC batch. A projection may use this only for statements that touch the rows of their own key and
 * return nothing it needs: then statements of different keys commute, and the tables end as if every statement had run
 * alone in order. A read of the projection's own tables inside a unit of work must {@link #flush()} first, or be
 * deferred with {@link #afterWrites} to the end of the batch, once for all its keys.
 */
public final class BatchedWrites {

    private final NamedParameterJdbcOperations jdbc;
    /** Names this instance's pending statements among the unit of work's resources. */
    private final String resource = BatchedWrites.class.getName() + "@" + Integer.toHexString(hashCode());

    public BatchedWrites(NamedParameterJdbcOperations jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc);
    }

    /** A statement on the rows of {@code key}, run when added (outside a unit of work) or at its commit. */
    public Statement sql(Object key, String sql) {
        return new Statement(Objects.requireNonNull(key), Objects.requireNonNull(sql));
    }

    /**
     * Runs the statements and after-write tasks every instance collected so far in the current unit of work, if any:
     * a caller that handles one event at a time (in a savepoint of its own) sees a failing statement as that event's
     * failure rather than its batch's at commit.
     */
    public static void flushAll() {
        if (CurrentUnitOfWork.isStarted()) {
            for (Object resource :
                    List.copyOf(CurrentUnitOfWork.get().root().resources().values())) {
                if (resource instanceof BatchedWrites.Pending pending) {
                    pending.commit();
                }
            }
        }
    }

    /** Runs the statements collected so far in the current unit of work, if any. */
    public void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            Pending pending = CurrentUnitOfWork.get().root().getResource(resource);
            if (pending != null) {
                pending.executeStatements();
            }
        }
    }

    /**
     * Runs {@code task} after the statements: outside a unit of work at once with {@code key}; inside one once, at its
     * commit after all its statements, with every key given for the same {@code name} in that unit of work.
     */
    public void afterWrites(String name, Object key, Consumer<Set<Object>> task) {
        if (!CurrentUnitOfWork.isStarted()) {
            task.accept(Set.of(key));
            return;
        }
        pending().after.computeIfAbsent(name, n -> new AfterWrites(task)).keys.add(key);
    }

    private Pending pending() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(resource, name -> {
            Pending pending = new Pending();
            root.onPrepareCommit(unitOfWork -> pending.commit());
            return pending;
        });
    }

    /** What a unit of work collected: statements in order, then the tasks to run after them. */
    private final class Pending {

        private final List<Statement> statements = new ArrayList<>();
        private final Map<String, AfterWrites> after = new LinkedHashMap<>();

        void executeStatements() {
            if (!statements.isEmpty()) {
                List<Statement> all = new ArrayList<>(statements);
                statements.clear();
                execute(all);
            }
        }

        void commit() {
            executeStatements();
            after.values().forEach(task -> task.task.accept(task.keys));
            after.clear();
        }
    }

    private record AfterWrites(Consumer<Set<Object>> task, Set<Object> keys) {
        AfterWrites(Consumer<Set<Object>> task) {
            this(task, new LinkedHashSet<>());
        }
    }

    /** One statement and its named parameters. */
    public final class Statement {

        private final Object key;
        private final String sql;
        private final MapSqlParameterSource params = new MapSqlParameterSource();

        private Statement(Object key, String sql) {
            this.key = key;
            this.sql = sql;
        }

        public Statement param(String name, Object value) {
            params.addValue(name, value);
            return this;
        }

        public Statement param(String name, Object value, int sqlType) {
            params.addValue(name, value, sqlType);
            return this;
        }

        /** Runs it now (outside a unit of work) or queues it for the unit of work's commit. */
        public void add() {
            if (!CurrentUnitOfWork.isStarted()) {
                jdbc.update(sql, params);
                return;
            }
            pending().statements.add(this);
        }
    }

    /**
     * Runs {@code statements} in rounds: round n holds the n-th statement of every key, in the order they came; within
     * a round, the statements of one SQL text form one JDBC batch.
     */
    private void execute(List<Statement> statements) {
        Map<Object, Integer> seen = new HashMap<>();
        List<Map<String, List<SqlParameterSource>>> rounds = new ArrayList<>();
        for (Statement statement : statements) {
            int round = seen.merge(statement.key, 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new LinkedHashMap<>());
            }
            rounds.get(round)
                    .computeIfAbsent(statement.sql, sql -> new ArrayList<>())
                    .add(statement.params);
        }
        for (Map<String, List<SqlParameterSource>> round : rounds) {
            round.forEach((sql, params) -> {
                if (params.size() == 1) {
                    jdbc.update(sql, params.get(0));
                } else {
                    jdbc.batchUpdate(sql, params.toArray(SqlParameterSource[]::new));
                }
            });
        }
    }
}
