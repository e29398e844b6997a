package vn.edialog.app.operations.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.edialog.command.signature.CertificatePathChecker;
import vn.edialog.command.signature.Profile;

/** {@code certs check}: certificate path validation. */
@Command(
        name = "certs",
        description = "Certificates",
        subcommands = {CertsCommand.Check.class})
final class CertsCommand {

    @Command(
            name = "check",
            description = "Validate a certificate's path to the trust anchors. Profile rfc5280 is plain RFC 5280 path"
                    + " validation; edialog (default) adds the product's policy (algorithms, key sizes, key usage,"
                    + " identity attribute). When CRLs are given, every certificate of the path must be covered by a"
                    + " valid CRL of its issuer.")
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--cert", required = true, description = "The certificate (first one of the file is checked)")
        Path cert;

        @Option(names = "--untrusted", description = "Intermediate certificates (repeatable)")
        List<Path> untrusted;

        @Option(names = "--trust", required = true, description = "Trust anchors (repeatable)")
        List<Path> trust;

        @Option(names = "--crl", description = "CRL files (repeatable)")
        List<Path> crls;

        @Option(names = "--at", description = "Validation time, RFC 3339 (default: now)")
        String at;

        @Option(names = "--profile", defaultValue = "edialog", description = "edialog (default) or rfc5280")
        String profile;

        @Option(names = "--json", description = "Print one JSON object")
        boolean json;

        @Override
        public Integer call() {
            Profile chosen =
                    switch (profile.toLowerCase(Locale.ROOT)) {
                        case "edialog" -> Profile.EDIALOG;
                        case "rfc5280" -> Profile.RFC5280;
                        default -> throw new Inputs.UnusableInput(
                                "--profile must be edialog or rfc5280, not '" + profile + "'");
                    };
            List<X509Certificate> certificates = Inputs.certificates(List.of(cert));
            X509Certificate leaf = certificates.get(0);
            List<X509Certificate> intermediates = new ArrayList<>(certificates.subList(1, certificates.size()));
            intermediates.addAll(Inputs.certificates(untrusted));
            var result = new CertificatePathChecker()
                    .check(leaf, intermediates, Inputs.anchors(trust), Inputs.crls(crls), Inputs.instant(at), chosen);
            return ResultPrinter.print(result, json, spec.commandLine().getOut());
        }
    }
}
