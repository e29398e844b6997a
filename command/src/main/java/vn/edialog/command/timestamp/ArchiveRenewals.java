package vn.edialog.command.timestamp;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.TrustAnchor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The store's archive time-stamps (ADR 017): an evidence record in the manner of RFC 4998. Each renewal is one
 * time-stamp over a Merkle tree (RFC 9162) whose leaves are the SHA-256 of earlier time-stamp tokens: the signatures'
 * and the anchors' tokens no renewal covered yet, and the previous renewal's token. A token whose authority's
 * certificate has expired still proves its time when a renewal made while that certificate was valid covers it, and
 * that renewal is itself valid, or covered in turn by the next: the proof lasts as long as the last renewal's
 * authority. One renewal renews the whole store at once.
 */
public final class ArchiveRenewals {

    private static final HexFormat HEX = HexFormat.of();

    /** One renewal as stored: its leaves (SHA-256 of the tokens it covers, in tree order) and its token. */
    public record Renewal(long id, List<byte[]> leaves, byte[] token) {
        public Renewal {
            leaves = List.copyOf(leaves);
        }
    }

    /** A renewal that verified: when and by whom, and until when its own authority's certificate lasts. */
    public record Verified(long id, Instant time, String authority, Instant authorityExpires, int leaves) {}

    private final List<Verified> verified;
    private final List<String> problems;
    /** The earliest verified renewal covering each token (hex SHA-256). */
    private final Map<String, Verified> coveredBy;

    private final Map<Long, String> tokenDigest;

    private ArchiveRenewals(
            List<Verified> verified, List<String> problems, Map<String, Verified> coveredBy, Map<Long, String> digest) {
        this.verified = List.copyOf(verified);
        this.problems = List.copyOf(problems);
        this.coveredBy = Map.copyOf(coveredBy);
        this.tokenDigest = Map.copyOf(digest);
    }

    /** No renewal: every token's proof ends with its authority's certificate. */
    public static ArchiveRenewals none() {
        return new ArchiveRenewals(List.of(), List.of(), Map.of(), Map.of());
    }

    /**
     * Recomputes each renewal's root from its leaves and verifies its token over that root (authorities trusted under
     * {@code roots}); a renewal that does not verify covers nothing and is named in {@link #problems()}.
     */
    public static ArchiveRenewals verify(List<Renewal> renewals, Set<TrustAnchor> roots) {
        List<Verified> verified = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Verified> coveredBy = new HashMap<>();
        Map<Long, String> digests = new HashMap<>();
        TimeStampVerifier verifier = new TimeStampVerifier(roots);
        for (Renewal renewal : renewals) {
            TimeStampFacts facts;
            try {
                TimeStampToken token = new TimeStampToken(new CMSSignedData(renewal.token()));
                facts = verifier.verify(token, MerkleTree.root(renewal.leaves()));
                digests.put(renewal.id(), HEX.formatHex(digest(token)));
            } catch (TimeStampRefusal e) {
                problems.add("archive time-stamp " + renewal.id() + ": " + e.getMessage());
                continue;
            } catch (Exception e) {
                problems.add("archive time-stamp " + renewal.id() + " is unreadable: " + e.getMessage());
                continue;
            }
            Verified v = new Verified(
                    renewal.id(),
                    facts.time(),
                    facts.authority(),
                    facts.authorityExpires(),
                    renewal.leaves().size());
            verified.add(v);
            for (byte[] leaf : renewal.leaves()) {
                coveredBy.putIfAbsent(HEX.formatHex(leaf), v);
            }
        }
        return new ArchiveRenewals(verified, problems, coveredBy, digests);
    }

    /**
     * Until when {@code token}'s proof holds: its authority's certificate's end, or later when renewals carry it on
     * (each made before the proof it renews had ended).
     */
    public Instant provenUntil(TimeStampToken token, Instant authorityExpires) {
        Instant until = authorityExpires;
        String digest = HEX.formatHex(digest(token));
        for (int hops = 0; hops <= verified.size(); hops++) {
            Verified renewal = coveredBy.get(digest);
            if (renewal == null || renewal.time().isAfter(until)) {
                break;
            }
            if (renewal.authorityExpires().isAfter(until)) {
                until = renewal.authorityExpires();
            }
            digest = tokenDigest.get(renewal.id());
        }
        return until;
    }

    /** The renewals that verified, oldest first. */
    public List<Verified> verified() {
        return verified;
    }

    /** The latest verified renewal, if any. */
    public Optional<Verified> latest() {
        return verified.isEmpty() ? Optional.empty() : Optional.of(verified.get(verified.size() - 1));
    }

    /** What did not verify. */
    public List<String> problems() {
        return problems;
    }

    /** The leaf a token is in an archive tree: SHA-256 of its DER encoding. */
    public static byte[] digest(TimeStampToken token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getEncoded());
        } catch (IOException e) {
            throw new IllegalArgumentException("an unencodable time-stamp token", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
