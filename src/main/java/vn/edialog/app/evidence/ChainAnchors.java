package vn.edialog.app.evidence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.command.timestamp.MerkleTree;
import vn.edialog.command.timestamp.TimeStampClient;
import vn.edialog.command.timestamp.TimeStampFacts;
import vn.edialog.command.timestamp.TimeStampUnavailable;
import vn.edialog.command.timestamp.TimeStampVerifier;

/**
 * The chain heads anchored (ADR 017): the events stored since the last anchor become the leaves of a Merkle tree
 * (RFC 9162; each leaf is the event's chain hash, in the order of the store), and the tree's root is time-stamped.
 * Anchoring, an event's inclusion proof, and the audit {@code verify-store} makes of every anchor.
 */
public final class ChainAnchors {

    private static final Logger log = LoggerFactory.getLogger(ChainAnchors.class);
    private static final HexFormat HEX = HexFormat.of();
    /** How far below the last anchored index an event that committed late is still looked for. */
    private static final long LATE_COMMIT_WINDOW = 10_000;
    /** One lock of the whole cluster: a single node anchors at a time. */
    private static final long LOCK = 0x65446961L; // "eDia"

    /** An event's proof that it is a leaf of a time-stamped root. */
    public record Proof(
            long anchor,
            String eventHash,
            int leafIndex,
            int leaves,
            String root,
            List<String> path,
            Instant stampedAt,
            String authority,
            byte[] token) {}

    /** What verify-store says of the anchors. */
    public record Report(long anchors, long anchoredEvents, long unanchoredEvents, List<String> problems) {}

    private record Leaf(long globalIndex, byte[] hash) {}

    private ChainAnchors() {}

    /**
     * Anchors the events not anchored yet (at most {@code maxLeaves}), in one transaction the caller holds; returns how
     * many, 0 when there are none, another node is anchoring, or no authority answers.
     */
    static int anchor(JdbcClient jdbc, TimeStampClient client, int maxLeaves) {
        boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query(Boolean.class)
                .single();
        if (!locked) {
            return 0;
        }
        long watermark = jdbc.sql("select coalesce(max(global_index), 0) from chain_anchor_leaf")
                .query(Long.class)
                .single();
        List<Leaf> leaves = jdbc.sql(
                        """
                        select e.globalindex, convert_from(e.payload, 'UTF8')::jsonb #>> '{evidence,hash}' as hash
                        from domainevententry e
                        where e.globalindex > :from
                            and not exists (select 1 from chain_anchor_leaf l where l.global_index = e.globalindex)
                        order by e.globalindex
                        limit :limit
                        """)
                .param("from", Math.max(0, watermark - LATE_COMMIT_WINDOW))
                .param("limit", maxLeaves)
                .query((row, n) -> new Leaf(row.getLong(1), hash(row.getString(2))))
                .list();
        if (leaves.isEmpty()) {
            return 0;
        }
        byte[] root = MerkleTree.root(leaves.stream().map(Leaf::hash).toList());
        TimeStampToken token;
        TimeStampFacts facts;
        try {
            TimeStampClient.Stamped stamped = client.stamped(root);
            token = stamped.token();
            facts = stamped.facts();
        } catch (TimeStampUnavailable e) {
            log.warn("Chain heads not anchored: {} events wait: {}", leaves.size(), e.getMessage());
            return 0;
        }
        long id;
        try {
            id = jdbc.sql(
                            """
                            insert into chain_anchor (leaves, root, token, stamped_at, authority)
                            values (:leaves, :root, :token, :at, :authority) returning id
                            """)
                    .param("leaves", leaves.size())
                    .param("root", root)
                    .param("token", token.getEncoded())
                    .param("at", Timestamp.from(facts.time()))
                    .param("authority", facts.authority())
                    .query(Long.class)
                    .single();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < leaves.size(); i++) {
            jdbc.sql("insert into chain_anchor_leaf (global_index, anchor_id, leaf_index) values (:g, :a, :i)")
                    .param("g", leaves.get(i).globalIndex())
                    .param("a", id)
                    .param("i", i)
                    .update();
        }
        return leaves.size();
    }

