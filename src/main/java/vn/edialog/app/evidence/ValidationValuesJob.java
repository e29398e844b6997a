package vn.edialog.app.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.edialog.app.pki.PkiProperties;
import vn.edialog.app.pki.TimeStamping;
import vn.edialog.command.signature.CrlSource;
import vn.edialog.command.signature.PemFiles;
import vn.edialog.command.timestamp.ValidationValues;

/**
 * Captures, for each time-stamped signature, the certificate and revocation values that validate it and its
 * time-stamp (CAdES-BASELINE-LT), from the same CRL source that checked the signature at acceptance, right after the
 * stamp, so that the CRLs are issued after the time they must vouch for. Rows are taken in batches with {@code skip
 * locked}, as {@link TimeStampJob} takes them; a CRL that cannot be had is named in the row ({@code validation_missing})
 * and the signature stays at CAdES-T for it; the gauge {@code edialog.validation.pending} shows what awaits capture.
 */
@Component
@ConditionalOnProperty(name = "edialog.side-effects", havingValue = "true", matchIfMissing = true)
class ValidationValuesJob {

    private static final Logger log = LoggerFactory.getLogger(ValidationValuesJob.class);
    private static final int MISSING_MAX = 1_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CrlSource crls;
    private final List<X509Certificate> roots;
    private final Clock clock;
    private final int batchSize;
    private final ObjectMapper json = new ObjectMapper();

    ValidationValuesJob(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            CrlSource crls,
            TimeStamping timeStamping,
            PkiProperties pki,
            Clock clock,
            MeterRegistry meters,
            @Value("${edialog.tsa.batch-size:100}") int batchSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.crls = crls;
        List<X509Certificate> all = new ArrayList<>(timeStamping.roots());
        pki.tenantTrustAnchors()
                .values()
                .forEach(files -> files.forEach(f -> all.addAll(PemFiles.readCertificates(f))));
        this.roots = List.copyOf(all);
        this.clock = clock;
        this.batchSize = batchSize;
        Gauge.builder("edialog.validation.pending", this::pending)
                .description("Time-stamped signatures whose certificate and revocation values await capture")
                .register(meters);
    }

    private record Stamped(UUID dialogueId, long sequence, byte[] token, String signature, String chain) {}

    /** One batch: how many signatures got their values. */
    @Scheduled(
            fixedDelayString = "${edialog.tsa.stamp-interval:10s}",
            initialDelayString = "${edialog.tsa.stamp-interval:10s}")
    int capturePending() {
        Integer captured = transactions.execute(status -> {
            List<Stamped> rows = jdbc.sql(
                            """
                            select t.dialogue_id, t.sequence, t.token,
                                convert_from(e.payload, 'UTF8')::jsonb #>> '{evidence,signed,signature}' as signature,
                                convert_from(e.payload, 'UTF8')::jsonb #>> '{evidence,signed,chain}' as chain
                            from signature_timestamp t
                            join domainevententry e
                                on e.aggregateidentifier = t.dialogue_id::text and e.sequencenumber = t.sequence
                            where t.token is not null and t.validation_captured_at is null
                            order by t.stamped_at
                            limit :limit for update of t skip locked
                            """)
                    .param("limit", batchSize)
                    .query((row, n) -> new Stamped(
                            row.getObject("dialogue_id", UUID.class),
                            row.getLong("sequence"),
                            row.getBytes("token"),
                            row.getString("signature"),
                            row.getString("chain")))
                    .list();
            int done = 0;
            for (Stamped row : rows) {
                ValidationValues values;
                try {
                    values = ValidationValues.of(
                            Base64.getDecoder().decode(row.signature()),
                            chain(row.chain()),
                            new TimeStampToken(new CMSSignedData(row.token())),
                            roots,
                            crls);
                } catch (Exception e) {
                    // One unreadable row must not stop the others: it is marked, and verify-store names it.
                    log.warn("No validation values for {}/{}: {}", row.dialogueId(), row.sequence(), e.toString());
                    mark(row, "unreadable: " + e.getMessage());
                    continue;
                }
                for (X509Certificate certificate : values.certificates()) {
                    link(row, "certificate", encoded(certificate));
                }
                for (var crl : values.crls()) {
                    try {
                        link(row, "crl", crl.getEncoded());
                    } catch (java.security.cert.CRLException e) {
                        throw new IllegalStateException(e);
                    }
                }
                mark(row, values.missing().isEmpty() ? null : "missing " + String.join(", ", values.missing()));
                done++;
            }
            return done;
        });
        return captured == null ? 0 : captured;
    }

    private void link(Stamped row, String kind, byte[] der) {
        byte[] sha256 = Digests.sha256(der);
        jdbc.sql(
                        """
                        insert into validation_value (sha256, kind, der, captured_at) values (:sha256, :kind, :der, :at)
                        on conflict (sha256) do nothing
                        """)
                .param("sha256", sha256)
                .param("kind", kind)
                .param("der", der)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        jdbc.sql(
                        """
                        insert into signature_validation_value (dialogue_id, sequence, sha256)
                        values (:id, :seq, :sha256) on conflict do nothing
                        """)
                .param("id", row.dialogueId())
                .param("seq", row.sequence())
                .param("sha256", sha256)
                .update();
    }

    private void mark(Stamped row, String missing) {
        jdbc.sql(
                        """
                        update signature_timestamp set validation_captured_at = :at, validation_missing = :missing
                        where dialogue_id = :id and sequence = :seq
                        """)
                .param("at", Timestamp.from(clock.instant()))
                .param(
                        "missing",
                        missing == null || missing.length() <= MISSING_MAX
                                ? missing
                                : missing.substring(0, MISSING_MAX))
                .param("id", row.dialogueId())
                .param("seq", row.sequence())
                .update();
    }

    long pending() {
        return jdbc.sql(
                        "select count(*) from signature_timestamp where token is not null and validation_captured_at is null")
                .query(Long.class)
                .single();
    }

    private List<X509Certificate> chain(String chainJson) throws Exception {
        List<X509Certificate> chain = new ArrayList<>();
        if (chainJson == null) {
            return chain;
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (JsonNode encoded : json.readTree(chainJson)) {
            chain.add((X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(Base64.getDecoder().decode(encoded.asText()))));
        }
        return chain;
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
