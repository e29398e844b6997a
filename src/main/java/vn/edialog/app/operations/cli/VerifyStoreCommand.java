package vn.edialog.app.operations.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.edialog.app.evidence.ArchiveTimeStamps;
import vn.edialog.app.evidence.ChainAnchors;
import vn.edialog.app.evidence.TimeStampAudit;
import vn.edialog.app.operations.database.DataSourceConfiguration;
import vn.edialog.app.operations.store.EventStoreVerifier;
import vn.edialog.app.pki.PkiProperties;
import vn.edialog.app.web.L10n;
import vn.edialog.command.signature.PemFiles;
import vn.edialog.command.signature.TrustAnchors;
import vn.edialog.command.timestamp.TimeStampVerifier;

/**
 * {@code verify-store}: re-verifies every stored event (signature, signed fields, hash link, no gaps) against the
 * configured database and trust anchors, and names the first break. Uses the same configuration as the server
 * ({@code EDIALOG_DB_URL}, or the embedded database under {@code ./data}, which must not be in use by a running
 * server).
 */
@Command(
        name = "verify-store",
        description = "Re-verify every stored event's signature and hash link; name the first break.")
final class VerifyStoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--trust", description = "Extra trust anchors (repeatable); the configured ones always apply")
    List<Path> trust;

    @Option(names = "--json", description = "Print one JSON object")
    boolean json;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PkiProperties.class)
    @Import(DataSourceConfiguration.class)
    static class StoreContext {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StoreContext.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("logging.level.root=warn", "logging.level.vn.edialog=warn")
                .run()) {
            Set<TrustAnchor> anchors = anchors(context);
            Set<TrustAnchor> timeStampRoots = timeStampRoots(context, anchors);
            ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
            ArchiveTimeStamps.Report archive =
                    ArchiveTimeStamps.audit(JdbcClient.create(context.getBean(DataSource.class)), timeStampRoots);
            EventStoreVerifier verifier = new EventStoreVerifier(
                    mapper, EventStoreVerifier.cmsCheck(anchors, timeStampRoots, Instant.now(), archive.renewals()));
            EventStoreVerifier.Report report = verifier.verify(context.getBean(DataSource.class), null);
            TimeStampAudit.Report stamps =
                    TimeStampAudit.audit(context.getBean(DataSource.class), new TimeStampVerifier(timeStampRoots));
            ChainAnchors.Report anchored =
                    ChainAnchors.audit(context.getBean(DataSource.class), new TimeStampVerifier(timeStampRoots));
            boolean valid = report.intact()
                    && stamps.invalid() == 0
                    && anchored.problems().isEmpty()
                    && archive.renewals().problems().isEmpty();
            if (json) {
                var node = mapper.createObjectNode()
                        .put("valid", valid)
                        .put("events", report.events())
                        .put("dialogues", report.dialogues())
                        .put("validByTimeStamp", report.byTimeStamp())
                        .put("validBySignedTime", report.bySignedTime())
                        .put("sealed", report.sealed());
                node.putObject("timeStamps")
                        .put("verified", stamps.stamped())
                        .put("pending", stamps.pending())
                        .put("invalid", stamps.invalid())
                        .put("longTerm", stamps.longTerm())
                        .put("awaitingValidationValues", stamps.awaitingValues())
                        .put("incompleteValidationValues", stamps.incompleteValues())
                        .set("problems", mapper.valueToTree(stamps.problems()));
                node.putObject("anchors")
                        .put(
                                "verified",
                                anchored.anchors() - anchored.problems().size())
                        .put("anchoredEvents", anchored.anchoredEvents())
                        .put("unanchoredEvents", anchored.unanchoredEvents())
                        .set("problems", mapper.valueToTree(anchored.problems()));
                var renewals = node.putObject("archiveTimeStamps")
                        .put("verified", archive.renewals().verified().size())
                        .put("uncovered", archive.uncovered());
                archive.renewals().latest().ifPresent(latest -> renewals.put(
                                "latest", latest.time().toString())
                        .put("authority", latest.authority())
                        .put("provenUntil", latest.authorityExpires().toString()));
                renewals.set("problems", mapper.valueToTree(archive.renewals().problems()));
                report.firstBreak().ifPresent(b -> node.put("reason", "break")
                        .put("detail", b.toString())
                        .put("globalIndex", b.globalIndex())
                        .put("dialogueId", b.dialogueId())
                        .put("sequence", b.sequence()));
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            } else {
                if (report.intact()) {
                    out.println("VALID: " + report.events() + " events of " + report.dialogues()
                            + " dialogues verified (signatures, signed fields, hash links, no gaps)");
                } else {
                    out.println("INVALID: first break at " + report.firstBreak().get());
                    out.println("  " + report.events() + " events before it verified");
                }
                if (report.sealed() > 0) {
                    out.println("  confidential: " + report.sealed()
                            + " sealed events verified by their payload's digest (their content is encrypted apart)");
                }
                if (report.byTimeStamp() + report.bySignedTime() > 0) {
                    out.println("  certificates expired since signing: " + report.byTimeStamp()
                            + " signatures proven older by their time-stamp, " + report.bySignedTime()
                            + " vouched for by their signed time alone (no time-stamp proves it)");
                }
                out.println((stamps.invalid() == 0 ? "time-stamps: " : "INVALID time-stamps: ") + stamps.stamped()
                        + " verified, " + stamps.pending() + " pending, " + stamps.invalid() + " invalid");
                stamps.problems().forEach(problem -> out.println("  " + problem));
                out.println("validation values (CAdES-LT): " + stamps.longTerm() + " captured, "
                        + stamps.awaitingValues() + " awaiting, " + stamps.incompleteValues() + " incomplete");
                out.println((anchored.problems().isEmpty() ? "anchors: " : "INVALID anchors: ")
                        + (anchored.anchors() - anchored.problems().size()) + " verified covering "
                        + anchored.anchoredEvents() + " events, " + anchored.unanchoredEvents()
                        + " events not yet anchored, " + anchored.problems().size() + " invalid");
                anchored.problems().forEach(problem -> out.println("  " + problem));
                out.println((archive.renewals().problems().isEmpty()
                                ? "archive time-stamps: "
                                : "INVALID archive time-stamps: ")
                        + archive.renewals().verified().size() + " verified"
                        + archive.renewals()
                                .latest()
                                .map(latest -> " (latest " + L10n.DATE_TIME.format(latest.time()) + " by "
                                        + latest.authority() + ": the store's time-stamps are proven until "
                                        + L10n.DATE_TIME.format(latest.authorityExpires()) + ")")
                                .orElse("")
                        + ", " + archive.uncovered() + " time-stamps not yet renewed, "
                        + archive.renewals().problems().size() + " invalid");
                archive.renewals().problems().forEach(problem -> out.println("  " + problem));
            }
            return valid ? Cli.VALID : Cli.INVALID;
        }
    }

    /** The signature anchors and the time-stamping roots of {@code edialog.tsa.trust}. */
    private static Set<TrustAnchor> timeStampRoots(ConfigurableApplicationContext context, Set<TrustAnchor> anchors) {
        Set<TrustAnchor> roots = new HashSet<>(anchors);
        String files = context.getEnvironment().getProperty("edialog.tsa.trust", "");
        for (String file : files.split(",")) {
            if (!file.isBlank()) {
                roots.addAll(TrustAnchors.anchorsOf(PemFiles.readCertificates(Path.of(file.strip()))));
            }
        }
        return roots;
    }

    private Set<TrustAnchor> anchors(ConfigurableApplicationContext context) {
        List<X509Certificate> certificates = new ArrayList<>(Inputs.certificates(trust));
        PkiProperties pki = context.getBean(PkiProperties.class);
        pki.trustAnchors().forEach(file -> certificates.addAll(PemFiles.readCertificates(file)));
        pki.tenantTrustAnchors()
                .values()
                .forEach(files -> files.forEach(file -> certificates.addAll(PemFiles.readCertificates(file))));
        Path demoRoot = Path.of(context.getEnvironment().getProperty("edialog.data-dir", "./data"), "pki", "root.pem");
        if (pki.demo() && Files.exists(demoRoot)) {
            certificates.addAll(PemFiles.readCertificates(demoRoot));
        }
        if (certificates.isEmpty()) {
            throw new Inputs.UnusableInput(
                    "no trust anchors configured: give --trust FILE or EDIALOG_PKI_TRUST_ANCHORS");
        }
        return TrustAnchors.anchorsOf(certificates);
    }
}
