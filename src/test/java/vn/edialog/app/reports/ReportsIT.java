package vn.edialog.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.edialog.app.access.Official;
import vn.edialog.app.access.OfficialRole;
import vn.edialog.app.operations.processing.ProjectionRebuilder;
import vn.edialog.app.submission.GovernmentActions;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.SignIn;
import vn.edialog.app.support.TestOfficials;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.dialogue.api.EscalationStep;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.tenant.TenantCatalog;
import vn.edialog.query.sla.SlaFact;
import vn.edialog.query.sla.SlaFactsProjection;
import vn.edialog.query.sla.SlaFactsQueries;

/**
 * The SLA reports over HTTP, on a scenario driven through the real paths (signed asks and ratings, government actions
 * signed with the agencies' keys), with the application's clock moved forward so that one answer is late and two
 * steps become overdue. The figures of the API, the page, the CSV and the XLSX all equal those computed here from the
 * SLA facts, and a rebuild of the facts reproduces the CSV byte for byte. A second province ({@code other}) has its
 * own leaders.
 */
@EDialogIntegrationTest
@Import(ReportsIT.ClockConfiguration.class)
class ReportsIT {

    private static final String PROVINCE_LEADER = "rep.ubnd.leader";
    private static final String DEPARTMENT_LEADER = "rep.skhdt.leader";
    private static final String OFFICER = "rep.skhdt.officer";
    private static final String OTHER_LEADER = "rep.other.leader";
    private static final String PASSWORD = "secret";

    private static final Official MODERATOR = new Official("rep.moderator", "Trần Văn M", "demo", "ubnd");
    private static final Official DPI = new Official("rep.dpi", "Lê Thị K", "demo", "skhdt");
    private static final Official DONRE = new Official("rep.donre", "Phạm Văn T", "demo", "stnmt");
    private static final Official TAX = new Official("rep.tax", "Vũ Thị H", "demo", "thue");

    private static final Pattern ROW = Pattern.compile("<tr data-agency=\"([^\"]*)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("data-column=\"(\\w+)\">([^<]*)<");

    /** The dialogues of the scenario, built once for the class (its Spring context and database are its own). */
    private static List<UUID> dialogues;

    private static UUID onTime;
    private static UUID late;
    private static Instant reportTime;

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    GovernmentActions government;

    @Autowired
    SlaFactsQueries sla;

