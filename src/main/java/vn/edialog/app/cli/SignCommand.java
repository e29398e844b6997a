package vn.edialog.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.edialog.command.signature.CanonicalJson;
import vn.edialog.command.signature.CmsSigner;
import vn.edialog.command.signature.KeyStoreSigner;

/**
 * {@code sign}: turns a JSON payload into a signed envelope. The payload is put in RFC 8785 canonical form; a missing
 * {@code nonce} or {@code signedAt} is filled in (and said on standard error), so a payload file can be reused.
 */
@Command(
        name = "sign",
        description = "Sign a JSON payload with a PKCS#12 key; prints the envelope {\"payload\", \"signature\"} to send"
                + " to the API.")
final class SignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, description = "PKCS#12 file with the signing key and its chain")
    Path key;

    @Option(
            names = "--password-env",
            required = true,
            description = "Name of the environment variable holding the PKCS#12 password")
    String passwordEnv;

    @Option(names = "--payload", required = true, description = "The payload, a JSON object")
    Path payload;

    @Override
    public Integer call() throws Exception {
        String password = System.getenv(passwordEnv);
        if (password == null) {
            throw new Inputs.UnusableInput("the environment variable " + passwordEnv + " is not set");
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode tree;
        try {
            tree = json.readTree(Inputs.read(payload));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Inputs.UnusableInput(payload + " is not JSON: " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new Inputs.UnusableInput(payload + " must hold a JSON object");
        }
        if (!object.hasNonNull("nonce")) {
            object.put("nonce", UUID.randomUUID().toString());
            spec.commandLine()
                    .getErr()
                    .println("sign: added nonce " + object.get("nonce").asText());
        }
        if (!object.hasNonNull("signedAt")) {
            object.put("signedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            spec.commandLine()
                    .getErr()
                    .println("sign: added signedAt " + object.get("signedAt").asText());
        }
        CmsSigner signer;
        try {
            signer = KeyStoreSigner.fromPkcs12(key, password.toCharArray());
        } catch (RuntimeException e) {
            Inputs.read(key);
            throw new Inputs.UnusableInput("cannot use the key in " + key + ": " + Cli.message(e));
        }
        byte[] bytes = CanonicalJson.canonicalize(object);
        byte[] signature = signer.sign(bytes);
        ObjectNode envelope = json.createObjectNode()
                .put("payload", Base64.getEncoder().encodeToString(bytes))
                .put("signature", Base64.getEncoder().encodeToString(signature));
        spec.commandLine().getOut().println(json.writeValueAsString(envelope));
        return Cli.VALID;
    }
}
