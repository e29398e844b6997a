package vn.edialog.app.operations.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.edialog.command.dialogue.api.TextLimits;

/**
 * {@code erase --dialogue ID --reason TEXT}: erases a finished confidential dialogue's content for good (Decree
 * 13/2023). A running server does it ({@code ErasureRequests}): it records the signed erasure and destroys the
 * dialogue's data keys; this command waits for its outcome.
 */
@Command(
        name = "erase",
        description = "Erase a finished confidential dialogue's content for good (its data keys are destroyed, a signed"
                + " erasure is recorded). Exit code 0 when erased, 1 when refused or no server took the request in"
                + " time (it stays queued), 2 for bad input.")
final class EraseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dialogue", required = true, description = "The dialogue's id (UUID)")
    String dialogue;

    @Option(names = "--reason", required = true, description = "Why (recorded in the signed erasure)")
    String reason;

    @Option(
            names = "--wait",
            defaultValue = "PT2M",
            description = "How long to wait for a server to do it, as ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration wait;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        UUID id;
        try {
            id = UUID.fromString(dialogue);
        } catch (IllegalArgumentException e) {
            err.println("--dialogue must be a dialogue's id (UUID), not '" + dialogue + "'");
            return Cli.UNUSABLE;
        }
        String why = reason.strip();
        if (why.isEmpty() || TextLimits.length(why) > TextLimits.REASON_MAX - 300) {
            err.println("--reason must be text of 1 to " + (TextLimits.REASON_MAX - 300) + " characters");
            return Cli.UNUSABLE;
        }
        try (DeadLettersCommand.Database database = DeadLettersCommand.Database.open()) {
            JdbcClient jdbc = database.jdbc();
            boolean confidential = jdbc.sql("select count(*) from confidential_dialogue where dialogue_id = :id")
                            .param("id", id)
                            .query(Integer.class)
                            .single()
                    > 0;
            if (!confidential) {
                err.println("Dialogue " + id + " is not a confidential dialogue whose content is kept encrypted: there"
                        + " is nothing to erase.");
                return Cli.INVALID;
            }
            String who = Optional.ofNullable(System.getProperty("user.name")).orElse("operator");
            long request = jdbc.sql(
                            """
                            insert into erasure_request (dialogue_id, reason, requested_by)
                            values (:id, :reason, :who) returning id""")
                    .param("id", id)
                    .param("reason", why)
                    .param("who", "operator " + who.substring(0, Math.min(who.length(), 200)))
                    .query(Long.class)
                    .single();
            Optional<ServerRequests.Done<Boolean>> done =
                    ServerRequests.awaitDone(jdbc, "erasure_request", "erased", Boolean.class, request, wait);
            if (done.isPresent()) {
                out.println(done.get().outcome());
                return done.get().result() ? Cli.VALID : Cli.INVALID;
            }
            ServerRequests.notTaken(out, "erasure request", request, wait);
            return Cli.INVALID;
        }
    }
}
