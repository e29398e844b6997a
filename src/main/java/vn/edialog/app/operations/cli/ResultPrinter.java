package vn.edialog.app.operations.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.security.cert.X509Certificate;
import vn.edialog.command.signature.VerificationResult;

/** Prints a verification result as text or, with {@code --json}, as one JSON object; returns the exit code. */
final class ResultPrinter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultPrinter() {}

    static int print(VerificationResult result, boolean json, PrintWriter out) {
        if (json) {
            ObjectNode node = JSON.createObjectNode().put("valid", result.valid());
            if (!result.valid()) {
                node.put("reason", result.reason().code());
            }
            if (result.detail() != null) {
                node.put("detail", result.detail());
            }
            if (result.signer() != null) {
                ObjectNode signer = node.putObject("signer")
                        .put("subject", result.signer().subject())
                        .put("issuer", result.signer().issuer())
                        .put("serial", result.signer().serialHex());
                if (result.signer().signingTime() != null) {
                    signer.put("signingTime", result.signer().signingTime().toString());
                }
            }
            if (result.identity() != null) {
                node.put("identity", result.identity().id());
            }
            ArrayNode path = node.putArray("path");
            for (X509Certificate certificate : result.path()) {
                path.add(certificate.getSubjectX500Principal().getName());
            }
            ArrayNode facts = node.putArray("facts");
            result.facts().forEach(facts::add);
            try {
                out.println(JSON.writeValueAsString(node));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            if (result.valid()) {
                out.println("VALID");
            } else {
                out.println("INVALID (" + result.reason().code() + "): " + result.detail());
            }
            if (result.signer() != null) {
                out.println("  signer:  " + result.signer().subject());
                out.println("  issuer:  " + result.signer().issuer());
                out.println("  serial:  " + result.signer().serialHex());
                if (result.signer().signingTime() != null) {
                    out.println("  signed:  " + result.signer().signingTime());
                }
            }
            if (result.identity() != null) {
                out.println("  identity: " + result.identity().id());
            }
            for (X509Certificate certificate : result.path()) {
                out.println(
                        "  path:    " + certificate.getSubjectX500Principal().getName());
            }
            result.facts().forEach(fact -> out.println("  - " + fact));
        }
        return result.valid() ? Cli.VALID : Cli.INVALID;
    }
}
