package vn.edialog.command.signature.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.Provider;
import java.security.Security;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.signature.CrlSource;
import vn.edialog.command.signature.Envelope;
import vn.edialog.command.signature.EnvelopeVerifier;
import vn.edialog.command.signature.RevocationMode;
import vn.edialog.command.signature.SignaturePolicy;
import vn.edialog.command.signature.SignatureRefusal;
import vn.edialog.command.signature.VerifiedEnvelope;
import vn.edialog.command.timestamp.CadesSignatures;
import vn.edialog.command.timestamp.TimeStampAuthority;
import vn.edialog.command.timestamp.TimeStampClient;
import vn.edialog.command.timestamp.TimeStampVerifier;
import vn.edialog.command.timestamp.ValidationValues;

/**
 * Throughput of raw Bouncy Castle CMS + PKIX verification against the product's full {@link EnvelopeVerifier}, on the
 * same pre-signed envelopes, in one JVM run (the machine is shared and noisy: only the ratios of one run mean
 * something). Single thread; warm-up, then interleaved rounds; prints the median ops/s of each variant and its ratio
 * to the raw baseline. Not a test: run it with {@code ./mvnw -B -Pbench -pl command verify}.
 *
 * <p>Variants per signer (ECDSA P-256 and RSA-2048 leaves under an EC P-256 CA and an EC P-384 root): raw BC with
 * certificate objects reused between calls as the product reuses them (the like-for-like baseline), raw BC parsing
 * the certificates on every call, the product with revocation REQUIRE over local CRLs (its default policy), and the
 * product with revocation OFF (the raw baselines check no revocation).
 *
 * <p>System properties: {@code bench.envelopes} (distinct envelopes per signer, default 2000), {@code bench.warmup}
 * (seconds per variant, default 3), {@code bench.rounds} (default 5), {@code bench.round} (seconds per variant and
 * round, default 1.5), {@code bench.target} (minimum product/raw ratio, default 0.80; reported, never asserted).
 */
