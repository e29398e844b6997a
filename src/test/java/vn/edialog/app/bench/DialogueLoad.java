package vn.edialog.app.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import vn.edialog.app.access.Official;
import vn.edialog.app.submission.GovernmentActions;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.Envelopes;
import vn.edialog.command.dialogue.api.RejectionReason;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.TestPki;

/**
 * End-to-end load through the product's real entry points, from several client threads. An asker's commands (ask,
 * clarify, rate) go over HTTP as envelopes signed with the test PKI's business and citizen keys, through the whole
 * intake (CMS and path verification with CRLs, nonce, tracking code, aggregate, event store, receipt). Officials' actions
 * go through {@link GovernmentActions}, the service the Tasklist's task forms call (signed with the agency's key, nonce,
 * command, one transaction) but without a Tasklist round trip; the process bridge then moves each dialogue's Camunda
 * process with the events, as in production.
 *
 * <p>Each client thread takes the next dialogue and plays its whole story; the mix of stories is fixed by the
 * dialogue's number (out of 20): 14 forwarded, acknowledged, answered, published and rated (6 events); 3 clarified
 * first, then forwarded and answered (5); 2 rejected (2); 1 forwarded, extended, answered and published (6). With
 * {@code -Dbench.confidential=F} (0 to 1) that fraction of the dialogues, interleaved, is confidential (each message
 * sealed: its payload stored encrypted under the dialogue's key; nothing published), so that one run measures both.
 */
final class DialogueLoad {

    private static final Official MODERATOR = new Official("bench.moderator", "Nguyễn Văn Điều Phối", "demo", "ubnd");
    private static final List<String> DEPARTMENTS = List.of("skhdt", "stnmt", "stttt", "thue");
    private static final List<String> TOPICS = List.of(
            "dang-ky-kinh-doanh",
            "uu-dai-dau-tu",
            "dat-dai",
            "giay-phep-moi-truong",
            "thu-tuc-thue",
            "vien-thong-cntt",
            "phan-anh-kien-nghi");
    private static final String SENTENCE = "Doanh nghiệp chúng tôi đang mở rộng nhà xưởng tại khu công nghiệp của tỉnh"
            + " và cần biết rõ trình tự, thành phần hồ sơ, thời hạn giải quyết cùng lệ phí theo quy định hiện hành. ";

    /** What the load did. */
    record Outcome(
            int dialogues,
            long commands,
            long failures,
            List<String> failureSamples,
            Map<String, Long> commandsByKind,
            List<Long> askLatencyNanos,
            List<Long> confidentialAskLatencyNanos,
            long startedNanos,
            long endedNanos) {

        double seconds() {
            return (endedNanos - startedNanos) / 1e9;
        }
    }

    private final Api api;
    private final GovernmentActions government;
    /** The askers, businesses and citizens alternating, each with a key and certificate of its own. */
    private final List<Credential> askers;

    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();
    private final LongAdder failures = new LongAdder();
    private final List<String> failureSamples = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> askLatencies = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> confidentialAskLatencies = Collections.synchronizedList(new ArrayList<>());

    private LagSampler sampler;

    /** The fraction of confidential dialogues ({@code bench.confidential}, 0 to 1): the cost of sealing, in one run. */
    static final double CONFIDENTIAL = Double.parseDouble(System.getProperty("bench.confidential", "0"));

    /** Whether dialogue {@code i} is confidential: the first {@link #CONFIDENTIAL} tenths of every ten. */
    static boolean confidential(int i) {
        return i % 10 < Math.round(CONFIDENTIAL * 10);
    }

    DialogueLoad(Api api, GovernmentActions government, int askers) {
        this.api = api;
        this.government = government;
        List<Credential> issued = new ArrayList<>();
        for (int i = 0; i < askers; i++) {
            issued.add(
                    i % 2 == 0
                            ? TestPki.shared().issueBusiness(String.format("01%08d", i), "Công ty Bench số " + i)
                            : TestPki.shared().issueCitizen(String.format("0012%08d", i), "Công dân Bench số " + i));
        }
        this.askers = List.copyOf(issued);
    }

    /** Where accepted asks are reported, for the visibility probe. */
    void reportTo(LagSampler sampler) {
        this.sampler = sampler;
    }