    @Autowired
    ProjectionRebuilder rebuilder;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    MovableClock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The application's clock: frozen at a chosen instant, moved by the test. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void set(Instant instant) {
            now.set(instant);
        }

        /** Real time, for what askers sign (their signing time must be near the server's). */
        void real() {
            now.set(Instant.now());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfiguration {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    /** The demo province, and a second one, {@code other}, with the same agencies. */
    @DynamicPropertySource
    static void provinces(DynamicPropertyRegistry registry) {
        registry.add("edialog.tenants.files", ReportsIT::tenantFiles);
    }

    private static String tenantFiles() {
        try (InputStream in = TenantCatalog.class.getResourceAsStream(TenantCatalog.DEMO_RESOURCE)) {
            String demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Path dir = Files.createTempDirectory("edialog-reports-tenants");
            Path demoFile = Files.writeString(dir.resolve("demo.json"), demo);
            String other = demo.replace("\"code\": \"demo\"", "\"code\": \"other\"")
                    .replace("Tỉnh Demo", "Tỉnh Khác")
                    .replace("Demo Province", "Other Province");
            Path otherFile = Files.writeString(dir.resolve("other.json"), other);
            return demoFile + "," + otherFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void scenario() {
        official(PROVINCE_LEADER, OfficialRole.LEADERS.groupId("demo", "ubnd"));
        official(DEPARTMENT_LEADER, OfficialRole.LEADERS.groupId("demo", "skhdt"));
        official(OFFICER, OfficialRole.OFFICERS.groupId("demo", "skhdt"));
        official(OTHER_LEADER, OfficialRole.LEADERS.groupId("other", "ubnd"));
        if (dialogues == null) {
            dialogues = drive();
        }
        clock.set(reportTime);
    }

    /**
     * Five dialogues, asked now: (1) forwarded to skhdt, acknowledged, answered on time, rated 4; (2) forwarded to
     * skhdt due in two working days, then — the clock moved past six working days — escalated and answered late;
     * (3) forwarded to stnmt, returned, answered by the moderator, rated 5; (4) forwarded to thue, extended to five
     * working days, never answered (overdue at report time); (5) never triaged (overdue at report time).
     */
    private List<UUID> drive() {
        TestPki pki = TestPki.shared();
        clock.real();
        Instant start = clock.instant();
        UUID first = ask(pki.business());
        government.forward(first, MODERATOR, "skhdt", "Đề nghị Sở trả lời", calendar.dueAt(start, 10));
        government.acknowledge(first, DPI);
        government.answer(first, DPI, "Hồ sơ gồm giấy đề nghị và điều lệ sửa đổi.");
        rate(pki.business(), first, 4);

        UUID second = ask(pki.citizen());
        Instant secondDue = calendar.dueAt(start, 2);
        government.forward(second, MODERATOR, "skhdt", "Đề nghị Sở trả lời", secondDue);

        UUID third = ask(pki.business());
        government.forward(third, MODERATOR, "stnmt", "Đề nghị Sở trả lời", calendar.dueAt(start, 10));
        government.returnForward(third, DONRE, "Không thuộc thẩm quyền của Sở");
        government.answer(third, MODERATOR, "Ủy ban nhân dân trả lời trực tiếp.");
        rate(pki.business(), third, 5);

        UUID fourth = ask(pki.business());
        government.forward(fourth, MODERATOR, "thue", "Đề nghị Cục Thuế trả lời", calendar.dueAt(start, 3));
        government.requestExtension(fourth, TAX, calendar.dueAt(start, 5), "Cần xác minh với Tổng cục");
        government.extend(fourth, MODERATOR, calendar.dueAt(start, 5));

        UUID fifth = ask(pki.citizen());

        Instant later = calendar.dueAt(start, 6).plus(Duration.ofHours(1));
        clock.set(later);
        government.escalate(second, EscalationStep.ANSWER, 1, "demo-skhdt-leaders", secondDue);
        government.answer(second, DPI, "Trả lời muộn.");
        reportTime = later.plus(Duration.ofHours(1));
        onTime = first;
        late = second;

        List<UUID> all = List.of(first, second, third, fourth, fifth);
        await().atMost(Duration.ofSeconds(60)).until(() -> all.stream().allMatch(this::projected));
        return all;
    }

    private UUID ask(Credential asker) {
        clock.real();
        UUID id = UUID.randomUUID();
        Api.Response asked = new Api(port).post("/api/v1/dialogues", Envelopes.signed(asker, Envelopes.ask(id)));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        return id;
    }

    private void rate(Credential asker, UUID id, int rating) {
        clock.real();
        var payload = Envelopes.base("rate", id).put("rating", rating).put("comment", "Cảm ơn");
        Api.Response rated =
                new Api(port).post("/api/v1/dialogues/" + id + "/ratings", Envelopes.signed(asker, payload));
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
    }

    /** Whether the SLA facts hold every event of the dialogue. */
    private boolean projected(UUID id) {
        Long last = jdbc.sql("select max(sequencenumber) from domainevententry where aggregateidentifier = :id")
                .param("id", id.toString())
                .query(Long.class)
                .single();
        return jdbc.sql("select count(*) from sla_dialogue where dialogue_id = :id and last_sequence = :seq")
                        .param("id", id)
                        .param("seq", last)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private void official(String id, String group) {
        TestOfficials.ensure(identity, id, group, PASSWORD, "Lãnh đạo", id);
    }

    private Api signedIn(String user) {
        Api api = new Api(port);
        Api.Response form = SignIn.staff(api, user, PASSWORD);
        assertThat(form.status()).isEqualTo(302);
        assertThat(form.header("Location")).doesNotContain("error");
        return api;
    }

    // ---- The figures ----------------------------------------------------------------------------------------------

    /** The figures of the steps given, computed here from the SLA facts as the report defines them. */
    record Expected(
            long received,
            long forwardedIn,
            long onTime,
            long late,
            long open,
            long overdue,
            Double median,
            Double p90,
            long escalations,
            long returns,
            long extensions,
            Double satisfaction,
            long ratings) {

        static Expected of(List<SlaFact> facts, Instant asOf) {
            List<Double> days = new ArrayList<>();
            long ratingSum = 0;
            long ratings = 0;
            for (SlaFact f : facts) {
                if (f.answeredAt() != null) {
                    days.add((double) f.workingDays());
                }
                if (f.rating() != null) {
                    ratingSum += f.rating();
                    ratings++;
                }
            }
            days.sort(null);
            return new Expected(
                    facts.stream()
                            .filter(f -> f.forwardNumber() == 0
                                    && (f.arrival().equals("ASKED")
                                            || f.arrival().equals("REOPENED")))
                            .count(),
                    facts.stream().filter(f -> f.forwardNumber() > 0).count(),
                    facts.stream().filter(f -> Boolean.TRUE.equals(f.onTime())).count(),
                    facts.stream().filter(f -> Boolean.FALSE.equals(f.onTime())).count(),
                    facts.stream().filter(f -> open(f, asOf)).count(),
                    facts.stream()
                            .filter(f -> open(f, asOf) && f.dueAt().isBefore(asOf))
                            .count(),
                    percentile(days, 0.5),
                    percentile(days, 0.9),
                    facts.stream().mapToLong(SlaFact::escalations).sum(),
                    facts.stream().filter(f -> f.returnedAt() != null).count(),
                    facts.stream().mapToLong(SlaFact::extensions).sum(),
                    ratings == 0 ? null : (double) ratingSum / ratings,
                    ratings);
        }

        private static boolean open(SlaFact f, Instant asOf) {
            return !f.receivedAt().isAfter(asOf)
                    && (f.endedAt() == null || f.endedAt().isAfter(asOf));
        }

        /** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
        private static Double percentile(List<Double> sorted, double p) {
            if (sorted.isEmpty()) {
                return null;
            }
            double position = p * (sorted.size() - 1);
            int lower = (int) Math.floor(position);
            int upper = (int) Math.ceil(position);
            return sorted.get(lower) + (position - lower) * (sorted.get(upper) - sorted.get(lower));
        }

        /** The CSV's cells of the figure columns, in {@link FigureColumn} order, rounded as every output rounds. */
        List<String> cells() {
            Double rate = onTime + late == 0 ? null : (double) onTime / (onTime + late);
            List<Object> values = List.of(
                    received,
                    forwardedIn,
                    onTime,
                    late,
                    text(Figures.percent(rate)),
                    open,
                    overdue,
                    text(Figures.oneDecimal(median)),
                    text(Figures.oneDecimal(p90)),
                    escalations,
                    returns,
                    extensions,
                    text(Figures.oneDecimal(satisfaction)),
                    ratings);
            return values.stream().map(Object::toString).toList();
        }

        private static String text(BigDecimal value) {
            return value == null ? "" : value.toPlainString();
        }
    }

    private List<SlaFact> facts(String agency) {
        return dialogues.stream()
                .flatMap(id -> sla.facts("demo", id).stream())
                .filter(f -> agency == null || f.agency().equals(agency))
                .toList();
    }

    private Expected expected(String agency) {
        return Expected.of(facts(agency), reportTime);
    }

    @Test
    void theScenarioHasAnOnTimeAndALateAnswerAndTwoOverdueSteps() {
        SlaFact answeredOnTime = sla.facts("demo", onTime).get(1);
        SlaFact answeredLate = sla.facts("demo", late).get(1);

        assertThat(answeredOnTime.onTime()).isTrue();
        assertThat(answeredLate.onTime()).isFalse();
        assertThat(answeredLate.escalations()).isEqualTo(1);
        assertThat(answeredLate.workingDays()).isGreaterThanOrEqualTo(6);
        Expected total = expected(null);
        assertThat(total.received()).isEqualTo(5);
        assertThat(total.forwardedIn()).isEqualTo(4);
        assertThat(total.onTime()).isEqualTo(2);
        assertThat(total.late()).isEqualTo(1);
        assertThat(total.open()).isEqualTo(2);
        assertThat(total.overdue()).isEqualTo(2);
        assertThat(total.returns()).isEqualTo(1);
        assertThat(total.extensions()).isEqualTo(1);
        assertThat(total.escalations()).isEqualTo(1);
        assertThat(total.satisfaction()).isEqualTo(4.5);
    }

    @Test
    void theApiGivesEachAgencysFiguresAndTheProvinceTotalAsTheFactsDo() {
        Api leader = signedIn(PROVINCE_LEADER);

        Api.Response answer = leader.get("/api/v1/tenants/demo/reports/sla");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.path("asOf").asText()).isEqualTo(reportTime.toString());
        YearMonth month = YearMonth.from(reportTime.atZone(WorkingDayCalendar.VIETNAM));
        assertThat(json.path("period").path("from").asText())
                .isEqualTo(month.minusMonths(11).atDay(1).toString());
        assertThat(json.path("period").path("to").asText())
                .isEqualTo(month.atEndOfMonth().toString());
        List<String> agencies = new ArrayList<>();
        json.path("agencies").forEach(a -> agencies.add(a.path("agency").asText()));
        assertThat(agencies).containsExactly("ubnd", "skhdt", "stnmt", "stttt", "thue");
        for (JsonNode figures : json.path("agencies")) {
            assertFigures(figures, expected(figures.path("agency").asText()));
        }
        assertFigures(json.path("total"), expected(null));
        assertThat(json.path("agencies").get(1).path("nameVi").asText()).isEqualTo("Sở Kế hoạch và Đầu tư");
    }

    private static void assertFigures(JsonNode json, Expected expected) {
        String agency = json.path("agency").asText("total");
        assertThat(json.path("received").asLong()).as(agency).isEqualTo(expected.received());
        assertThat(json.path("forwardedIn").asLong()).as(agency).isEqualTo(expected.forwardedIn());
        assertThat(json.path("answeredOnTime").asLong()).as(agency).isEqualTo(expected.onTime());
        assertThat(json.path("answeredLate").asLong()).as(agency).isEqualTo(expected.late());
        assertThat(json.path("open").asLong()).as(agency).isEqualTo(expected.open());
        assertThat(json.path("overdue").asLong()).as(agency).isEqualTo(expected.overdue());
        assertThat(json.path("escalations").asLong()).as(agency).isEqualTo(expected.escalations());
        assertThat(json.path("returns").asLong()).as(agency).isEqualTo(expected.returns());
        assertThat(json.path("extensions").asLong()).as(agency).isEqualTo(expected.extensions());
        assertThat(json.path("ratings").asLong()).as(agency).isEqualTo(expected.ratings());
        assertDecimal(json.path("medianWorkingDays"), expected.median(), agency);
        assertDecimal(json.path("p90WorkingDays"), expected.p90(), agency);
        assertDecimal(json.path("averageSatisfaction"), expected.satisfaction(), agency);
    }

    private static void assertDecimal(JsonNode node, Double expected, String agency) {
        if (expected == null) {
            assertThat(node.isMissingNode() || node.isNull())
                    .as(agency + " " + node)
                    .isTrue();
        } else {
            assertThat(node.asDouble()).as(agency).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void theCsvHoldsTheFiguresOfTheFactsAndThePageShowsTheSame() {
        HttpResponse<byte[]> csv = download(PROVINCE_LEADER, "/reports/sla.csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        YearMonth month = YearMonth.from(reportTime.atZone(WorkingDayCalendar.VIETNAM));
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment")
                .contains("edialog-sla-demo-" + month.minusMonths(11) + "_" + month + ".csv");
        byte[] body = csv.body();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = parseCsv(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).startsWith("Mã đơn vị", "Đơn vị", "Tiếp nhận", "Được chuyển đến");
        assertThat(rows).hasSize(7);
        for (List<String> row : rows.subList(1, 7)) {
            String agency = row.get(0).isEmpty() ? null : row.get(0);
            assertThat(row.subList(2, row.size()))
                    .as(agency == null ? "total" : agency)
                    .as("figures with the page's decimal comma")
                    .containsExactlyElementsOf(expected(agency).cells().stream()
                            .map(cell -> cell.replace('.', ','))
                            .toList());
        }
        assertThat(rows.get(6).get(1)).isEqualTo("Toàn tỉnh");

        Api leader = signedIn(PROVINCE_LEADER);
        Api.Response page = leader.get("/reports");
        assertThat(page.status()).isEqualTo(200);
        Map<String, Map<String, String>> shown = pageFigures(page.body());
        assertThat(shown).containsOnlyKeys("ubnd", "skhdt", "stnmt", "stttt", "thue", "");
        for (List<String> row : rows.subList(1, 7)) {
            Map<String, String> cells = shown.get(row.get(0));
            FigureColumn[] columns = FigureColumn.values();
            for (int c = 0; c < columns.length; c++) {
                assertThat(number(cells.get(columns[c].name()), true))
                        .as(row.get(0) + " " + columns[c])
                        .isEqualTo(csvNumber(row.get(c + 2)));
            }
        }
        assertThat(page.body())
                .contains("chart-volume")
                .contains("role=\"img\"")
                .contains("<desc id=\"chart-");
        assertThat(page.body()).contains("id=\"ranking\"");

        Map<String, Map<String, String>> english =
                pageFigures(leader.get("/reports?lang=en").body());
        assertThat(english.get("").get("ON_TIME_PERCENT")).isEqualTo("66.7%");
        assertThat(shown.get("").get("ON_TIME_PERCENT")).isEqualTo("66,7%");
        assertThat(rows.get(6).get(2 + FigureColumn.ON_TIME_PERCENT.ordinal()))
                .as("the CSV writes decimals as the page does")
                .isEqualTo("66,7");
        List<List<String>> englishCsv = parseCsv(
                new String(download(PROVINCE_LEADER, "/reports/sla.csv?lang=en").body(), StandardCharsets.UTF_8)
                        .substring(1));
        assertThat(englishCsv.get(0)).hasSameSizeAs(rows.get(0));
        assertThat(englishCsv.get(6).get(2 + FigureColumn.ON_TIME_PERCENT.ordinal()))
                .isEqualTo("66.7");
    }

    @Test
    void theXlsxOpensWithTheSameNumbersAsTheCsv() throws Exception {
        HttpResponse<byte[]> xlsx = download(PROVINCE_LEADER, "/reports/sla.xlsx");
        HttpResponse<byte[]> csv = download(PROVINCE_LEADER, "/reports/sla.csv");

        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
        Map<String, String> files = unzip(xlsx.body());
        assertThat(files).containsKeys("xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml");
        NodeList sheets = xml(files.get("xl/workbook.xml")).getElementsByTagName("sheet");
        List<String> sheetNames = new ArrayList<>();
        for (int i = 0; i < sheets.getLength(); i++) {
            sheetNames.add(((Element) sheets.item(i)).getAttribute("name"));
        }
        assertThat(sheetNames).containsExactly("Số liệu", "Xu hướng theo tháng", "Kỳ báo cáo");
        assertThat(files.get("xl/styles.xml")).contains("<b");
        List<String> shared = sharedStrings(files.get("xl/sharedStrings.xml"));
        Map<String, String> figures = cells(files.get("xl/worksheets/sheet1.xml"), shared);
        byte[] body = csv.body();
        List<List<String>> rows = parseCsv(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));

        FigureColumn[] columns = FigureColumn.values();
        assertThat(figures.get("A1")).isEqualTo("Mã đơn vị");
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                String cell = figures.get(column(c) + (r + 1));
                if (r == 0 || c < 2) {
                    assertThat(cell == null ? "" : cell).as(column(c) + (r + 1)).isEqualTo(row.get(c));
                    continue;
                }
                if (row.get(c).isEmpty()) {
                    assertThat(cell)
                            .as("an empty CSV cell is an empty XLSX cell: " + column(c) + (r + 1))
                            .isNull();
                    continue;
                }
                BigDecimal value = new BigDecimal(cell);
                if (columns[c - 2] == FigureColumn.ON_TIME_PERCENT) {
                    value = value.movePointRight(2);
                }
                assertThat(value).as(column(c) + (r + 1)).isEqualByComparingTo(csvNumber(row.get(c)));
            }
        }
        Map<String, String> trend = cells(files.get("xl/worksheets/sheet2.xml"), shared);
        assertThat(trend.get("A1")).isEqualTo("Tháng");
        YearMonth month = YearMonth.from(reportTime.atZone(WorkingDayCalendar.VIETNAM));
        assertThat(trend.get("A13")).isEqualTo(month.toString());
        long receivedInTrend = 0;
        for (int r = 2; r <= 13; r++) {
            receivedInTrend += trend.get("B" + r) == null ? 0 : Long.parseLong(trend.get("B" + r));
        }
        assertThat(receivedInTrend).isEqualTo(5);
    }

    @Test
    void aRebuildOfTheSlaFactsReproducesTheCsvExactly() throws Exception {
        byte[] before = download(PROVINCE_LEADER, "/reports/sla.csv").body();

        rebuilder.rebuild(SlaFactsProjection.PROCESSING_GROUP, progress -> {});
        await().atMost(Duration.ofSeconds(60)).until(() -> dialogues.stream().allMatch(this::projected));

        assertThat(new String(download(PROVINCE_LEADER, "/reports/sla.csv").body(), StandardCharsets.UTF_8))
                .isEqualTo(new String(before, StandardCharsets.UTF_8));
    }

    @Test
    void theRankingAndTheTrendComeFromTheSameFacts() {
        Api leader = signedIn(PROVINCE_LEADER);

        JsonNode ranking = leader.get("/api/v1/tenants/demo/reports/ranking").json();
        JsonNode trend =
                leader.get("/api/v1/tenants/demo/reports/trend?agency=skhdt").json();

        List<String> order = new ArrayList<>();
        ranking.path("ranking").forEach(r -> order.add(r.path("agency").asText()));
        // ubnd answered its one answer on time, skhdt one of two; stnmt and thue answered nothing.
        assertThat(order.subList(0, 2)).containsExactly("ubnd", "skhdt");
        assertThat(ranking.path("ranking").get(1).path("onTimeRate").asDouble()).isEqualTo(0.5);
        assertThat(trend.path("agency").asText()).isEqualTo("skhdt");
        assertThat(trend.path("months")).hasSize(12);
        long forwarded = 0;
        long lateAnswers = 0;
        for (JsonNode m : trend.path("months")) {
            forwarded += m.path("forwardedIn").asLong();
            lateAnswers += m.path("answeredLate").asLong();
        }
        assertThat(forwarded).isEqualTo(2);
        assertThat(lateAnswers).isEqualTo(1);
    }

    // ---- Who sees what --------------------------------------------------------------------------------------------

    @Test
    void aDepartmentLeaderSeesItsOwnAgencyOnly() {
        Api leader = signedIn(DEPARTMENT_LEADER);

        JsonNode own = leader.get("/api/v1/tenants/demo/reports/sla").json();
        assertThat(own.path("agency").asText()).isEqualTo("skhdt");
        assertThat(own.path("agencies")).hasSize(1);
        assertThat(own.path("total").isMissingNode()).isTrue();
        assertFigures(own.path("agencies").get(0), expected("skhdt"));
        assertThat(leader.get("/api/v1/tenants/demo/reports/sla?agency=skhdt").status())
                .isEqualTo(200);
        Api.Response other = leader.get("/api/v1/tenants/demo/reports/sla?agency=stnmt");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.problemType()).isEqualTo("urn:edialog:problem:forbidden");
        assertThat(leader.get("/api/v1/tenants/demo/reports/ranking").status()).isEqualTo(403);
        assertThat(leader.get("/api/v1/tenants/demo/reports/trend?agency=thue").status())
                .isEqualTo(403);

        Api.Response page = leader.get("/reports");
        assertThat(page.status()).isEqualTo(200);
        assertThat(pageFigures(page.body())).containsOnlyKeys("skhdt");
        assertThat(page.body()).doesNotContain("id=\"ranking\"");
        assertThat(leader.get("/reports?agency=stnmt").status()).isEqualTo(403);
        assertThat(leader.get("/reports/sla.csv?agency=stnmt").status()).isEqualTo(403);
        HttpResponse<byte[]> csv = download(DEPARTMENT_LEADER, "/reports/sla.csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("edialog-sla-demo-skhdt-");
        assertThat(parseCsv(new String(csv.body(), StandardCharsets.UTF_8).substring(1)))
                .hasSize(2);
    }

    @Test
    void anOfficerWhoIsNoLeaderIsRefused() {
        Api officer = signedIn(OFFICER);

        Api.Response api = officer.get("/api/v1/tenants/demo/reports/sla?agency=skhdt");
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(officer.get("/reports").status()).isEqualTo(403);
        assertThat(officer.get("/reports/sla.xlsx").status()).isEqualTo(403);
    }

    @Test
    void anAskerIsRefused() {
        clock.real();
        Api asker = new Api(port);
        assertThat(SignIn.asker(asker, TestPki.shared().business(), "demo").status())
                .isEqualTo(200);
        clock.set(reportTime);

        Api.Response api = asker.get("/api/v1/tenants/demo/reports/sla");
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.problemType()).isEqualTo("urn:edialog:problem:forbidden");
        assertThat(asker.get("/reports").status()).isEqualTo(403);
    }

    @Test
    void nobodyReadsTheReportsOfAnotherProvince() {
        Api otherLeader = signedIn(OTHER_LEADER);
        Api demoLeader = signedIn(PROVINCE_LEADER);

        assertThat(otherLeader.get("/api/v1/tenants/demo/reports/sla").status()).isEqualTo(403);
        assertThat(otherLeader.get("/api/v1/tenants/demo/reports/ranking").status())
                .isEqualTo(403);
        assertThat(demoLeader.get("/api/v1/tenants/other/reports/sla").status()).isEqualTo(403);
        assertThat(demoLeader.get("/api/v1/tenants/nowhere/reports/trend").status())
                .isEqualTo(403);
        JsonNode own = otherLeader.get("/api/v1/tenants/other/reports/sla").json();
        assertThat(own.path("total").path("received").asLong())
                .as("the other province has no dialogue")
                .isZero();
        assertThat(otherLeader.get("/reports").body()).contains("Tỉnh Khác").doesNotContain("Tỉnh Demo");
    }

    @Test
    void anonymousCallersAreAskedToSignIn() {
        Api anonymous = new Api(port);

        Api.Response api = anonymous.get("/api/v1/tenants/demo/reports/sla");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.problemType()).isEqualTo("urn:edialog:problem:unauthenticated");
        Api.Response page = anonymous.get("/reports");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/sign-in");
        assertThat(anonymous.get("/reports/sla.csv").status()).isEqualTo(302);
        assertThat(anonymous.get("/api/openapi.json").body())
                .contains("/api/v1/tenants/{tenant}/reports/sla")
                .contains("/api/v1/tenants/{tenant}/reports/ranking")
                .contains("/api/v1/tenants/{tenant}/reports/trend")
                .contains("/api/v1/portal/{tenant}/on-time")
                .contains("SLA reports");
    }

    @Test
    void aBadPeriodIsABadRequest() {
        Api leader = signedIn(PROVINCE_LEADER);

        for (String query : List.of(
                "from=2026-05&to=2026-01",
                "from=2019-01&to=2026-01",
                "from=2026-13",
                "from=yesterday",
                "to=2026-02-30")) {
            Api.Response answer = leader.get("/api/v1/tenants/demo/reports/sla?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.problemType()).as(query).isEqualTo("urn:edialog:problem:bad-parameter");
            assertThat(answer.json().path("detail").asText()).as(query).isNotBlank();
            assertThat(leader.get("/api/v1/tenants/demo/reports/trend?" + query).status())
                    .as(query)
                    .isEqualTo(400);
            Api.Response page = leader.get("/reports?" + query);
            assertThat(page.status()).as(query).isEqualTo(400);
            assertThat(page.body()).as(query).contains("Kỳ báo cáo không hợp lệ");
        }
        assertThat(leader.get("/api/v1/tenants/demo/reports/sla?agency=atlantis")
                        .status())
                .isEqualTo(400);
        assertThat(leader.get("/reports?agency=atlantis").status()).isEqualTo(400);
        assertThat(leader.get("/api/v1/tenants/demo/reports/sla?from=2021-12&to=2026-11")
                        .status())
                .as("five years exactly")
                .isEqualTo(200);
    }

    /**
     * {@code from = to = one date} is that whole day (both ends included) on every report, page and API alike: the
     * day the scenario was asked on answers 200 everywhere with the same figures.
     */
    @Test
    void aPeriodOfOneDayIncludesThatDayOnThePagesAndTheApis() {
        LocalDate day = sla.facts("demo", onTime)
                .get(0)
                .receivedAt()
                .atZone(WorkingDayCalendar.VIETNAM)
                .toLocalDate();
        String oneDay = "from=" + day + "&to=" + day;
        Api leader = signedIn(PROVINCE_LEADER);

        Api.Response api = leader.get("/api/v1/tenants/demo/reports/sla?" + oneDay);
        Api.Response page = leader.get("/reports?" + oneDay);

        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(page.status()).isEqualTo(200);
        assertThat(api.json().path("period").path("from").asText()).isEqualTo(day.toString());
        assertThat(api.json().path("period").path("to").asText()).isEqualTo(day.toString());
        assertThat(api.json().path("total").path("received").asLong())
                .as("the day itself is in the period")
                .isPositive();
        Map<String, Map<String, String>> shown = pageFigures(page.body());
        Map<String, JsonNode> byAgency = new LinkedHashMap<>();
        api.json().path("agencies").forEach(a -> byAgency.put(a.path("agency").asText(), a));
        byAgency.put("", api.json().path("total"));
        assertThat(shown).containsOnlyKeys(byAgency.keySet());
        for (FigureColumn column : FigureColumn.values()) {
            if (column.kind() == FigureColumn.Kind.COUNT) {
                String field = lowerCamel(column.name());
                byAgency.forEach(
                        (agency, json) -> assertThat(number(shown.get(agency).get(column.name()), true))
                                .as(agency + " " + column)
                                .isEqualTo(BigDecimal.valueOf(json.path(field).asLong())));
            }
        }
        assertThat(leader.get("/api/v1/tenants/demo/reports/ranking?" + oneDay).status())
                .isEqualTo(200);
        assertThat(leader.get("/api/v1/tenants/demo/reports/trend?" + oneDay).status())
                .isEqualTo(200);
        assertThat(download(PROVINCE_LEADER, "/reports/sla.csv?" + oneDay).statusCode())
                .isEqualTo(200);

        // The public figure always covers the last twelve months: page and API give the same lines for any query.
        Api anonymous = new Api(port);
        Api.Response onTimeApi = anonymous.get("/api/v1/portal/demo/on-time?" + oneDay);
        Api.Response onTimePage = anonymous.get("/portal/demo/on-time?" + oneDay);
        assertThat(onTimeApi.status()).as(onTimeApi.body()).isEqualTo(200);
        assertThat(onTimePage.status()).isEqualTo(200);
        for (JsonNode line : onTimeApi.json().path("agencies")) {
            String agency = line.path("agency").asText();
            Matcher card = Pattern.compile(
                            "<li class=\"card\" data-agency=\"" + agency + "\">(.*?)</li>", Pattern.DOTALL)
                    .matcher(onTimePage.body());
            assertThat(card.find()).as(agency).isTrue();
            Map<String, String> cells = new HashMap<>();
            Matcher cell = CELL.matcher(card.group(1));
            while (cell.find()) {
                cells.put(cell.group(1), cell.group(2).strip());
            }
            if (line.path("answered").asLong() > 0) {
                assertThat(cells)
                        .as(agency)
                        .containsEntry("answered", line.path("answered").asText())
                        .containsEntry("onTime", line.path("answeredOnTime").asText());
            }
        }
    }

    @Test
    void anExplicitPeriodOfMonthsOrDatesNamesTheExport() {
        YearMonth month = YearMonth.from(reportTime.atZone(WorkingDayCalendar.VIETNAM));
        String from = month.minusMonths(2).toString();
        String to = month.toString();

        HttpResponse<byte[]> csv = download(PROVINCE_LEADER, "/reports/sla.csv?from=" + from + "&to=" + to);
        HttpResponse<byte[]> byDates = download(
                PROVINCE_LEADER,
                "/reports/sla.csv?from=" + month.minusMonths(2).atDay(1) + "&to=" + month.atEndOfMonth());

        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .contains("edialog-sla-demo-" + from + "_" + to + ".csv");
        assertThat(byDates.headers().firstValue("Content-Disposition").orElse(""))
                .contains("edialog-sla-demo-" + month.minusMonths(2).atDay(1) + "_" + month.atEndOfMonth() + ".csv");
        assertThat(new String(byDates.body(), StandardCharsets.UTF_8))
                .as("the same days, written as dates")
                .isEqualTo(new String(csv.body(), StandardCharsets.UTF_8));
    }

    // ---- The public figure ----------------------------------------------------------------------------------------

    @Test
    void thePublicSeesTheShareAnsweredOnTimePerAgencyAndNothingPersonal() {
        Api anonymous = new Api(port);

        Api.Response api = anonymous.get("/api/v1/portal/demo/on-time");

        assertThat(api.status()).isEqualTo(200);
        Map<String, JsonNode> byAgency = new HashMap<>();
        api.json().path("agencies").forEach(a -> byAgency.put(a.path("agency").asText(), a));
        assertThat(byAgency).containsOnlyKeys("ubnd", "skhdt", "stnmt", "stttt", "thue");
        assertThat(byAgency.get("skhdt").path("answered").asLong()).isEqualTo(2);
        assertThat(byAgency.get("skhdt").path("answeredOnTime").asLong()).isEqualTo(1);
        assertThat(byAgency.get("skhdt").path("onTimeRate").asDouble()).isEqualTo(0.5);
        assertThat(byAgency.get("ubnd").path("onTimeRate").asDouble()).isEqualTo(1.0);
        assertThat(byAgency.get("thue").path("answered").asLong()).isZero();
        assertThat(byAgency.get("thue").has("onTimeRate")).isFalse();
        assertThat(api.json().path("until").asText()).isEqualTo(reportTime.toString());

        Api.Response page = anonymous.get("/portal/demo/on-time");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Tỷ lệ trả lời đúng hạn").contains("Sở Kế hoạch và Đầu tư");
        Matcher card = Pattern.compile("<li class=\"card\" data-agency=\"([^\"]*)\">(.*?)</li>", Pattern.DOTALL)
                .matcher(page.body());
        Map<String, String> shown = new HashMap<>();
        while (card.find()) {
            shown.put(card.group(1), card.group(2));
            Matcher cells = CELL.matcher(card.group(2));
            while (cells.find()) {
                shown.put(card.group(1) + "/" + cells.group(1), cells.group(2).strip());
            }
        }
        assertThat(shown)
                .containsEntry("skhdt/answered", "2")
                .containsEntry("skhdt/onTime", "1")
                .containsEntry("skhdt/share", "50,0%")
                .containsEntry("ubnd/share", "100,0%");
        assertThat(shown.get("thue")).contains("Chưa có câu trả lời");
        for (String personal : List.of("Thủ tục thay đổi", "Hoàng Long", "MST:", "CCCD:", "Trả lời muộn")) {
            assertThat(api.body()).doesNotContain(personal);
            assertThat(page.body()).doesNotContain(personal);
        }
        assertThat(anonymous.get("/api/v1/portal/nowhere/on-time").status()).isEqualTo(404);
        assertThat(anonymous.get("/portal/nowhere/on-time").status()).isEqualTo(404);
    }

    // ---- Helpers --------------------------------------------------------------------------------------------------

    private HttpResponse<byte[]> download(String user, String path) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Authorization", "Basic " + basic)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code ANSWERED_ON_TIME} as the API names it: {@code answeredOnTime}. */
    private static String lowerCamel(String constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    /** The figures table of the report page: agency code ("" for the total) to column name to the text shown. */
    static Map<String, Map<String, String>> pageFigures(String html) {
        int start = html.indexOf("id=\"figures\"");
        int end = html.indexOf("</table>", start);
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(html.substring(start, end));
        while (row.find()) {
            Map<String, String> cells = new LinkedHashMap<>();
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) {
                cells.put(cell.group(1), cell.group(2).strip());
            }
            rows.put(row.group(1), cells);
        }
        return rows;
    }

    /** A number as the page writes it (Vietnamese: 1.234,5 and 66,7%), or null for the no-data dash. */
    static BigDecimal number(String shown, boolean vietnamese) {
        if (shown.equals(ReportFormat.NONE)) {
            return null;
        }
        String plain = shown.replace("%", "");
        plain = vietnamese ? plain.replace(".", "").replace(',', '.') : plain.replace(",", "");
        return new BigDecimal(plain);
    }

    private static BigDecimal csvNumber(String cell) {
        return cell.isEmpty() ? null : new BigDecimal(cell.replace(',', '.'));
    }

    /**
     * RFC 4180 records: quoted fields with doubled quotes, CRLF line ends; fields separated by ";" when the header line
     * has one (the Vietnamese CSV, whose decimals have a comma), else by ",".
     */
    static List<List<String>> parseCsv(String text) {
        char separator = text.lines().findFirst().orElse("").contains(";") ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                // part of CRLF
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        return rows;
    }

    private static String column(int index) {
        return String.valueOf((char) ('A' + index));
    }

    /** The entries of a ZIP file by name, read through its central directory as spreadsheet programs read it. */
    static Map<String, String> unzip(byte[] zip) throws IOException {
        Path file = Files.createTempFile("edialog-report", ".xlsx");
        try {
            Files.write(file, zip);
            Map<String, String> files = new HashMap<>();
            try (ZipFile archive = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(archive.entries())) {
                    try (InputStream in = archive.getInputStream(entry)) {
                        files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            return files;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> sharedStrings(String text) throws Exception {
        List<String> strings = new ArrayList<>();
        if (text == null) {
            return strings;
        }
        NodeList items = xml(text).getElementsByTagName("si");
        for (int i = 0; i < items.getLength(); i++) {
            strings.add(items.item(i).getTextContent());
        }
        return strings;
    }

    /** A sheet's cells by reference (A1): numbers as written, strings resolved. */
    private static Map<String, String> cells(String sheet, List<String> shared) throws Exception {
        Map<String, String> cells = new HashMap<>();
        NodeList nodes = xml(sheet).getElementsByTagName("c");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element cell = (Element) nodes.item(i);
            String type = cell.getAttribute("t");
            NodeList values = cell.getElementsByTagName("v");
            String value;
            if ("inlineStr".equals(type)) {
                value = cell.getElementsByTagName("t").item(0).getTextContent();
            } else if (values.getLength() == 0) {
                continue;
            } else if ("s".equals(type)) {
                value = shared.get(Integer.parseInt(values.item(0).getTextContent()));
            } else {
                value = values.item(0).getTextContent();
            }
            cells.put(cell.getAttribute("r"), value);
        }
        return cells;
    }
}
