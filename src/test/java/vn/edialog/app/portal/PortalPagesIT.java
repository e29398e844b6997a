package vn.edialog.app.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.edialog.app.evidence.EvidenceBundleVerifier;
import vn.edialog.app.evidence.EvidenceBundles;
import vn.edialog.app.operations.cli.Cli;
import vn.edialog.app.submission.GovernmentActions;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.signature.CmsSignatureVerifier;
import vn.edialog.command.signature.VerificationContext;

/**
 * The public portal's pages over HTTP, on dialogues asked, answered and published through the real paths: search with
 * and without diacritics, filters, paging, the published dialogue with its signed messages whose downloads re-verify,
 * what never appears (confidential and unpublished dialogues, the asker's name and ID number), English, tracking, and
 * bad input answered by a readable page.
 */
@EDialogIntegrationTest
class PortalPagesIT {

    private static final String CITIZEN_NAME = "Nguyễn Thị Hương";
    private static final Pattern DOWNLOAD =
            Pattern.compile("href=\"(/api/v1/portal/demo/dialogues/[0-9a-f-]+/events/(\\d+)/payload)\"");
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    @LocalServerPort
    int port;

    @Autowired
    GovernmentActions government;

    Api api;
    PortalDialogues dialogues;

    @BeforeEach
    void client() {
        api = new Api(port);
        dialogues = new PortalDialogues(api, government);
    }

