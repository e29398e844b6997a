package vn.edialog.app.evidence;

import java.security.cert.TrustAnchor;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.command.timestamp.ArchiveRenewals;
import vn.edialog.command.timestamp.MerkleTree;
import vn.edialog.command.timestamp.TimeStampClient;
import vn.edialog.command.timestamp.TimeStampUnavailable;

/**
 * Renews the store's archive time-stamps (ADR 017, {@link ArchiveRenewals}): when time-stamps wait that no renewal
 * covers and the oldest is older than the interval, or an authority whose proof is still to be carried on ends within
 * the margin, one new time-stamp over a tree of all of them and of the previous renewal's token renews the whole
 * store. One node at a time (a cluster-wide advisory lock); with no authority answering, the next run tries again.
 */
public final class ArchiveTimeStamps {

    private static final Logger log = LoggerFactory.getLogger(ArchiveTimeStamps.class);
    private static final long LOCK = 0x65446962L; // "eDib"

    /** When to renew and how much at once. */
    public record Policy(Duration interval, Duration renewBefore, int maxLeaves) {}

    /** What verify-store says of the archive time-stamps. */
    public record Report(ArchiveRenewals renewals, long uncovered) {}

    private record Leaf(String kind, String ref, byte[] digest, Instant authorityExpires, Instant stampedAt) {}

    private ArchiveTimeStamps() {}

    /** Renews when due, in the caller's transaction; returns how many tokens the new renewal covers (0: none made). */
    static int renew(JdbcClient jdbc, TimeStampClient client, Policy policy, Instant now) {
        boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query(Boolean.class)
                .single();
        if (!locked) {
            return 0;
        }
        List<Leaf> leaves = new ArrayList<>();
        Optional<Leaf> previous = jdbc.sql(
                        "select id, token, authority_expires, stamped_at from archive_renewal order by id desc limit 1")
                .query((row, n) -> new Leaf(
                        "renewal",
                        Long.toString(row.getLong(1)),
                        ArchiveRenewals.digest(token(row.getBytes(2))),
                        row.getTimestamp(3).toInstant(),
                        row.getTimestamp(4).toInstant()))
                .optional();
        previous.ifPresent(leaves::add);
        leaves.addAll(uncovered(jdbc, policy.maxLeaves()));
        List<Leaf> waiting =
                leaves.stream().filter(l -> !l.kind().equals("renewal")).toList();
        boolean lastEnding =
                previous.isPresent() && previous.get().authorityExpires().isBefore(now.plus(policy.renewBefore()));
        boolean waitingLong = waiting.stream().anyMatch(l -> l.stampedAt().isBefore(now.minus(policy.interval())));
        boolean waitingEnding =
                waiting.stream().anyMatch(l -> l.authorityExpires().isBefore(now.plus(policy.renewBefore())));
        if (!lastEnding && !(waiting.size() > 0 && (waitingLong || waitingEnding))) {
            return 0;
        }
        byte[] root = MerkleTree.root(leaves.stream().map(Leaf::digest).toList());
        TimeStampClient.Stamped stamped;
        try {
            stamped = client.stamped(root);
        } catch (TimeStampUnavailable e) {
            log.warn("Archive time-stamps not renewed ({} tokens wait): {}", waiting.size(), e.getMessage());
            return 0;
        }
        long id;
        try {
            id = jdbc.sql(
                            """
                            insert into archive_renewal (leaves, root, token, stamped_at, authority, authority_expires)
                            values (:leaves, :root, :token, :at, :authority, :expires) returning id
                            """)
                    .param("leaves", leaves.size())
                    .param("root", root)
                    .param("token", stamped.token().getEncoded())
                    .param("at", Timestamp.from(stamped.facts().time()))
                    .param("authority", stamped.facts().authority())
                    .param("expires", Timestamp.from(stamped.facts().authorityExpires()))
                    .query(Long.class)
                    .single();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < leaves.size(); i++) {
            Leaf leaf = leaves.get(i);
            jdbc.sql(
                            """
                            insert into archive_renewal_leaf (renewal_id, leaf_index, kind, ref, digest)
                            values (:id, :i, :kind, :ref, :digest)""")
                    .param("id", id)
                    .param("i", i)
                    .param("kind", leaf.kind())
                    .param("ref", leaf.ref())
                    .param("digest", leaf.digest())
                    .update();
        }
        log.info(
                "Archive time-stamp {} renews {} time-stamp(s){}; its authority's certificate lasts until {}",
                id,
                waiting.size(),
                previous.isPresent() ? " and the previous renewal" : "",
                stamped.facts().authorityExpires());
        return leaves.size();
    }