public final class SignatureBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TENANT = "bac-ninh";

    /** About 1.4 KB of UTF-8: a business's question to the province, in Vietnamese. */
    private static final String BODY = "Kính gửi Sở Kế hoạch và Đầu tư tỉnh Bắc Ninh. Công ty chúng tôi đang chuẩn bị"
            + " mở rộng nhà xưởng tại khu công nghiệp Quế Võ và muốn hỏi về thủ tục điều chỉnh giấy chứng nhận đăng"
            + " ký đầu tư. Cụ thể: (1) hồ sơ cần những giấy tờ gì khi tăng vốn đầu tư từ 50 tỷ đồng lên 120 tỷ đồng;"
            + " (2) thời gian giải quyết theo quy định là bao nhiêu ngày làm việc; (3) có thể nộp hồ sơ trực tuyến"
            + " qua Cổng dịch vụ công quốc gia hay phải nộp trực tiếp tại Trung tâm Phục vụ hành chính công; (4) việc"
            + " đánh giá tác động môi trường có phải thực hiện lại khi diện tích nhà xưởng tăng thêm khoảng 8.000 mét"
            + " vuông hay không. Chúng tôi xin cảm ơn và mong nhận được hướng dẫn sớm để kịp tiến độ sản xuất quý"
            + " tới. Trân trọng.";

    private SignatureBenchmark() {}

    /** One measured operation over envelope {@code i}; returns something derived from the result. */
    private interface Op {
        int run(int i) throws Exception;
    }

    private record Variant(String name, Op op) {}

    private record Signed(Envelope envelope, byte[] payload, byte[] cms) {}

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.envelopes", 2000);
        double warmup = Double.parseDouble(System.getProperty("bench.warmup", "3"));
        int rounds = Integer.getInteger("bench.rounds", 5);
        double round = Double.parseDouble(System.getProperty("bench.round", "1.5"));
        double target = Double.parseDouble(System.getProperty("bench.target", "0.80"));
        long started = System.nanoTime();

        Provider bc = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (bc == null) {
            bc = new BouncyCastleProvider();
            Security.addProvider(bc);
        }
        TestPki pki = TestPki.generate(URI.create("http://localhost:8080"));
        Instant now = Instant.now();
        // The envelopes are signed "now" and the product refuses more than 5 minutes of skew: a fixed clock keeps a
        // long run (large bench.* values) valid. Reading a fixed clock costs nanoseconds against ~0.5 ms per verify.
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        // As the product runs: default policy (revocation REQUIRE, RSA >= 2048, 5 min skew), CRLs from a local
        // collection. pki.envelopeVerifier(clock) is the same policy but its test CRL source re-indexes the CRLs on
        // every lookup, which a deployment does not do.
        EnvelopeVerifier productCrl =
                new EnvelopeVerifier(SignaturePolicy.defaults(), pki.trustAnchors(), CrlSource.of(pki.crls()), clock);
        EnvelopeVerifier productNoRevocation = new EnvelopeVerifier(
                SignaturePolicy.defaults().withRevocation(RevocationMode.OFF),
                pki.trustAnchors(),
                CrlSource.none(),
                clock);
        if (productCrl.policy().revocation() != RevocationMode.REQUIRE) {
            throw new IllegalStateException("the product verifier does not REQUIRE revocation checking");
        }
        sanityCheckRevocation(pki, productCrl, now);

        System.out.printf(
                Locale.ROOT,
                "%nSignatureBenchmark: Java %s, %s %s, %d CPUs, %d envelopes per signer, warm-up %.1f s,"
                        + " %d rounds x %.1f s per variant, single thread%n",
                System.getProperty("java.version"),
                bc.getName(),
                bc.getVersionStr(),
                Runtime.getRuntime().availableProcessors(),
                n,
                warmup,
                rounds,
                round);

        List<String[]> table = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        for (Credential signer : List.of(pki.business(), pki.businessRsa())) {
            String alg =
                    signer.certificate().getPublicKey().getAlgorithm().startsWith("EC") ? "ECDSA P-256" : "RSA-2048";
            long t0 = System.nanoTime();
            List<Signed> envelopes = sign(signer, n, now);
            int payloadBytes = envelopes.get(0).payload().length;
            int cmsBytes = envelopes.get(0).cms().length;
            System.out.printf(
                    Locale.ROOT,
                    "%s: signed %d envelopes in %.1f s (payload %d B, CMS %d B, chain leaf + public CA P-256,"
                            + " root P-384)%n",
                    alg,
                    n,
                    (System.nanoTime() - t0) / 1e9,
                    payloadBytes,
                    cmsBytes);

            // B-LT, as the product makes it after acceptance: a signature-time-stamp (the demo authority, in the
            // process: no network on the measured path), the token verified, the validation values captured from the
            // local CRLs, the CAdES-LT signature assembled.
            TimeStampAuthority authority =
                    new TimeStampAuthority(pki.timeStamping(), TimeStampAuthority.DEMO_POLICY, Clock.systemUTC());
            TimeStampClient stamps = new TimeStampClient(
                    List.of(TimeStampClient.Authority.local(authority, "demo")),
                    TimeStampAuthority.DEMO_POLICY,
                    new TimeStampVerifier(Set.of(pki.trustAnchor())));
            CrlSource localCrls = CrlSource.of(pki.crls());
            List<X509Certificate> roots = List.of(pki.root().certificate());
            Op longTerm = i -> {
                Signed s = envelopes.get(i);
                TimeStampToken token = stamps.stamp(CadesSignatures.signatureValue(s.cms()));
                ValidationValues values = ValidationValues.of(s.cms(), signer.chain(), token, roots, localCrls);
                return CadesSignatures.extend(s.cms(), token, values.certificates(), values.crls()).length;
            };
            byte[] firstLt;
            int tokenBytes;
            {
                Signed s = envelopes.get(0);
                TimeStampToken token = stamps.stamp(CadesSignatures.signatureValue(s.cms()));
                tokenBytes = token.getEncoded().length;
                ValidationValues values = ValidationValues.of(s.cms(), signer.chain(), token, roots, localCrls);
                firstLt = CadesSignatures.extend(s.cms(), token, values.certificates(), values.crls());
            }

            TrustAnchor anchor = pki.trustAnchor();
            RawVerifier rawCached = new RawVerifier(bc, anchor, true);
            RawVerifier rawParsed = new RawVerifier(bc, anchor, false);
            List<Variant> variants = List.of(
                    new Variant("raw BC, certs reused (baseline)", i -> {
                        Signed s = envelopes.get(i);
                        return rawCached.verify(s.cms(), s.payload());
                    }),
                    new Variant("raw BC, certs parsed per call", i -> {
                        Signed s = envelopes.get(i);
                        return rawParsed.verify(s.cms(), s.payload());
                    }),
                    new Variant(
                            "product verify(), CRL REQUIRE",
                            i -> consume(productCrl.verify(envelopes.get(i).envelope()))),
                    new Variant(
                            "product verify(), revocation OFF",
                            i -> consume(
                                    productNoRevocation.verify(envelopes.get(i).envelope()))),
                    new Variant("B-LT evidence (stamp, capture, assemble)", longTerm));
            for (Variant v : variants) {
                v.op().run(0); // fail fast, before any timing
            }
            double[][] results = measure(variants, n, warmup, rounds, round);
            double rawMedian = median(results[0]);
            double parsedMedian = median(results[1]);
            for (int v = 0; v < variants.size(); v++) {
                double med = median(results[v]);
                double[] sorted = results[v].clone();
                Arrays.sort(sorted);
                table.add(new String[] {
                    alg,
                    variants.get(v).name(),
                    String.format(Locale.ROOT, "%,.0f", med),
                    String.format(Locale.ROOT, "%.0f", 1e6 / med),
                    String.format(Locale.ROOT, "%,.0f..%,.0f", sorted[0], sorted[sorted.length - 1]),
                    String.format(Locale.ROOT, "%.2f", med / rawMedian),
                    String.format(Locale.ROOT, "%.2f", medianRatio(results[v], results[0])),
                    String.format(Locale.ROOT, "%.2f", med / parsedMedian)
                });
                if (v == 4) {
                    double acceptance = median(results[2]);
                    verdicts.add(String.format(
                            Locale.ROOT,
                            "%s, B-LT evidence per message: %.2fx the time of the product's verification at acceptance"
                                    + " (CRL REQUIRE); CMS %d B at B, %d B at LT (%.1fx); stored beside the event per"
                                    + " message: the token, %d B (certificates and CRLs are kept once, shared)",
                            alg,
                            acceptance / med,
                            cmsBytes,
                            firstLt.length,
                            (double) firstLt.length / cmsBytes,
                            tokenBytes));
                } else if (v >= 2) {
                    double ratio = med / rawMedian;
                    verdicts.add(String.format(
                            Locale.ROOT,
                            "%s, %s: %.0f%% of raw (certs reused), %.0f%% of raw (certs parsed); target >= %.0f%%:"
                                    + " %s",
                            alg,
                            variants.get(v).name(),
                            100 * ratio,
                            100 * med / parsedMedian,
                            100 * target,
                            ratio >= target ? "meets target" : "BELOW target"));
                }
            }
        }
        printTable(table);
        for (String v : verdicts) {
            System.out.println(v);
        }
        System.out.printf(
                Locale.ROOT,
                "vs raw = median ops/s / median ops/s of raw BC with reused certificates (the like-for-like baseline);"
                        + " per-round = median of the per-round ratios; vs raw parsed = against raw BC parsing the"
                        + " certificates on every call. Total %.0f s.%n%n",
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * The plain Bouncy Castle work: parse the DER CMS, verify the signer (with its message-digest), validate the
     * embedded chain to the root with BC's PKIX validator. With {@code reuseCertificates} the certificates are
     * resolved through a map from their DER bytes to the parsed object, as the product does ({@code Bc.certificate}):
     * BC then keeps each key's validated point and multiplication tables between calls. Without it every call parses
     * fresh certificate objects and pays for that again (about 0.2 ms per P-256 key).
     */
    private static final class RawVerifier {
        private final Provider bc;
        private final JcaX509CertificateConverter converter;
        private final CertificateFactory factory;
        private final CertPathValidator validator;
        private final Set<TrustAnchor> anchors;
        private final Map<ByteBuffer, X509Certificate> parsed;

        RawVerifier(Provider bc, TrustAnchor anchor, boolean reuseCertificates) throws Exception {
            this.bc = bc;
            this.converter = new JcaX509CertificateConverter().setProvider(bc);
            this.factory = CertificateFactory.getInstance("X.509", bc);
            this.validator = CertPathValidator.getInstance("PKIX", bc);
            this.anchors = Set.of(anchor);
            this.parsed = reuseCertificates ? new HashMap<>() : null;
        }

        private X509Certificate certificate(X509CertificateHolder h) throws Exception {
            if (parsed == null) {
                return converter.getCertificate(h);
            }
            ByteBuffer key = ByteBuffer.wrap(h.getEncoded());
            X509Certificate c = parsed.get(key);
            if (c == null) {
                c = converter.getCertificate(h);
                parsed.put(key, c);
            }
            return c;
        }

        int verify(byte[] cms, byte[] content) throws Exception {
            CMSSignedData sd = new CMSSignedData(new CMSProcessableByteArray(content), cms);
            Collection<SignerInformation> signers = sd.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new IllegalStateException("expected one signer");
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> store = sd.getCertificates();
            List<X509Certificate> path = new ArrayList<>(2);
            X509Certificate leaf = null;
            for (X509CertificateHolder h : store.getMatches(null)) {
                X509Certificate c = certificate(h);
                if (leaf == null && signer.getSID().match(h)) {
                    leaf = c;
                    path.add(0, c);
                } else {
                    path.add(c);
                }
            }
            if (leaf == null) {
                throw new IllegalStateException("signer certificate not embedded");
            }
            if (!signer.verify(
                    new JcaSimpleSignerInfoVerifierBuilder().setProvider(bc).build(leaf))) {
                throw new IllegalStateException("signature does not verify");
            }
            CertPath cp = factory.generateCertPath(path);
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            validator.validate(cp, params);
            return path.size() + leaf.hashCode();
        }
    }

    private static int consume(VerifiedEnvelope v) {
        return v.chain().size() + v.nonce().hashCode();
    }

    /** A certificate on the CRL must be refused: proves the REQUIRE verifier really consults the CRLs. */
    private static void sanityCheckRevocation(TestPki pki, EnvelopeVerifier verifier, Instant now) {
        Envelope revoked = pki.revoked().envelope(payload(now));
        try {
            verifier.verify(revoked);
            throw new IllegalStateException("the CRL-checking verifier accepted a revoked certificate");
        } catch (SignatureRefusal expected) {
            System.out.println("sanity: revoked signer refused by the CRL-checking verifier (" + expected.reason()
                    + "); valid signers accepted");
        }
    }

    private static ObjectNode payload(Instant signedAt) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("type", "ask");
        p.put("tenant", TENANT);
        p.put("dialogueId", UUID.randomUUID().toString());
        p.put("nonce", UUID.randomUUID().toString());
        p.put("signedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(signedAt.atOffset(ZoneOffset.ofHours(7))));
        p.put("topic", "Thủ tục điều chỉnh giấy chứng nhận đăng ký đầu tư");
        p.put("subject", "Hỏi về hồ sơ tăng vốn và mở rộng nhà xưởng tại KCN Quế Võ");
        p.put("body", BODY);
        return p;
    }

    private static List<Signed> sign(Credential signer, int n, Instant now) {
        List<Signed> out = new ArrayList<>(n);
        Base64.Decoder b64 = Base64.getDecoder();
        for (int i = 0; i < n; i++) {
            Envelope e = signer.envelope(payload(now));
            out.add(new Signed(e, b64.decode(e.payload()), b64.decode(e.signature())));
        }
        return out;
    }

    /** Warm-up of each variant, then {@code rounds} interleaved rounds (start rotated); returns ops/s per variant and
     * round. */
    private static double[][] measure(List<Variant> variants, int n, double warmup, int rounds, double round)
            throws Exception {
        int[] cursor = new int[1];
        for (Variant v : variants) {
            run(v.op(), n, cursor, (long) (warmup * 1e9));
        }
        double[][] out = new double[variants.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < variants.size(); k++) {
                int v = (r + k) % variants.size();
                out[v][r] = run(variants.get(v).op(), n, cursor, (long) (round * 1e9));
            }
        }
        return out;
    }

    private static volatile int sink;

    /** Runs {@code op} over the envelopes, cycling, for about {@code nanos}; returns ops/s. */
    private static double run(Op op, int n, int[] cursor, long nanos) throws Exception {
        int acc = 0;
        long ops = 0;
        long start = System.nanoTime();
        long end = start + nanos;
        long t;
        int i = cursor[0];
        do {
            for (int b = 0; b < 8; b++) {
                acc += op.run(i);
                if (++i == n) {
                    i = 0;
                }
            }
            ops += 8;
            t = System.nanoTime();
        } while (t < end);
        cursor[0] = i;
        sink += acc;
        return ops * 1e9 / (t - start);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    private static double medianRatio(double[] product, double[] raw) {
        double[] r = new double[product.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = product[i] / raw[i];
        }
        return median(r);
    }

    private static void printTable(List<String[]> rows) {
        String[] head = {
            "signer",
            "variant",
            "median ops/s",
            "us/op",
            "min..max ops/s",
            "vs raw",
            "vs raw per-round",
            "vs raw parsed"
        };
        int[] w = new int[head.length];
        for (int c = 0; c < head.length; c++) {
            w[c] = head[c].length();
            for (String[] row : rows) {
                w[c] = Math.max(w[c], row[c].length());
            }
        }
        StringBuilder sb = new StringBuilder("\n");
        appendRow(sb, head, w);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < w.length; c++) {
            rule.append(c == 0 ? "|" : "").append("-".repeat(w[c] + 2)).append('|');
        }
        sb.append(rule).append('\n');
        for (String[] row : rows) {
            appendRow(sb, row, w);
        }
        System.out.print(sb);
    }

    private static void appendRow(StringBuilder sb, String[] row, int[] w) {
        sb.append('|');
        for (int c = 0; c < row.length; c++) {
            boolean numeric = c >= 2;
            String cell =
                    numeric ? " ".repeat(w[c] - row[c].length()) + row[c] : row[c] + " ".repeat(w[c] - row[c].length());
            sb.append(' ').append(cell).append(" |");
        }
        sb.append('\n');
    }
}
