package vn.edialog.app.operations.cli;

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

    @picocli.CommandLine.ArgGroup(multiplicity = "1")
    Password password;

    /** Where the PKCS#12 password comes from: never from the command line itself, which other users can see. */
    static final class Password {
        @Option(names = "--password-env", description = "Name of the environment variable holding the password")
        String environmentVariable;

        @Option(names = "--password-file", description = "File whose first line is the password")
        Path file;

        char[] read() {
            if (file != null) {
                String text = new String(Inputs.read(file), java.nio.charset.StandardCharsets.UTF_8);
                return text.lines().findFirst().orElse("").toCharArray();
            }
            String value = System.getenv(environmentVariable);
            if (value == null) {
                throw new Inputs.UnusableInput("the environment variable " + environmentVariable + " is not set");
            }
            return value.toCharArray();
        }
    }

    @Option(names = "--payload", required = true, description = "The payload, a JSON object")
    Path payload;

    @Override
    public Integer call() throws Exception {
        char[] secret = password.read();
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
        if ("ask".equals(object.path("type").asText()) && !object.hasNonNull("dialogueId")) {
            // An ask names its new dialogue: the client chooses the id, and this command can choose it for a person.
            object.put("dialogueId", UUID.randomUUID().toString());
            spec.commandLine()
                    .getErr()
                    .println(
                            "sign: added dialogueId " + object.get("dialogueId").asText());
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
            signer = KeyStoreSigner.fromPkcs12(key, secret);
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
