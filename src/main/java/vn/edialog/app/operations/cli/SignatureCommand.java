package vn.edialog.app.operations.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.edialog.command.signature.TrustAnchors;
import vn.edialog.command.signature.VerificationContext;
import vn.edialog.command.timestamp.LongTermVerifier;

/** {@code signature verify}: verifies a CMS signature with the product's policy. */
@Command(
        name = "signature",
        description = "CMS signatures",
        subcommands = {SignatureCommand.Verify.class})
final class SignatureCommand {

    @Command(
            name = "verify",
            description = "Verify a CMS SignedData (detached with --content, or enveloping) with eDialog's policy:"
                    + " signature, signed attributes, algorithms, certificate path to the trust anchors, validity at"
                    + " --at, key usage, and revocation against the CRLs given. A signature whose certificate has"
                    + " expired since is valid when its signature-time-stamp (carried in the CMS, CAdES-T/LT, or"
                    + " given with --timestamp) proves it was made while the certificate was valid.")
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--signature", required = true, description = "The CMS file (DER, PEM or base64)")
        Path signature;

        @Option(names = "--content", description = "The signed content, for a detached signature")
        Path content;

        @Option(names = "--trust", description = "PEM or DER file of trust anchors (repeatable)")
        List<Path> trust;

        @Option(names = "--untrusted", description = "Extra intermediate certificates (repeatable)")
        List<Path> untrusted;

        @Option(names = "--crl", description = "CRL file; when given, every certificate of the path must be covered")
        List<Path> crls;

        @Option(
                names = "--timestamp",
                description = "The signature-time-stamp token of a signature that does not carry it (DER, PEM or"
                        + " base64: a TimeStampToken or a TimeStampResp)")
        Path timestamp;

        @Option(
                names = "--tsa-trust",
                description = "Roots of trusted time-stamping authorities (repeatable); the --trust anchors count too")
        List<Path> tsaTrust;

        @Option(names = "--at", description = "Verification time, RFC 3339 (default: now)")
        String at;

        @Option(names = "--json", description = "Print one JSON object")
        boolean json;

        @Override
        public Integer call() {
            byte[] cms = Inputs.readCms(signature);
            if (timestamp != null) {
                cms = Inputs.withTimeStamp(cms, timestamp);
            }
            Optional<byte[]> detached = Optional.ofNullable(content).map(Inputs::read);
            VerificationContext context = VerificationContext.of(Inputs.anchors(trust), Inputs.instant(at))
                    .withUntrusted(Inputs.certificates(untrusted))
                    .withCrls(Inputs.crls(crls));
            var result = new LongTermVerifier(TrustAnchors.anchorsOf(Inputs.certificates(tsaTrust)))
                    .verify(cms, detached, context);
            return ResultPrinter.print(result, json, spec.commandLine().getOut());
        }
    }
}