    /** The signatures' and anchors' tokens no renewal covers yet, oldest first. */
    private static List<Leaf> uncovered(JdbcClient jdbc, int max) {
        List<Leaf> leaves = new ArrayList<>();
        jdbc.sql(
                        """
                        select s.dialogue_id::text || '/' || s.sequence, s.token, s.stamped_at from signature_timestamp s
                        where s.token is not null and not exists (
                            select 1 from archive_renewal_leaf l
                            where l.kind = 'signature' and l.ref = s.dialogue_id::text || '/' || s.sequence)
                        order by s.stamped_at limit :max""")
                .param("max", max)
                .query((row, n) -> leaf("signature", row.getString(1), row.getBytes(2), row.getTimestamp(3)))
                .list()
                .forEach(leaves::add);
        jdbc.sql(
                        """
                        select a.id::text, a.token, a.stamped_at from chain_anchor a
                        where not exists (
                            select 1 from archive_renewal_leaf l where l.kind = 'anchor' and l.ref = a.id::text)
                        order by a.id limit :max""")
                .param("max", Math.max(0, max - leaves.size()))
                .query((row, n) -> leaf("anchor", row.getString(1), row.getBytes(2), row.getTimestamp(3)))
                .list()
                .forEach(leaves::add);
        return leaves;
    }

    private static Leaf leaf(String kind, String ref, byte[] bytes, Timestamp stampedAt) {
        TimeStampToken token = token(bytes);
        return new Leaf(kind, ref, ArchiveRenewals.digest(token), authorityExpires(token), stampedAt.toInstant());
    }

    private static TimeStampToken token(byte[] bytes) {
        try {
            return new TimeStampToken(new CMSSignedData(bytes));
        } catch (Exception e) {
            throw new IllegalStateException("a stored time-stamp token is unreadable: " + e.getMessage(), e);
        }
    }

    /** When the certificate that signed {@code token} ends (it is carried in the token: certReq). */
    private static Instant authorityExpires(TimeStampToken token) {
        @SuppressWarnings("unchecked")
        var matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            return Instant.MIN;
        }
        return ((org.bouncycastle.cert.X509CertificateHolder) matches.iterator().next())
                .getNotAfter()
                .toInstant();
    }

    /** The stored renewals, oldest first, with their leaves in tree order. */
    public static List<ArchiveRenewals.Renewal> load(JdbcClient jdbc) {
        Map<Long, List<byte[]>> leaves = new LinkedHashMap<>();
        jdbc.sql("select renewal_id, digest from archive_renewal_leaf order by renewal_id, leaf_index")
                .query((row, n) -> {
                    leaves.computeIfAbsent(row.getLong(1), k -> new ArrayList<>())
                            .add(row.getBytes(2));
                    return null;
                })
                .list();
        return jdbc.sql("select id, token from archive_renewal order by id")
                .query((row, n) -> new ArchiveRenewals.Renewal(
                        row.getLong(1), leaves.getOrDefault(row.getLong(1), List.of()), row.getBytes(2)))
                .list();
    }

    /** The renewals verified, and how many time-stamps no renewal covers yet. */
    public static Report audit(JdbcClient jdbc, Set<TrustAnchor> roots) {
        ArchiveRenewals renewals = ArchiveRenewals.verify(load(jdbc), roots);
        long uncovered = jdbc.sql(
                        """
                        select (select count(*) from signature_timestamp s where s.token is not null and not exists (
                                    select 1 from archive_renewal_leaf l
                                    where l.kind = 'signature' and l.ref = s.dialogue_id::text || '/' || s.sequence))
                             + (select count(*) from chain_anchor a where not exists (
                                    select 1 from archive_renewal_leaf l where l.kind = 'anchor' and l.ref = a.id::text))
                        """)
                .query(Long.class)
                .single();
        return new Report(renewals, uncovered);
    }
}
