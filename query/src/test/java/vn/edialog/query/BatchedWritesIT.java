package vn.edialog.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.query.support.TestDatabase;

/** Batched writes run at once outside a unit of work, and at its commit inside one, in order per key. */
class BatchedWritesIT {

    private static final String INSERT = "insert into probe (key, value) values (:key, :value)";
    private static final String APPEND = "update probe set value = value || :suffix where key = :key";

    private static NamedParameterJdbcTemplate database;
    private static JdbcClient jdbc;

    /** Counts the round trips: each single update and each JDBC batch. */
    private final List<String> roundTrips = new ArrayList<>();

    private BatchedWrites writes;

    @BeforeAll
    static void database() {
        database = TestDatabase.fresh();
        jdbc = JdbcClient.create(database);
        jdbc.sql("create table probe (key text primary key, value text not null)")
                .update();
    }

    @BeforeEach
    void empty() {
        jdbc.sql("delete from probe").update();
        writes = new BatchedWrites(new NamedParameterJdbcTemplate(database.getJdbcTemplate()) {
            @Override
            public int update(String sql, SqlParameterSource params) {
                roundTrips.add("update");
                return super.update(sql, params);
            }

            @Override
            public int[] batchUpdate(String sql, SqlParameterSource[] params) {
                roundTrips.add("batch of " + params.length);
                return super.batchUpdate(sql, params);
            }
        });
    }

    private Map<String, String> rows() {
        return jdbc
                .sql("select key, value from probe order by key")
                .query((rows, n) -> Map.entry(rows.getString(1), rows.getString(2)))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void insert(String key, String value) {
        writes.sql(key, INSERT).param("key", key).param("value", value).add();
    }

    private void append(String key, String suffix) {
        writes.sql(key, APPEND).param("key", key).param("suffix", suffix).add();
    }

    @Test
    void outsideAUnitOfWorkEachStatementRunsAtOnce() {
        insert("a", "1");
        assertThat(rows()).containsExactlyEntriesOf(Map.of("a", "1"));
        assertThat(roundTrips).containsExactly("update");
    }

    @Test
    void insideAUnitOfWorkStatementsRunAtCommitInOrderPerKeyAndBatchedBySqlText() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        insert("a", "1");
        insert("b", "1");
        append("a", "2");
        insert("c", "1");
        append("b", "2");
        append("a", "3");
        assertThat(rows()).as("nothing before the commit").isEmpty();

        unitOfWork.commit();

        assertThat(rows()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "123", "b", "12", "c", "1"));
        // Round 1: the inserts of a, b, c; round 2: the first appends of a and b; round 3: the second append of a.
        assertThat(roundTrips).containsExactly("batch of 3", "batch of 2", "update");
    }

    @Test
    void flushRunsWhatIsPendingSoThatAReadSeesIt() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        insert("a", "1");
        writes.flush();
        assertThat(rows()).containsExactlyEntriesOf(Map.of("a", "1"));
        append("a", "2");

        unitOfWork.commit();

        assertThat(rows()).containsExactlyEntriesOf(Map.of("a", "12"));
    }

    @Test
    void aRolledBackUnitOfWorkWritesNothing() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        insert("a", "1");

        unitOfWork.rollback();

        assertThat(rows()).isEmpty();
        assertThat(roundTrips).isEmpty();
    }
}