    private static String marker() {
        return "Zq" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Api.Response page(String path) {
        Api.Response response = api.get(path);
        assertThat(response.contentType()).as(path).startsWith("text/html");
        return response;
    }

    private String search(String query) {
        Api.Response response = page("/portal/demo?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void thePortalOfTheOnlyProvinceOpensDirectlyAndListsTheLatestAnswers() {
        String marker = marker();
        var asked = dialogues.publish(
                TestPki.shared().business(),
                "thu-tuc-thue",
                "thue",
                "Kê khai thuế môn bài " + marker,
                "Doanh nghiệp mới thành lập có phải nộp lệ phí môn bài không?",
                "Doanh nghiệp mới thành lập được miễn lệ phí môn bài trong năm đầu.");

        Api.Response portal = api.get("/portal");
        assertThat(portal.status()).isEqualTo(302);
        assertThat(portal.header("Location")).endsWith("/portal/demo");

        String list = search("");
        assertThat(list)
                .contains("Hỏi đáp đã trả lời — Tỉnh Demo")
                .contains("Câu trả lời mới nhất")
                .contains("/portal/demo/dialogues/" + asked.id())
                .contains("Kê khai thuế môn bài " + marker)
                .contains("Cục Thuế tỉnh Demo")
                .contains("Thủ tục thuế, hóa đơn điện tử")
                .contains("href=\"/portal/demo/on-time\"")
                .contains(
                        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/api/v1/portal/demo/feed.atom\"");
        assertThat(page("/portal/atlantis").status()).isEqualTo(404);
    }

    @Test
    void searchingWithoutDiacriticsFindsWordsWithThemAndTheReverse() {
        String marker = marker();
        var accented = dialogues.publish(
                TestPki.shared().citizen(),
                "thu-tuc-thue",
                "thue",
                "Hoàn thuế thu nhập cá nhân " + marker,
                "Tôi nộp thừa thuế thu nhập cá nhân năm trước, làm sao để được hoàn?",
                "Người nộp thuế lập hồ sơ đề nghị hoàn thuế gửi cơ quan thuế quản lý trực tiếp.");
        var plain = dialogues.publish(
                TestPki.shared().business(),
                "thu-tuc-thue",
                "thue",
                "Gia han nop thue dat " + marker,
                "Cong ty xin gia han nop tien thue dat do kho khan.",
                "Cong ty gui van ban de nghi gia han kem ho so chung minh.");

        String withoutDiacritics = search("q=" + encode("hoan thue " + marker));
        assertThat(withoutDiacritics)
                .contains("/portal/demo/dialogues/" + accented.id())
                .doesNotContain("/portal/demo/dialogues/" + plain.id())
                .contains("<mark>thuế</mark>");
        String withDiacritics = search("q=" + encode("gia hạn nộp thuế " + marker));
        assertThat(withDiacritics)
                .contains("/portal/demo/dialogues/" + plain.id())
                .doesNotContain("/portal/demo/dialogues/" + accented.id())
                .contains("Kết quả tìm kiếm")
                .contains("1 câu trả lời");
        assertThat(search("q=" + encode("không có từ này " + marker))).contains("Không có câu trả lời nào phù hợp");
    }

    @Test
    void filtersByAgencyTopicAndPeriodNarrowTheResults() {
        String marker = marker();
        var tax = dialogues.publish(
                TestPki.shared().business(),
                "thu-tuc-thue",
                "thue",
                "Hóa đơn điện tử " + marker,
                "Khi nào phải dùng hóa đơn điện tử có mã của cơ quan thuế?",
                "Doanh nghiệp dùng hóa đơn điện tử có mã khi thuộc diện rủi ro cao về thuế.");
        var registration = dialogues.publish(
                TestPki.shared().business(),
                "dang-ky-kinh-doanh",
                "skhdt",
                "Đăng ký thay đổi ngành nghề " + marker,
                "Thủ tục bổ sung ngành nghề kinh doanh thế nào?",
                "Doanh nghiệp nộp thông báo thay đổi nội dung đăng ký qua cổng quốc gia.");
        String taxLink = "/portal/demo/dialogues/" + tax.id();
        String registrationLink = "/portal/demo/dialogues/" + registration.id();
        String q = "q=" + marker;

        assertThat(search(q)).contains(taxLink, registrationLink);
        assertThat(search(q + "&agency=thue")).contains(taxLink).doesNotContain(registrationLink);
        assertThat(search(q + "&topic=dang-ky-kinh-doanh"))
                .contains(registrationLink)
                .doesNotContain(taxLink);
        LocalDate today = LocalDate.now(vn.edialog.app.web.L10n.VIETNAM);
        assertThat(search(q + "&from=" + today + "&to=" + today)).contains(taxLink, registrationLink);
        assertThat(search(q + "&to=" + today.minusDays(1)))
                .doesNotContain(taxLink, registrationLink)
                .contains("Không có câu trả lời nào phù hợp");
        assertThat(search(q + "&from=" + today.plusDays(1))).doesNotContain(taxLink, registrationLink);
        assertThat(search(q + "&agency=thue"))
                .as("the chosen filter stays selected in the form")
                .containsPattern("<option value=\"thue\"\\s+selected=\"selected\"");
    }

    @Test
    void resultsArePagedTenAPage() {
        String marker = marker();
        for (int i = 1; i <= PortalPages.PAGE_SIZE + 1; i++) {
            dialogues.publish(
                    TestPki.shared().business(),
                    "phan-anh-kien-nghi",
                    "ubnd",
                    "Kiến nghị số " + i + " " + marker,
                    "Nội dung kiến nghị " + i,
                    "Trả lời kiến nghị " + i);
        }
        String first = search("q=" + marker);
        assertThat(count(first, "href=\"/portal/demo/dialogues/")).isEqualTo(PortalPages.PAGE_SIZE);
        assertThat(first).contains("11 câu trả lời").contains("Trang 1 / 2").contains("page=1");
        String second = search("q=" + marker + "&page=1");
        assertThat(count(second, "href=\"/portal/demo/dialogues/")).isEqualTo(1);
        assertThat(second).contains("Trang 2 / 2").contains("page=0");
        // A page past the last (a stale link, an edited address) leads to the last page, not an empty one.
        Api.Response past = api.get("/portal/demo?q=" + marker + "&page=7");
        assertThat(past.status()).isEqualTo(302);
        assertThat(past.header("Location")).endsWith("/portal/demo?q=" + marker + "&page=1");
    }

    @Test
    void theDialoguePageShowsTheSignedMessagesWhoseDownloadsReVerify(@TempDir Path dir) throws Exception {
        String marker = marker();
        String answer = "Thuế GTGT được hoàn trong 6 ngày làm việc " + marker;
        var asked = dialogues.publish(
                TestPki.shared().citizen(),
                "thu-tuc-thue",
                "thue",
                "Hoàn thuế giá trị gia tăng " + marker,
                "Hồ sơ hoàn thuế GTGT cho dự án đầu tư được giải quyết trong bao lâu?",
                answer);

        Api.Response response = page("/portal/demo/dialogues/" + asked.id());
        assertThat(response.status()).isEqualTo(200);
        String html = response.body();
        assertThat(html)
                .contains("Hoàn thuế giá trị gia tăng " + marker)
                .contains("Hồ sơ hoàn thuế GTGT cho dự án đầu tư")
                .contains(answer)
                .contains("Trả lời của Cục Thuế tỉnh Demo")
                .contains("Người hỏi: một người dân (không công khai tên).")
                .contains("Gửi câu hỏi", "Trả lời", "Công khai câu trả lời")
                .contains("Đã xác thực")
                .doesNotContain("Không xác thực được")
                .contains("eDialog Official-Duty CA")
                .contains("Liên kết đúng với thông điệp trước")
                .contains("openssl cms -verify -binary -inform DER")
                .contains("java -jar edialog.jar signature verify")
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\"");
        assertThat(html)
                .as("no personal data of the asker on the public page")
                .doesNotContain(CITIZEN_NAME)
                .doesNotContain(TestPki.CITIZEN_CCCD)
                .doesNotContain("CCCD:")
                .doesNotContain(asked.trackingCode());

        List<Long> sequences = new ArrayList<>();
        Matcher links = DOWNLOAD.matcher(html);
        while (links.find()) {
            sequences.add(Long.parseLong(links.group(2)));
            assertThat(html).contains(links.group(1).replace("/payload", "/signature.p7s"));
        }
        assertThat(sequences)
                .as("the answer and the publication are downloadable, the asker's question is not")
                .containsExactly(2L, 3L);
        Files.writeString(dir.resolve("root.pem"), TestPki.shared().root().certificatePem());
        for (long sequence : sequences) {
            String base = "/api/v1/portal/demo/dialogues/" + asked.id() + "/events/" + sequence;
            Download payload = download(base + "/payload");
            Download signature = download(base + "/signature.p7s");
            assertThat(payload.contentType()).startsWith("application/json");
            assertThat(signature.contentType()).startsWith("application/pkcs7-signature");
            assertThat(signature.disposition()).contains("attachment").contains(".p7s");

            var verified = new CmsSignatureVerifier()
                    .verify(
                            signature.bytes(),
                            Optional.of(payload.bytes()),
                            VerificationContext.of(Set.of(TestPki.shared().trustAnchor()), Instant.now()));
            assertThat(verified.valid()).as(verified.detail()).isTrue();

            Path content = Files.write(dir.resolve("event-" + sequence + ".json"), payload.bytes());
            Path cms = Files.write(dir.resolve("event-" + sequence + ".p7s"), signature.bytes());
            StringWriter out = new StringWriter();
            int exit = Cli.run(
                    new PrintWriter(out, true),
                    new PrintWriter(out, true),
                    "signature",
                    "verify",
                    "--signature",
                    cms.toString(),
                    "--content",
                    content.toString(),
                    "--trust",
                    dir.resolve("root.pem").toString());
            assertThat(exit).as(out.toString()).isEqualTo(Cli.VALID);
            opensslVerifies(dir, cms, content);
        }
        assertThat(new String(
                        download("/api/v1/portal/demo/dialogues/" + asked.id() + "/events/2/payload")
                                .bytes(),
                        StandardCharsets.UTF_8))
                .contains(answer);

        // The public evidence bundle: the same public messages, nothing of the asker, verifiable offline.
        String bundleUrl = "/api/v1/portal/demo/dialogues/" + asked.id() + "/evidence.asice";
        assertThat(html).contains("Tải hồ sơ chứng cứ (.asice)", bundleUrl, "evidence verify edialog-" + asked.id());
        Download bundle = download(bundleUrl);
        assertThat(bundle.contentType()).isEqualTo(EvidenceBundles.MEDIA_TYPE);
        assertThat(bundle.disposition()).contains("attachment", "edialog-" + asked.id() + ".asice");
        var report = EvidenceBundleVerifier.verify(
                new ByteArrayInputStream(bundle.bytes()),
                Set.of(TestPki.shared().trustAnchor()),
                Instant.now());
        assertThat(report.problems()).isEmpty();
        assertThat(report.signatures())
                .extracting(EvidenceBundleVerifier.SignatureCheck::file)
                .containsExactly("META-INF/signature002.p7s", "META-INF/signature003.p7s");
        String unpacked = new String(bundle.bytes(), StandardCharsets.ISO_8859_1);
        assertThat(unpacked).doesNotContain("payloads/000-", "payloads/001-");
        for (long notPublic : List.of(0L, 1L)) {
            assertThat(api.get("/api/v1/portal/demo/dialogues/" + asked.id() + "/events/" + notPublic + "/payload")
                            .status())
                    .as("event " + notPublic + " (the asker's question, the internal forward) is not downloadable")
                    .isEqualTo(404);
            assertThat(api.get("/api/v1/portal/demo/dialogues/" + asked.id() + "/events/" + notPublic
                                    + "/signature.p7s")
                            .status())
                    .isEqualTo(404);
        }
    }

    @Test
    void confidentialAndUnpublishedDialoguesAreNotFoundAnywhereOnThePortal() {
        String marker = marker();
        var confidential = dialogues.ask(
                TestPki.shared().citizen(), "thu-tuc-thue", "Khiếu nại mật " + marker, "Nội dung mật", true);
        var unpublished = dialogues.answer(
                TestPki.shared().citizen(),
                "thu-tuc-thue",
                "thue",
                "Chưa công khai " + marker,
                "Câu hỏi chưa được công khai",
                "Câu trả lời chưa được công khai");
        // Once the published marker below is on the portal, the projection has handled the events before it.
        var published = dialogues.publish(
                TestPki.shared().business(), "thu-tuc-thue", "thue", "Đã công khai " + marker, "Hỏi", "Đáp");

        for (var hidden : List.of(confidential, unpublished)) {
            Api.Response response = page("/portal/demo/dialogues/" + hidden.id());
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).contains("Không tìm thấy trang hoặc hồ sơ này.");
            assertThat(api.get("/api/v1/portal/demo/dialogues/" + hidden.id() + "/events/0/payload")
                            .status())
                    .isEqualTo(404);
        }
        String results = search("q=" + marker);
        assertThat(results)
                .contains("/portal/demo/dialogues/" + published.id())
                .doesNotContain(confidential.id().toString(), unpublished.id().toString())
                .doesNotContain("Khiếu nại mật", "Chưa công khai");
        assertThat(page("/portal/demo/dialogues/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(page("/portal/demo/dialogues/not-a-dialogue").status()).isEqualTo(404);
        assertThat(page("/portal/atlantis/dialogues/" + published.id()).status())
                .isEqualTo(404);
    }

    @Test
    void anAskersNameAndIdNumberNeverAppearOnPublicPages() {
        String marker = marker();
        var asked = dialogues.publish(
                TestPki.shared().citizen(),
                "phan-anh-kien-nghi",
                "ubnd",
                "Đèn đường hỏng " + marker,
                "Đèn đường trước nhà tôi hỏng đã một tháng.",
                "Ủy ban đã giao đơn vị quản lý sửa chữa trong tuần.");
        for (String path : List.of(
                "/portal/demo?q=" + marker,
                "/portal/demo/dialogues/" + asked.id(),
                "/portal/demo/dialogues/" + asked.id() + "?lang=en",
                "/tracking/" + asked.trackingCode())) {
            assertThat(page(path).body()).as(path).doesNotContain(CITIZEN_NAME).doesNotContain(TestPki.CITIZEN_CCCD);
        }
        assertThat(api.get("/api/v1/portal/demo/feed.atom").body())
                .doesNotContain(CITIZEN_NAME)
                .doesNotContain(TestPki.CITIZEN_CCCD)
                .contains("/portal/demo/dialogues/" + asked.id());
    }

    @Test
    void pagesSpeakEnglishWithLangEn() {
        String marker = marker();
        var asked = dialogues.publish(
                TestPki.shared().business(),
                "thu-tuc-thue",
                "thue",
                "Thuế nhà thầu " + marker,
                "Hỏi về thuế nhà thầu nước ngoài.",
                "Bên Việt Nam khấu trừ và nộp thay.");
        assertThat(search("q=" + marker + "&lang=en"))
                .contains("Answered questions — Demo Province")
                .contains("Search results")
                .contains("Provincial Tax Department")
                .contains("Tax procedures and e-invoices");
        String english =
                page("/portal/demo/dialogues/" + asked.id() + "?lang=en").body();
        assertThat(english)
                .contains("Answer of the Provincial Tax Department")
                .contains("Asked by a business (its name is not published).")
                .contains("Question submitted", "Answered", "Answer published")
                .contains("Verified")
                .contains("Check the signatures yourself")
                .contains("lang=\"en\"");
        assertThat(page("/portal/demo?lang=vi").body()).contains("Hỏi đáp đã trả lời");
    }

    @Test
    void theTrackingPageShowsTheStatusAndNeverTheQuestion() {
        String marker = marker();
        var asked = dialogues.ask(
                TestPki.shared().citizen(),
                "dat-dai",
                "Cấp sổ đỏ " + marker,
                "Tôi đã nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất " + marker,
                false);

        assertThat(page("/tracking").body()).contains("Tra cứu hồ sơ").contains("name=\"code\"");
        Api.Response form =
                api.get("/tracking?code=" + encode(" " + asked.trackingCode().toLowerCase() + " "));
        assertThat(form.status()).isEqualTo(302);
        assertThat(form.header("Location")).endsWith("/tracking/" + asked.trackingCode());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/tracking/" + asked.trackingCode()).status() == 200);
        String html = page("/tracking/" + asked.trackingCode()).body();
        assertThat(html)
                .contains("Hồ sơ " + asked.trackingCode())
                .contains("Chờ tiếp nhận")
                .contains("Ủy ban nhân dân tỉnh Demo")
                .contains("Hạn xử lý")
                .doesNotContain(marker)
                .doesNotContain("sổ đỏ");
        assertThat(page("/tracking/" + asked.trackingCode() + "?lang=en").body())
                .contains("Dialogue " + asked.trackingCode())
                .contains("People&#39;s Committee of Demo Province");

        Api.Response unknown = page("/tracking/DEMO-1999-999999?lang=vi");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("Không có hồ sơ nào có mã DEMO-1999-999999");
        Api.Response bad = page("/tracking?code=" + encode("<script>alert(1)</script>"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Mã hồ sơ chỉ gồm").doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void badSearchInputIsAnsweredByAReadablePageNotAnError() {
        record Case(String query, String message) {}
        for (Case c : List.of(
                new Case("from=yesterday", "&quot;yesterday&quot; không phải là ngày"),
                new Case("to=2026-02-30", "không phải là ngày"),
                new Case("from=2026-03-01&to=2026-02-01", "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc"),
                new Case("page=-1", "Số trang không hợp lệ"),
                new Case("page=abc", "Số trang không hợp lệ"),
                new Case("q=" + "a".repeat(1_000), "Từ khóa quá dài: tối đa 200 ký tự"),
                new Case("agency=" + encode("<b>nowhere</b>"), "Không có cơ quan này trong tỉnh"),
                new Case("topic=nothing", "Không có lĩnh vực này trong tỉnh"))) {
            Api.Response response = page("/portal/demo?" + c.query());
            assertThat(response.status()).as(c.query()).isEqualTo(400);
            assertThat(response.body())
                    .as(c.query())
                    .contains(c.message())
                    .contains("role=\"alert\"")
                    .contains("name=\"q\"")
                    .doesNotContain("<b>nowhere</b>");
        }
        assertThat(page("/portal/demo?page=-1&lang=en").body()).contains("The page number is not valid.");
    }

    private record Download(byte[] bytes, String contentType, String disposition) {}

    private Download download(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.base() + path)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new Download(
                response.body(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Content-Disposition").orElse(""));
    }

    private static void opensslVerifies(Path dir, Path cms, Path content) throws Exception {
        if (!Files.isExecutable(OPENSSL)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("openssl is required on CI at " + OPENSSL);
            }
            return;
        }
        Process openssl = new ProcessBuilder(
                        OPENSSL.toString(),
                        "cms",
                        "-verify",
                        "-binary",
                        "-inform",
                        "DER",
                        "-in",
                        cms.toString(),
                        "-content",
                        content.toString(),
                        "-CAfile",
                        dir.resolve("root.pem").toString(),
                        "-purpose",
                        "any",
                        "-out",
                        "/dev/null")
                .redirectErrorStream(true)
                .start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(output).isZero();
        assertThat(output).contains("Verification successful");
    }
}