    /** The inclusion proof of event {@code sequence} of {@code dialogueId}, once it is anchored. */
    public static Optional<Proof> proof(JdbcClient jdbc, UUID dialogueId, long sequence) {
        record Anchored(long anchor, int leafIndex, int leaves, byte[] root, byte[] token, Instant at, String by) {}
        Optional<Anchored> anchored = jdbc.sql(
                        """
                        select a.id, l.leaf_index, a.leaves, a.root, a.token, a.stamped_at, a.authority
                        from domainevententry e
                        join chain_anchor_leaf l on l.global_index = e.globalindex
                        join chain_anchor a on a.id = l.anchor_id
                        where e.aggregateidentifier = :id and e.sequencenumber = :seq
                        """)
                .param("id", dialogueId.toString())
                .param("seq", sequence)
                .query((row, n) -> new Anchored(
                        row.getLong(1),
                        row.getInt(2),
                        row.getInt(3),
                        row.getBytes(4),
                        row.getBytes(5),
                        row.getTimestamp(6).toInstant(),
                        row.getString(7)))
                .optional();
        return anchored.map(a -> {
            List<byte[]> leaves = leavesOf(jdbc, a.anchor());
            List<String> path = MerkleTree.proof(leaves, a.leafIndex()).stream()
                    .map(HEX::formatHex)
                    .toList();
            return new Proof(
                    a.anchor(),
                    HEX.formatHex(leaves.get(a.leafIndex())),
                    a.leafIndex(),
                    a.leaves(),
                    HEX.formatHex(a.root()),
                    path,
                    a.at(),
                    a.by(),
                    a.token());
        });
    }

    /**
     * Every anchor's root recomputed from its events as the store holds them now, and its token verified over it; the
     * events no anchor covers yet are counted (at most 20 problems named).
     */
    public static Report audit(DataSource dataSource, TimeStampVerifier verifier) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<String> problems = new ArrayList<>();
        long[] counts = new long[2];
        jdbc.sql("select id, leaves, root, token from chain_anchor order by id").query(row -> {
            long id = row.getLong(1);
            counts[0]++;
            List<byte[]> leaves = leavesOf(jdbc, id);
            counts[1] += leaves.size();
            String problem = null;
            if (leaves.size() != row.getInt(2) || leaves.stream().anyMatch(leaf -> leaf == null)) {
                problem = "its events are no longer all in the store";
            } else if (!java.util.Arrays.equals(MerkleTree.root(leaves), row.getBytes(3))) {
                problem = "its root is not the tree of its events' hashes as stored";
            } else {
                try {
                    verifier.verify(new TimeStampToken(new CMSSignedData(row.getBytes(4))), row.getBytes(3));
                } catch (Exception e) {
                    problem = "its time-stamp does not verify: " + e.getMessage();
                }
            }
            if (problem != null && problems.size() < 20) {
                problems.add("anchor " + id + ": " + problem);
            }
        });
        long unanchored = jdbc.sql(
                        """
                        select count(*) from domainevententry e
                        where not exists (select 1 from chain_anchor_leaf l where l.global_index = e.globalindex)
                        """)
                .query(Long.class)
                .single();
        return new Report(counts[0], counts[1], unanchored, List.copyOf(problems));
    }

    /** The leaves of an anchor in order: each event's chain hash as the store holds it now (null when gone). */
    private static List<byte[]> leavesOf(JdbcClient jdbc, long anchor) {
        return jdbc.sql(
                        """
                        select convert_from(e.payload, 'UTF8')::jsonb #>> '{evidence,hash}'
                        from chain_anchor_leaf l
                        left join domainevententry e on e.globalindex = l.global_index
                        where l.anchor_id = :anchor
                        order by l.leaf_index
                        """)
                .param("anchor", anchor)
                .query((row, n) -> {
                    String hash = row.getString(1);
                    return hash == null ? null : hash(hash);
                })
                .list();
    }

    private static byte[] hash(String hex) {
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException | NullPointerException e) {
            // An event without a readable chain hash is anchored as what it is: its absence of one.
            return new byte[0];
        }
    }
}