    /** Plays the stories of dialogues {@code from} (inclusive) to {@code to} (exclusive). */
    Outcome run(int from, int to, int clients) throws Exception {
        commands.clear();
        failures.reset();
        failureSamples.clear();
        askLatencies.clear();
        confidentialAskLatencies.clear();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger(from);
        long started = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                        try {
                            story(i);
                        } catch (RuntimeException e) {
                            fail("dialogue " + i + ": " + e);
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        long ended = System.nanoTime();
        Map<String, Long> byKind = new TreeMap<>();
        commands.forEach((kind, count) -> byKind.put(kind, count.sum()));
        return new Outcome(
                to - from,
                byKind.values().stream().mapToLong(Long::longValue).sum(),
                failures.sum(),
                List.copyOf(failureSamples),
                byKind,
                List.copyOf(askLatencies),
                List.copyOf(confidentialAskLatencies),
                started,
                ended);
    }

    private void story(int i) {
        UUID id = UUID.randomUUID();
        Credential asker = askers.get(i % askers.size());
        if (!ask(i, id, asker)) {
            return;
        }
        String department = DEPARTMENTS.get(i % DEPARTMENTS.size());
        Official officer = new Official("bench." + department, "Cán bộ " + department, "demo", department);
        int kind = i % 20;
        if (kind < 14) {
            forward(id, department);
            gov("acknowledge", () -> government.acknowledge(id, officer));
            gov("answer", () -> government.answer(id, officer, answer(i)));
            publish(i, id);
            http(
                    "rate",
                    "/api/v1/dialogues/" + id + "/ratings",
                    Envelopes.signed(
                            asker,
                            Envelopes.base("rate", id).put("rating", 1 + i % 5).put("comment", "Cảm ơn")));
        } else if (kind < 17) {
            gov(
                    "request-clarification",
                    () -> government.requestClarification(
                            id,
                            MODERATOR,
                            "Xin bổ sung mã số thuế và địa chỉ nhà xưởng",
                            Instant.now().plus(15, ChronoUnit.DAYS)));
            http(
                    "clarify",
                    "/api/v1/dialogues/" + id + "/clarifications",
                    Envelopes.signed(
                            asker,
                            Envelopes.base("clarify", id).put("text", "Mã số thuế 0101234567, nhà xưởng lô B2")));
            forward(id, department);
            gov("answer", () -> government.answer(id, officer, answer(i)));
        } else if (kind < 19) {
            gov(
                    "reject",
                    () -> government.reject(
                            id, MODERATOR, RejectionReason.OUT_OF_SCOPE, "Không thuộc thẩm quyền của tỉnh"));
        } else {
            Instant due = forward(id, department);
            gov(
                    "request-extension",
                    () -> government.requestExtension(
                            id, officer, due.plus(5, ChronoUnit.DAYS), "Cần lấy ý kiến liên ngành"));
            gov("extend", () -> government.extend(id, MODERATOR, due.plus(5, ChronoUnit.DAYS)));
            gov("answer", () -> government.answer(id, officer, answer(i)));
            publish(i, id);
        }
    }

    private boolean ask(int i, UUID id, Credential asker) {
        ObjectNode payload = Envelopes.ask(id, TOPICS.get(i % TOPICS.size()))
                .put("subject", "Hỏi về thủ tục số " + i + ": thay đổi địa điểm kinh doanh")
                .put("body", SENTENCE.repeat(2 + i % 6))
                .put("confidential", confidential(i));
        String body = Envelopes.signed(asker, payload);
        long t0 = System.nanoTime();
        Api.Response response = api.post("/api/v1/dialogues", body);
        long t1 = System.nanoTime();
        if (response.status() != 201) {
            fail("ask: " + response.status() + " " + response.body());
            return false;
        }
        sampler.accepted(id, t1);
        (confidential(i) ? confidentialAskLatencies : askLatencies).add(t1 - t0);
        count("ask");
        return true;
    }

    /** The moderator publishes the answer; a confidential dialogue's never is. */
    private void publish(int i, UUID id) {
        if (!confidential(i)) {
            gov("publish", () -> government.publish(id, MODERATOR));
        }
    }

    private Instant forward(UUID id, String department) {
        Instant due = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        gov("forward", () -> government.forward(id, MODERATOR, department, "Chuyển Sở xử lý theo thẩm quyền", due));
        return due;
    }

    private static String answer(int i) {
        return "Theo quy định hiện hành, hồ sơ gồm giấy đề nghị, bản sao giấy chứng nhận và văn bản ủy quyền (trả lời số "
                + i + ").";
    }

    private void http(String kind, String path, String body) {
        Api.Response response = api.post(path, body);
        if (response.status() != 201) {
            throw new IllegalStateException(kind + ": " + response.status() + " " + response.body());
        }
        count(kind);
    }

    private void gov(String kind, Runnable action) {
        action.run();
        count(kind);
    }

    private void count(String kind) {
        commands.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    private void fail(String what) {
        failures.increment();
        if (failureSamples.size() < 5) {
            failureSamples.add(what.length() > 300 ? what.substring(0, 300) : what);
        }
    }

    static Duration elapsed(long fromNanos) {
        return Duration.ofNanos(System.nanoTime() - fromNanos);
    }
}
