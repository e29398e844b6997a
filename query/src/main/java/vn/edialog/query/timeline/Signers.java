package vn.edialog.query.timeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signer facts of recently seen chains, by their first certificate. Parsing an X.509 certificate costs more than
 * the rest of a timeline row, and most events are signed by a handful of keys (the agencies', the system's), so a
 * replay parses each certificate about once. Bounded, least recently used first out.
 */
final class Signers {

    private static final int CAPACITY = 1_000;

    private final Map<String, Optional<Signer>> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Signer>> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The facts of the chain's first certificate, or null when there is none or it does not parse. */
    synchronized Signer of(List<String> chain) {
        if (chain == null || chain.isEmpty()) {
            return null;
        }
        return cache.computeIfAbsent(chain.get(0), first -> Signer.fromChain(Collections.singletonList(first)))
                .orElse(null);
    }
}
