package vn.edialog.app.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.edialog.app.access.Official;
import vn.edialog.app.access.OfficialRole;
import vn.edialog.app.submission.GovernmentActions;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.SignIn;
import vn.edialog.app.support.TestOfficials;
import vn.edialog.app.support.TwoProvinces;
import vn.edialog.app.support.TwoProvincesIntegrationTest;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.signature.CmsSignatureVerifier;
import vn.edialog.command.signature.VerificationContext;

/**
 * Who reads what, cell by cell: every read endpoint (the asker's own dialogues, a dialogue's status, timeline and
 * evidence, agencies' inboxes, the portal, tracking) against every kind of reader, in two provinces whose agency codes
 * repeat. A cell that shows a dialogue must show exactly the dialogues it names and no other; a refusal must be the
 * RFC 9457 problem named, and name no dialogue beyond the one asked about.
 *
 * <p>The dialogues, set up once: D1 in the demo province, asked by business A, forwarded by the People's Committee
 * (ubnd) to skhdt, acknowledged, answered and published; D2 in Sông Lam, asked by the same business A, awaiting the
 * clarification Sông Lam's ubnd asked him for; D3 in the demo province, asked by citizen B, awaiting triage. X is an
 * id no dialogue has.
 */
@TwoProvincesIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadAuthorizationIT {

    /**
     * The matrix. A cell is what the reader of the column gets from the endpoint of the row: dialogues ({@code D1},
     * {@code D1 D3}) or {@code none} for a 200 that shows exactly those, or a refusal {@code <status> [<problem code>]}
     * (the code defaults to unauthenticated for 401, forbidden for 403, unknown-dialogue for 404). Placeholders in
     * paths: {@code {D1}} and the others are dialogue ids, {@code {CODE1}} and the others tracking codes.
     */
    static final String MATRIX =
            """
            endpoint                                             | anonymous | A     | B     | A@songlam | ubnd                | skhdt | stnmt | skhdt-leader | songlam-ubnd
            # The asker's own dialogues: askers only, each his own in the province he signed in to.
            GET /api/v1/me/dialogues                             | 401       | D1    | D3    | D2        | 403                 | 403   | 403   | 403          | 403
            GET /api/v1/me/dialogues?status=ANSWERED             | 401       | D1    | none  | none      | 403                 | 403   | 403   | 403          | 403
            GET /api/v1/me/dialogues/{D1}                        | 401       | D1    | 404   | 404       | 403                 | 403   | 403   | 403          | 403
            GET /api/v1/me/dialogues/{D2}                        | 401       | 404   | 404   | D2        | 403                 | 403   | 403   | 403          | 403
            GET /api/v1/me/dialogues/{D3}                        | 401       | 404   | D3    | 404       | 403                 | 403   | 403   | 403          | 403
            GET /api/v1/me/dialogues/{X}                         | 401       | 404   | 404   | 404       | 403                 | 403   | 403   | 403          | 403
            # One dialogue: its asker and the agencies taking part; anyone else cannot tell it from a missing one.
            GET /api/v1/dialogues/{D1}                           | 401       | D1    | 404   | 404       | D1                  | D1    | 404   | D1           | 404
            GET /api/v1/dialogues/{D2}                           | 401       | 404   | 404   | D2        | 404                 | 404   | 404   | 404          | D2
            GET /api/v1/dialogues/{D3}                           | 401       | 404   | D3    | 404       | D3                  | 404   | 404   | 404          | 404
            GET /api/v1/dialogues/{X}                            | 401       | 404   | 404   | 404       | 404                 | 404   | 404   | 404          | 404
            GET /api/v1/dialogues/{D1}/timeline                  | 401       | D1    | 404   | 404       | D1                  | D1    | 404   | D1           | 404
            GET /api/v1/dialogues/{D2}/timeline                  | 401       | 404   | 404   | D2        | 404                 | 404   | 404   | 404          | D2
            GET /api/v1/dialogues/{X}/timeline                   | 401       | 404   | 404   | 404       | 404                 | 404   | 404   | 404          | 404
            GET /api/v1/dialogues/{D1}/events/3/evidence         | 401       | D1    | 404   | 404       | D1                  | D1    | 404   | D1           | 404
            GET /api/v1/dialogues/{D2}/events/0/evidence         | 401       | 404   | 404   | D2        | 404                 | 404   | 404   | 404          | D2
            GET /api/v1/dialogues/{D1}/events/99/evidence        | 401       | 404   | 404   | 404       | 404                 | 404   | 404   | 404          | 404
            GET /api/v1/dialogues/{D1}/events/0/anchor           | 401       | 404 not-anchored-yet | 404 | 404 | 404 not-anchored-yet | 404 not-anchored-yet | 404 | 404 not-anchored-yet | 404
            GET /api/v1/dialogues/{D1}/events/99/anchor          | 401       | 404   | 404   | 404       | 404                 | 404   | 404   | 404          | 404
            GET /api/v1/dialogues/{D1}/evidence.asice            | 401       | D1    | 404   | 404       | D1                  | D1    | 404   | D1           | 404
            GET /api/v1/dialogues/{D2}/evidence.asice            | 401       | 404   | 404   | D2        | 404                 | 404   | 404   | 404          | D2
            GET /api/v1/dialogues/{X}/evidence.asice             | 401       | 404   | 404   | 404       | 404                 | 404   | 404   | 404          | 404
            # Agency inboxes: the agency's officials and its province's People's Committee; 403 for everyone else.
            GET /api/v1/tenants/demo/agencies/ubnd/dialogues     | 401       | 403   | 403   | 403       | D1 D3               | 403   | 403   | 403          | 403
            GET /api/v1/tenants/demo/agencies/skhdt/dialogues    | 401       | 403   | 403   | 403       | D1                  | D1    | 403   | D1           | 403
            GET /api/v1/tenants/demo/agencies/stnmt/dialogues    | 401       | 403   | 403   | 403       | none                | 403   | none  | 403          | 403
            GET /api/v1/tenants/demo/agencies/atlantis/dialogues | 401       | 403   | 403   | 403       | 404 unknown-agency  | 403   | 403   | 403          | 403
            GET /api/v1/tenants/songlam/agencies/ubnd/dialogues  | 401       | 403   | 403   | 403       | 403                 | 403   | 403   | 403          | D2
            GET /api/v1/tenants/songlam/agencies/skhdt/dialogues | 401       | 403   | 403   | 403       | 403                 | 403   | 403   | 403          | none
            GET /api/v1/tenants/atlantis/agencies/ubnd/dialogues | 401       | 403   | 403   | 403       | 403                 | 403   | 403   | 403          | 403
            # SLA reports: leaders only — a department's leader his own agency (by default when he names none), the
            # People's Committee's leaders the whole province (covered in ReportsIT); figures name no dialogue.
            GET /api/v1/tenants/demo/reports/sla                 | 401       | 403   | 403   | 403       | 403                 | 403   | 403   | none         | 403
            GET /api/v1/tenants/demo/reports/sla?agency=skhdt    | 401       | 403   | 403   | 403       | 403                 | 403   | 403   | none         | 403
            GET /api/v1/tenants/demo/reports/sla?agency=stnmt    | 401       | 403   | 403   | 403       | 403                 | 403   | 403   | 403          | 403
            GET /api/v1/tenants/demo/reports/trend?agency=skhdt  | 401       | 403   | 403   | 403       | 403                 | 403   | 403   | none         | 403
            GET /api/v1/tenants/demo/reports/ranking             | 401       | 403   | 403   | 403       | 403                 | 403   | 403   | 403          | 403
            GET /api/v1/tenants/songlam/reports/sla              | 401       | 403   | 403   | 403       | 403                 | 403   | 403   | 403          | 403
            GET /api/v1/tenants/songlam/reports/ranking          | 401       | 403   | 403   | 403       | 403                 | 403   | 403   | 403          | 403
            # The public portal: published answers only, for everyone, in their own province.
            GET /api/v1/portal/demo/dialogues                    | D1        | D1    | D1    | D1        | D1                  | D1    | D1    | D1           | D1
            GET /api/v1/portal/demo/dialogues/{D1}               | D1        | D1    | D1    | D1        | D1                  | D1    | D1    | D1           | D1
            GET /api/v1/portal/demo/dialogues/{D3}               | 404       | 404   | 404   | 404       | 404                 | 404   | 404   | 404          | 404
            GET /api/v1/portal/demo/dialogues/{D1}/evidence.asice | D1       | D1    | D1    | D1        | D1                  | D1    | D1    | D1           | D1
            GET /api/v1/portal/demo/dialogues/{D3}/evidence.asice | 404      | 404   | 404   | 404       | 404                 | 404   | 404   | 404          | 404
            GET /api/v1/portal/songlam/dialogues/{D1}/evidence.asice | 404   | 404   | 404   | 404       | 404                 | 404   | 404   | 404          | 404
            GET /api/v1/portal/songlam/dialogues                 | none      | none  | none  | none      | none                | none  | none  | none         | none
            GET /api/v1/portal/songlam/dialogues/{D1}            | 404       | 404   | 404   | 404       | 404                 | 404   | 404   | 404          | 404
            GET /api/v1/portal/songlam/dialogues/{D2}            | 404       | 404   | 404   | 404       | 404                 | 404   | 404   | 404          | 404
            # Tracking by code: status facts for anyone holding the code.
            GET /api/v1/tracking/{CODE1}                         | D1        | D1    | D1    | D1        | D1                  | D1    | D1    | D1           | D1
            GET /api/v1/tracking/{CODE2}                         | D2        | D2    | D2    | D2        | D2                  | D2    | D2    | D2           | D2
            GET /api/v1/tracking/{CODE3}                         | D3        | D3    | D3    | D3        | D3                  | D3    | D3    | D3           | D3
            """;

    /** Signed-in read endpoints not in the matrix yet, by path prefix: none. */
    static final List<String> PENDING_ENDPOINTS = List.of();

    private static final TestPki PKI = TestPki.shared();
    private static final String PASSWORD = "secret";
    private static final String QUESTION =
            Envelopes.ask(UUID.randomUUID()).path("body").asText();
    private static final String ANSWER = "Doanh nghiệp nộp hồ sơ thay đổi địa chỉ qua Cổng dịch vụ công quốc gia.";
    private static final String FORWARD_NOTE = "Đề nghị Sở trả lời theo thẩm quyền";
    private static final String CLARIFICATION = "Đề nghị bổ sung mã số doanh nghiệp";
    private static final String CITIZEN_SUBJECT = "Đèn đường hỏng trên đường Trần Phú";
    private static final String CITIZEN_BODY = "Đèn đường trước số nhà 12 đã hỏng hai tuần, đề nghị sửa.";

    /** The readers of the columns. */
    enum Reader {
        ANONYMOUS("anonymous", "nobody signed in"),
        ASKER_A("A", "business A"),
        ASKER_B("B", "citizen B"),
        ASKER_A_IN_SONGLAM("A@songlam", "business A signed in to Sông Lam"),
        UBND("ubnd", "a moderator of the demo People's Committee"),
        SKHDT_OFFICER("skhdt", "an officer of skhdt, to which D1 was forwarded"),
        STNMT_OFFICER("stnmt", "an officer of stnmt, not involved"),
        SKHDT_LEADER("skhdt-leader", "a leader of skhdt"),
        SONGLAM_UBND("songlam-ubnd", "a moderator of Sông Lam's People's Committee");

        final String column;
        final String description;

        Reader(String column, String description) {
            this.column = column;
            this.description = description;
        }

        static Reader of(String column) {
            return Arrays.stream(values())
                    .filter(reader -> reader.column.equals(column))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No reader column '" + column + "'"));
        }
    }

    /** What a cell expects. */
    sealed interface Expected permits Shows, Refused {

        static Expected parse(String cell) {
            String[] words = cell.strip().split("\\s+");
            if (words[0].matches("\\d{3}")) {
                int status = Integer.parseInt(words[0]);
                String code = words.length > 1
                        ? words[1]
                        : switch (status) {
                            case 401 -> "unauthenticated";
                            case 403 -> "forbidden";
                            case 404 -> "unknown-dialogue";
                            default -> throw new IllegalArgumentException("Name the problem of " + cell);
                        };
                return new Refused(status, code);
            }
            return new Shows(cell.strip().equals("none") ? Set.of() : Set.copyOf(Arrays.asList(words)));
        }
    }

    /** 200, and the body names exactly these dialogues. */
    record Shows(Set<String> dialogues) implements Expected {
        @Override
        public String toString() {
            return dialogues.isEmpty()
                    ? "200 listing none"
                    : "200 showing "
                            + String.join(" ", dialogues.stream().sorted().toList());
        }
    }

    /** A refusal with this status and problem type. */
    record Refused(int status, String problem) implements Expected {
        @Override
        public String toString() {
            return status + " " + problem;
        }
    }

    /** One cell. */
    record Row(String path, Reader reader, Expected expected) {
        @Override
        public String toString() {
            return "GET " + path + " as " + reader.description + " → " + expected;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    GovernmentActions government;

    /** Placeholder to value: D1..D3 and X are dialogue ids, CODE1..CODE3 tracking codes. */
    private final Map<String, String> values = new LinkedHashMap<>();

    private final Map<Reader, Api> sessions = new EnumMap<>(Reader.class);

    @BeforeAll
    void dialoguesAndReaders() {
        official("read.ubnd", OfficialRole.MODERATORS, "demo", "ubnd");
        official("read.skhdt", OfficialRole.OFFICERS, "demo", "skhdt");
        official("read.stnmt", OfficialRole.OFFICERS, "demo", "stnmt");
        official("read.skhdt.leader", OfficialRole.LEADERS, "demo", "skhdt");
        official("read.songlam", OfficialRole.MODERATORS, TwoProvinces.OTHER, "ubnd");
        Official ubnd = new Official("read.ubnd", "Cán bộ UBND", "demo", "ubnd");
        Official skhdt = new Official("read.skhdt", "Chuyên viên Sở KH&ĐT", "demo", "skhdt");
        Official songlam = new Official("read.songlam", "Cán bộ UBND Sông Lam", TwoProvinces.OTHER, "ubnd");
        Instant due = Instant.now().plus(10, ChronoUnit.DAYS);

        UUID d1 = UUID.randomUUID();
        values.put("CODE1", ask(PKI.business(), Envelopes.ask(d1)));
        government.forward(d1, ubnd, "skhdt", FORWARD_NOTE, due);
        government.acknowledge(d1, skhdt);
        government.answer(d1, skhdt, ANSWER);
        government.publish(d1, ubnd);

        UUID d2 = UUID.randomUUID();
        values.put("CODE2", ask(PKI.business(), Envelopes.ask(d2, TwoProvinces.OTHER, "dang-ky-kinh-doanh")));
        government.requestClarification(d2, songlam, CLARIFICATION, due);

        UUID d3 = UUID.randomUUID();
        values.put(
                "CODE3",
                ask(
                        PKI.citizen(),
                        Envelopes.ask(d3, "phan-anh-kien-nghi")
                                .put("subject", CITIZEN_SUBJECT)
                                .put("body", CITIZEN_BODY)));
        values.put("D1", d1.toString());
        values.put("D2", d2.toString());
        values.put("D3", d3.toString());
        values.put("X", UUID.randomUUID().toString());

        sessions.put(Reader.ANONYMOUS, new Api(port));
        sessions.put(Reader.ASKER_A, asker(PKI.business(), "demo"));
        sessions.put(Reader.ASKER_B, asker(PKI.citizen(), "demo"));
        sessions.put(Reader.ASKER_A_IN_SONGLAM, asker(PKI.business(), TwoProvinces.OTHER));
        sessions.put(Reader.UBND, new Api(port).withBasicAuth("read.ubnd", PASSWORD));
        sessions.put(Reader.SKHDT_OFFICER, new Api(port).withBasicAuth("read.skhdt", PASSWORD));
        sessions.put(Reader.STNMT_OFFICER, new Api(port).withBasicAuth("read.stnmt", PASSWORD));
        sessions.put(Reader.SKHDT_LEADER, new Api(port).withBasicAuth("read.skhdt.leader", PASSWORD));
        sessions.put(Reader.SONGLAM_UBND, new Api(port).withBasicAuth("read.songlam", PASSWORD));

        // Every read model has caught up with the last event of each dialogue.
        Api demo = sessions.get(Reader.UBND);
        Api other = sessions.get(Reader.SONGLAM_UBND);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(demo.get(resolve("/api/v1/dialogues/{D1}/timeline"))
                            .json()
                            .path("events")
                            .size())
                    .isEqualTo(5);
            assertThat(demo.get(resolve("/api/v1/dialogues/{D1}"))
                            .json()
                            .path("published")
                            .asBoolean())
                    .isTrue();
            assertThat(demo.get("/api/v1/tenants/demo/agencies/skhdt/dialogues?status=ANSWERED")
                            .json()
                            .path("total")
                            .asLong())
                    .isEqualTo(1);
            assertThat(demo.get("/api/v1/tenants/demo/agencies/ubnd/dialogues?status=AWAITING_TRIAGE")
                            .json()
                            .path("total")
                            .asLong())
                    .isEqualTo(1);
            assertThat(other.get("/api/v1/tenants/songlam/agencies/ubnd/dialogues?status=AWAITING_CLARIFICATION")
                            .json()
                            .path("total")
                            .asLong())
                    .isEqualTo(1);
            assertThat(other.get(resolve("/api/v1/dialogues/{D2}"))
                            .json()
                            .path("status")
                            .asText())
                    .isEqualTo("AWAITING_CLARIFICATION");
            assertThat(sessions.get(Reader.ANONYMOUS)
                            .get(resolve("/api/v1/portal/demo/dialogues/{D1}"))
                            .status())
                    .isEqualTo(200);
        });
    }

    Stream<Row> matrix() {
        return rows().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void eachReaderGetsExactlyWhatTheAccessPolicyAllows(Row row) {
        String path = resolve(row.path());
        Api.Response response = sessions.get(row.reader()).get(path);

        if (row.expected() instanceof Shows shows) {
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(mentioned(response.body()))
                    .as("the dialogues the body names")
                    .containsExactlyInAnyOrderElementsOf(shows.dialogues());
        } else {
            Refused refused = (Refused) row.expected();
            assertProblem(response, refused.status(), refused.problem());
            assertThat(mentioned(response.body()))
                    .as("a refusal names no dialogue beyond the one asked about")
                    .isSubsetOf(mentioned(path));
        }
    }

    @Test
    void theAskerReadsHisQuestionTheForwardAndTheSignedAnswerAndCanReVerifyIt() {
        Api asker = sessions.get(Reader.ASKER_A);
        JsonNode dialogue = asker.get(resolve("/api/v1/me/dialogues/{D1}")).json();

        assertThat(dialogue.path("summary").path("status").asText()).isEqualTo("ANSWERED");
        assertThat(dialogue.path("summary").path("trackingCode").asText()).isEqualTo(values.get("CODE1"));
        assertThat(dialogue.path("summary").path("handlingAgency").asText()).isEqualTo("skhdt");
        JsonNode timeline = dialogue.path("timeline");
        assertThat(eventTypes(timeline))
                .containsExactly(
                        "DialogueAsked",
                        "DialogueForwarded",
                        "ForwardAcknowledged",
                        "DialogueAnswered",
                        "AnswerPublished");
        JsonNode asked = timeline.get(0);
        assertThat(asked.path("content").path("body").asText()).isEqualTo(QUESTION);
        assertThat(asked.path("actorId").asText()).isEqualTo("MST:" + TestPki.BUSINESS_MST);
        assertThat(asked.path("content").has("nonce"))
                .as("the envelope's own fields are left out")
                .isFalse();
        assertThat(timeline.get(1).path("content").path("department").asText()).isEqualTo("skhdt");
        assertThat(timeline.get(2).path("agency").asText())
                .as("the department's signed receipt")
                .isEqualTo("skhdt");

        JsonNode answered = timeline.get(3);
        assertThat(answered.path("content").path("answer").asText()).isEqualTo(ANSWER);
        assertThat(answered.path("agency").asText()).isEqualTo("skhdt");
        assertThat(answered.path("actorName").asText()).isEqualTo("Chuyên viên Sở KH&ĐT");
        assertThat(answered.has("actorId"))
                .as("officials' accounts are not shown")
                .isFalse();
        assertThat(answered.path("previousHash").asText())
                .isEqualTo(timeline.get(2).path("hash").asText());

        JsonNode evidence = asker.get(answered.path("evidence").asText()).json();
        byte[] payload = java.util.Base64.getDecoder()
                .decode(evidence.path("signedPayload").asText());
        byte[] signature =
                java.util.Base64.getDecoder().decode(evidence.path("signature").asText());
        var verified = new CmsSignatureVerifier()
                .verify(
                        signature,
                        Optional.of(payload),
                        VerificationContext.of(Set.of(PKI.trustAnchor()), Instant.now()));
        assertThat(verified.valid()).as(verified.detail()).isTrue();
        assertThat(new String(payload, java.nio.charset.StandardCharsets.UTF_8)).contains(ANSWER);
    }

    @Test
    void theDepartmentReadsTheQuestionAndWhoAskedIt() {
        JsonNode events = sessions.get(Reader.SKHDT_OFFICER)
                .get(resolve("/api/v1/dialogues/{D1}/timeline"))
                .json()
                .path("events");

        assertThat(events.get(0).path("content").path("subject").asText())
                .isEqualTo(Envelopes.ask(UUID.randomUUID()).path("subject").asText());
        assertThat(events.get(0).path("actorId").asText()).isEqualTo("MST:" + TestPki.BUSINESS_MST);
        assertThat(events.get(1).path("content").path("note").asText()).isEqualTo(FORWARD_NOTE);
    }

    @Test
    void theInboxSaysWhenAClarificationIsAwaitedFromTheAsker() {
        JsonNode songlam = sessions.get(Reader.ASKER_A_IN_SONGLAM)
                .get("/api/v1/me/dialogues")
                .json();
        assertThat(songlam.path("total").asLong()).isEqualTo(1);
        JsonNode awaiting = songlam.path("items").get(0);
        assertThat(awaiting.path("status").asText()).isEqualTo("AWAITING_CLARIFICATION");
        assertThat(awaiting.path("awaitingYou").asBoolean()).isTrue();
        assertThat(awaiting.path("trackingCode").asText()).isEqualTo(values.get("CODE2"));
        assertThat(awaiting.path("handlingAgency").asText()).isEqualTo("ubnd");
        assertThat(awaiting.path("dueAt").asText()).isNotEmpty();
        assertThat(awaiting.path("role").asText()).isEqualTo("ASKER");

        JsonNode answered = sessions.get(Reader.ASKER_A)
                .get("/api/v1/me/dialogues")
                .json()
                .path("items")
                .get(0);
        assertThat(answered.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(answered.path("awaitingYou").asBoolean()).isFalse();
        assertThat(answered.path("handlingAgency").asText()).isEqualTo("skhdt");

        JsonNode triage = sessions.get(Reader.UBND)
                .get("/api/v1/tenants/demo/agencies/ubnd/dialogues?status=AWAITING_TRIAGE")
                .json()
                .path("items")
                .get(0);
        assertThat(triage.path("dialogueId").asText()).isEqualTo(values.get("D3"));
        assertThat(triage.path("awaitingYou").asBoolean())
                .as("the triage is the moderator's move")
                .isTrue();
        assertThat(triage.path("role").asText()).isEqualTo("MODERATOR");
    }

    @Test
    void inboxesFilterByStatusesAndPage() {
        Api ubnd = sessions.get(Reader.UBND);
        String inbox = "/api/v1/tenants/demo/agencies/ubnd/dialogues";
        assertThat(ids(ubnd.get(inbox + "?status=ANSWERED,AWAITING_TRIAGE"))).containsExactlyInAnyOrder("D1", "D3");
        assertThat(ids(ubnd.get(inbox + "?status=ANSWERED&status=CLOSED"))).containsExactly("D1");
        assertThat(ids(ubnd.get(inbox + "?status=forwarded"))).isEmpty();
        JsonNode first = ubnd.get(inbox + "?size=1").json();
        assertThat(first.path("total").asLong()).isEqualTo(2);
        assertThat(first.path("items").size()).isEqualTo(1);
        JsonNode second = ubnd.get(inbox + "?size=1&page=1").json();
        assertThat(second.path("items").get(0).path("dialogueId").asText())
                .isNotEqualTo(first.path("items").get(0).path("dialogueId").asText());
    }

    @Test
    void unusableParametersAreBadRequestProblems() {
        for (String path : List.of(
                "/api/v1/me/dialogues?status=LOST",
                "/api/v1/me/dialogues?size=0",
                "/api/v1/me/dialogues?page=-1",
                "/api/v1/me/dialogues?size=101")) {
            Api.Response response = sessions.get(Reader.ASKER_A).get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertProblem(response, 400, "bad-parameter");
        }
        Api.Response agency = sessions.get(Reader.UBND).get("/api/v1/tenants/demo/agencies/ubnd/dialogues?status=LOST");
        assertProblem(agency, 400, "bad-parameter");
        assertThat(agency.json().path("detail").asText()).contains("LOST").contains("AWAITING_TRIAGE");
    }

    @Test
    void aDialogueThatIsNotYoursIsAnsweredLikeOneThatDoesNotExist() {
        for (Reader reader : List.of(Reader.ASKER_B, Reader.STNMT_OFFICER, Reader.SONGLAM_UBND)) {
            Api.Response notYours = sessions.get(reader).get(resolve("/api/v1/dialogues/{D1}"));
            Api.Response missing = sessions.get(reader).get(resolve("/api/v1/dialogues/{X}"));
            assertThat(notYours.status()).isEqualTo(missing.status()).isEqualTo(404);
            assertThat(notYours.contentType()).isEqualTo(missing.contentType());
            assertThat(notYours.body().replace(values.get("D1"), "ID"))
                    .as(reader.description)
                    .isEqualTo(missing.body().replace(values.get("X"), "ID"));
        }
    }

    @Test
    void theTrackingCodeTellsStatusFactsAndNothingAboutTheAskerOrTheQuestion() {
        Api.Response tracked = sessions.get(Reader.ANONYMOUS).get(resolve("/api/v1/tracking/{CODE3}"));

        assertThat(tracked.status()).isEqualTo(200);
        assertThat(tracked.json().path("status").asText()).isEqualTo("AWAITING_TRIAGE");
        assertThat(tracked.json().path("tenant").asText()).isEqualTo("demo");
        assertThat(tracked.json().path("handlingAgency").asText()).isEqualTo("ubnd");
        assertThat(tracked.body())
                .doesNotContain(CITIZEN_SUBJECT)
                .doesNotContain(CITIZEN_BODY)
                .doesNotContain(TestPki.CITIZEN_CCCD)
                .doesNotContain("CCCD")
                .doesNotContain(
                        PKI.citizen().certificate().getSubjectX500Principal().getName())
                .doesNotContain("Nguyễn Thị Hương")
                .as("an unpublished dialogue's id stays out of reach")
                .doesNotContain(values.get("D3"));
        assertThat(sessions.get(Reader.ANONYMOUS)
                        .get(resolve("/api/v1/tracking/{CODE1}"))
                        .json()
                        .path("dialogueId")
                        .asText())
                .as("a published dialogue names its portal page")
                .isEqualTo(values.get("D1"));
        Api.Response unknown = sessions.get(Reader.ANONYMOUS).get("/api/v1/tracking/DEMO-1999-000001");
        assertProblem(unknown, 404, "unknown-dialogue");
    }

    @Test
    void everyReadEndpointThatNeedsASignInIsInTheMatrix() {
        JsonNode paths =
                sessions.get(Reader.ANONYMOUS).get("/api/openapi.json").json().path("paths");
        List<String> matrixPaths = rows().stream()
                .map(row -> row.path().replaceFirst("\\?.*", ""))
                .distinct()
                .toList();
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode get = path.getValue().path("get");
            boolean signedIn = get.path("security").size() > 0;
            boolean pending = PENDING_ENDPOINTS.stream().anyMatch(path.getKey()::startsWith);
            if (signedIn && !pending) {
                Pattern template = Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+"));
                if (matrixPaths.stream().noneMatch(p -> template.matcher(p).matches())) {
                    missing.add(path.getKey());
                }
            }
        }
        assertThat(missing).as("signed-in GET endpoints without matrix rows").isEmpty();
        assertThat(matrixPaths).as("the matrix covers the read API").hasSizeGreaterThan(10);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static List<Row> rows() {
        List<List<String>> lines = MATRIX.lines()
                .filter(line -> !line.isBlank() && !line.strip().startsWith("#"))
                .map(line -> Arrays.stream(line.split("\\|")).map(String::strip).toList())
                .toList();
        List<Reader> readers = lines.get(0).stream().skip(1).map(Reader::of).toList();
        if (!Set.copyOf(readers).equals(Set.of(Reader.values()))) {
            throw new IllegalArgumentException("The matrix has a column for each reader: " + readers);
        }
        List<Row> rows = new ArrayList<>();
        for (List<String> cells : lines.subList(1, lines.size())) {
            if (cells.size() != readers.size() + 1 || !cells.get(0).startsWith("GET ")) {
                throw new IllegalArgumentException("Malformed matrix row: " + cells);
            }
            String path = cells.get(0).substring("GET ".length()).strip();
            for (int i = 0; i < readers.size(); i++) {
                rows.add(new Row(path, readers.get(i), Expected.parse(cells.get(i + 1))));
            }
        }
        return rows;
    }

    private String resolve(String template) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    /** The dialogues (D1, D2, D3) whose id or tracking code appears in the text. */
    private Set<String> mentioned(String text) {
        Set<String> found = new LinkedHashSet<>();
        for (String dialogue : List.of("D1", "D2", "D3")) {
            String code = values.get("CODE" + dialogue.substring(1));
            if (text.contains(values.get(dialogue)) || text.contains(code)) {
                found.add(dialogue);
            }
        }
        return found;
    }

    private Set<String> ids(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode item : response.json().path("items")) {
            ids.addAll(mentioned(item.path("dialogueId").asText()));
        }
        return ids;
    }

    private static List<String> eventTypes(JsonNode timeline) {
        List<String> types = new ArrayList<>();
        timeline.forEach(event -> types.add(event.path("eventType").asText()));
        return types;
    }

    /** An RFC 9457 problem of this status and {@code urn:edialog:problem:<code>} type. */
    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("urn:edialog:problem:" + code);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("title").asText()).isNotBlank();
        assertThat(response.json().path("detail").asText()).isNotBlank();
    }

    private String ask(Credential asker, com.fasterxml.jackson.databind.node.ObjectNode payload) {
        Api.Response asked = new Api(port).post("/api/v1/dialogues", Envelopes.signed(asker, payload));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        return asked.json().path("trackingCode").asText();
    }

    private Api asker(Credential certificate, String tenant) {
        Api api = new Api(port);
        Api.Response signedIn = SignIn.asker(api, certificate, tenant);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        return api;
    }

    private void official(String id, OfficialRole role, String tenant, String agency) {
        String group = role.groupId(tenant, agency);
        TestOfficials.ensure(identity, id, group, PASSWORD);
    }
}
