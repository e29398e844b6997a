package vn.edialog.app.evidence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.command.timestamp.CadesSignatures;
import vn.edialog.command.timestamp.TimeStampRefusal;
import vn.edialog.command.timestamp.TimeStampVerifier;

/**
 * What {@code verify-store} says of the time-stamps: each stored token must be over the signature value of the event
 * it stands beside, as that event is in the event store (not as the row says), and verify against the trusted roots.
 */
public final class TimeStampAudit {

    /**
     * Stamped and verified, still pending, and what is wrong with the others (at most 20 named); of the stamped, how
     * many have their certificate and revocation values captured (CAdES-LT), how many await them, and how many lack
     * some value (a CRL that could not be had).
     */
    public record Report(
            long stamped,
            long pending,
            long invalid,
            List<String> problems,
            long longTerm,
            long awaitingValues,
            long incompleteValues) {}

    private static final int PROBLEMS_SHOWN = 20;

    private TimeStampAudit() {}

    public static Report audit(DataSource dataSource, TimeStampVerifier verifier) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long[] counts = new long[6];
        List<String> problems = new ArrayList<>();
        jdbc.sql(
                        """
                        select t.dialogue_id, t.sequence, t.token, t.validation_captured_at, t.validation_missing,
                            convert_from(e.payload, 'UTF8')::jsonb #>> '{evidence,signed,signature}' as signature
                        from signature_timestamp t
                        left join domainevententry e
                            on e.aggregateidentifier = t.dialogue_id::text and e.sequencenumber = t.sequence
                        order by t.dialogue_id, t.sequence
                        """)
                .query(row -> {
                    String where = row.getString("dialogue_id") + "/" + row.getLong("sequence");
                    byte[] token = row.getBytes("token");
                    String signature = row.getString("signature");
                    if (token == null) {
                        counts[1]++;
                        return;
                    }
                    try {
                        if (signature == null) {
                            throw new TimeStampRefusal("no such event in the store");
                        }
                        verifier.verify(
                                new TimeStampToken(new CMSSignedData(token)),
                                CadesSignatures.signatureValue(
                                        Base64.getDecoder().decode(signature)));
                        counts[0]++;
                        if (row.getTimestamp("validation_captured_at") == null) {
                            counts[4]++;
                        } else if (row.getString("validation_missing") != null) {
                            counts[5]++;
                        } else {
                            counts[3]++;
                        }
                    } catch (TimeStampRefusal
                            | TSPException
                            | CMSException
                            | IOException
                            | IllegalArgumentException e) {
                        counts[2]++;
                        if (problems.size() < PROBLEMS_SHOWN) {
                            problems.add(where + ": " + e.getMessage());
                        }
                    }
                });
        return new Report(counts[0], counts[1], counts[2], List.copyOf(problems), counts[3], counts[4], counts[5]);
    }
}
