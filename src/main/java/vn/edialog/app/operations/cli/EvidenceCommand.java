package vn.edialog.app.operations.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.edialog.app.evidence.EvidenceBundleVerifier;
import vn.edialog.app.web.L10n;

/** {@code evidence verify}: verifies a dialogue's evidence bundle (ASiC-E) offline. */
@Command(
        name = "evidence",
        description = "Dialogue evidence bundles (ASiC-E)",
        subcommands = {EvidenceCommand.Verify.class})
final class EvidenceCommand {

    @Command(
            name = "verify",
            description = "Verify an evidence bundle offline: that its manifest covers every file unaltered, the"
                    + " manifest's archive time-stamp, and every signature over its payload at --at (a signature"
                    + " whose certificate has expired since is valid when its time-stamp proves it was made while"
                    + " the certificate was valid).")
    static final class Verify implements Callable<Integer> {

        private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE.asice", description = "The bundle, as downloaded")
        Path bundle;

        @Option(names = "--trust", description = "PEM or DER file of trust anchors (repeatable)")
        List<Path> trust;

        @Option(names = "--at", description = "Verification time, RFC 3339 (default: now)")
        String at;

        @Option(names = "--json", description = "Print one JSON object")
        boolean json;

        @Override
        public Integer call() throws Exception {
            byte[] bytes = Inputs.read(bundle);
            EvidenceBundleVerifier.Report report;
            try {
                report = EvidenceBundleVerifier.verify(
                        new ByteArrayInputStream(bytes), Inputs.anchors(trust), Inputs.instant(at));
            } catch (EvidenceBundleVerifier.Unreadable e) {
                throw new Inputs.UnusableInput(bundle + ": " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode node =
                        JSON.createObjectNode().put("valid", report.valid()).put("filesCovered", report.covered());
                if (report.archiveTimeStamp() != null) {
                    node.putObject("archiveTimeStamp")
                            .put("time", report.archiveTimeStamp().time().toString())
                            .put("authority", report.archiveTimeStamp().authority());
                }
                ArrayNode signatures = node.putArray("signatures");
                for (var check : report.signatures()) {
                    var result = check.outcome().result();
                    ObjectNode signature = signatures
                            .addObject()
                            .put("file", check.file())
                            .put("payload", check.payload())
                            .put("valid", result.valid())
                            .put("byTimeStamp", check.outcome().byTimeStamp())
                            .put("detail", result.detail());
                    if (!result.valid()) {
                        signature.put("reason", result.reason().code());
                    }
                    if (check.outcome().stamp() != null) {
                        signature.put(
                                "timeStamped", check.outcome().stamp().time().toString());
                    }
                    if (result.signer() != null) {
                        signature.put("signer", result.signer().subject());
                    }
                }
                ArrayNode problems = node.putArray("problems");
                report.problems().forEach(problems::add);
                out.println(JSON.writeValueAsString(node));
            } else {
                out.println((report.valid() ? "VALID: " : "INVALID: ")
                        + report.signatures().size() + " signatures, " + report.covered()
                        + " files covered by the manifest");
                if (report.archiveTimeStamp() != null) {
                    out.println("  archive time-stamp: "
                            + L10n.DATE_TIME.format(report.archiveTimeStamp().time()) + " (Vietnam), by "
                            + report.archiveTimeStamp().authority());
                } else {
                    out.println("  archive time-stamp: none");
                }
                for (var check : report.signatures()) {
                    var result = check.outcome().result();
                    out.println("  " + check.file() + " over " + check.payload() + ": "
                            + (result.valid() ? "valid" : result.code()) + " — " + result.detail());
                    if (result.signer() != null) {
                        out.println("      signer: " + result.signer().subject());
                    }
                    if (check.outcome().stamp() != null) {
                        out.println("      time-stamped: "
                                + L10n.DATE_TIME.format(check.outcome().stamp().time()) + " (Vietnam), by "
                                + check.outcome().stamp().authority());
                    }
                }
                report.problems().forEach(problem -> out.println("  problem: " + problem));
            }
            return report.valid() ? Cli.VALID : Cli.INVALID;
        }
    }
}
