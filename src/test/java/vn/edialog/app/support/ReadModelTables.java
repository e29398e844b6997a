package vn.edialog.app.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tables each read model owns, by processing group, each with an order that lists its rows stably: what a rebuild
 * must reproduce row for row.
 */
public final class ReadModelTables {

    /** Processing group → (table → ORDER BY columns), in the order of {@code ProjectionRebuilder.PROJECTIONS}. */
    public static final Map<String, Map<String, String>> BY_PROJECTION = Map.of(
            "dialogue-summary", ordered("dialogue_summary", "dialogue_id"),
            "dialogue-timeline", ordered("timeline_event", "dialogue_id, sequence", "timeline_chain", "chain_hash"),
            "published-dialogue", ordered("portal_dialogue", "dialogue_id", "published_dialogue", "dialogue_id"),
            "party-inbox",
                    ordered(
                            "inbox_dialogue",
                            "dialogue_id",
                            "inbox_party",
                            "tenant, party_kind, party_id, dialogue_id"),
            "sla-facts", ordered("sla_dialogue", "dialogue_id", "sla_step", "dialogue_id, forward_number, round"));

    private ReadModelTables() {}

    /** Every read model table (table → ORDER BY columns), read model by read model. */
    public static Map<String, String> all(Iterable<String> projections) {
        Map<String, String> tables = new LinkedHashMap<>();
        projections.forEach(projection -> tables.putAll(BY_PROJECTION.get(projection)));
        return tables;
    }

    private static Map<String, String> ordered(String... tableAndOrder) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (int i = 0; i < tableAndOrder.length; i += 2) {
            tables.put(tableAndOrder[i], tableAndOrder[i + 1]);
        }
        return tables;
    }
}
