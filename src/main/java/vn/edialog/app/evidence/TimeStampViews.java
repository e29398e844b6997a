package vn.edialog.app.evidence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.edialog.query.timeline.TimelineEntry;

/**
 * The time-stamps of a timeline's events for its pages, called from the timeline fragment as {@code
 * @timeStampViews}: when each signature's time-stamp was made and by which authority (its certificate's common
 * name). An event without one is still awaiting it.
 */
@Component("timeStampViews")
public class TimeStampViews {

    /** One event's time-stamp: its time and its authority's name. */
    public record Stamp(Instant time, String authority) {}

    private final JdbcClient jdbc;

    TimeStampViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stamps of {@code entries} (events of one dialogue), by sequence number; events awaiting one are absent. */
    public Map<Long, Stamp> of(List<TimelineEntry> entries) {
        Map<Long, Stamp> stamps = new HashMap<>();
        if (entries == null || entries.isEmpty()) {
            return stamps;
        }
        jdbc.sql(
                        """
                        select sequence, stamped_at, authority from signature_timestamp
                        where dialogue_id = :id and token is not null
                        """)
                .param("id", entries.get(0).dialogueId())
                .query(row -> {
                    stamps.put(
                            row.getLong("sequence"),
                            new Stamp(
                                    row.getTimestamp("stamped_at").toInstant(),
                                    commonName(row.getString("authority"))));
                });
        return stamps;
    }

    /** The anchor an event is a leaf of: its number and the time its time-stamp proves. */
    public record Anchor(long id, Instant time) {}

    /** The anchors of {@code entries} (events of one dialogue), by sequence number; events awaiting one are absent. */
    public Map<Long, Anchor> anchors(List<TimelineEntry> entries) {
        Map<Long, Anchor> anchors = new HashMap<>();
        if (entries == null || entries.isEmpty()) {
            return anchors;
        }
        jdbc.sql(
                        """
                        select e.sequencenumber, a.id, a.stamped_at from domainevententry e
                        join chain_anchor_leaf l on l.global_index = e.globalindex
                        join chain_anchor a on a.id = l.anchor_id
                        where e.aggregateidentifier = :id
                        """)
                .param("id", entries.get(0).dialogueId().toString())
                .query(row -> {
                    anchors.put(
                            row.getLong(1),
                            new Anchor(row.getLong(2), row.getTimestamp(3).toInstant()));
                });
        return anchors;
    }

    /** The CN of an RFC 2253 name, or the whole name when it has none. */
    static String commonName(String name) {
        try {
            RDN[] cn = new X500Name(BCStyle.INSTANCE, name).getRDNs(BCStyle.CN);
            return cn.length == 0 ? name : cn[0].getFirst().getValue().toString();
        } catch (IllegalArgumentException unparsable) {
            return name;
        }
    }
}
