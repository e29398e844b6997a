package vn.edialog.app.operations.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.edialog.app.EDialogApplication;
import vn.edialog.app.operations.processing.ProjectionRebuilder;

/** {@code projections rebuild}: replays the event store into the read models, with progress and ETA. */
@Command(
        name = "projections",
        description = "Read models",
        subcommands = {ProjectionsCommand.Rebuild.class})
final class ProjectionsCommand {

    @Command(
            name = "rebuild",
            description = "Empty a read model (or all) and replay every stored event into it. Runs the application"
                    + " without its web server, job executor, mail and process bridge, so the rebuild has no side"
                    + " effects; the server must not run against the same embedded database.")
    static final class Rebuild implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(
                names = "--name",
                description = "One read model: dialogue-summary, dialogue-timeline, published-dialogue, party-inbox,"
                        + " sla-facts (default: all)")
        String name;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<String> names = name == null ? ProjectionRebuilder.PROJECTIONS : List.of(name);
            for (String projection : names) {
                if (!ProjectionRebuilder.PROJECTIONS.contains(projection)) {
                    throw new Inputs.UnusableInput("no read model '" + projection + "'; choose one of "
                            + String.join(", ", ProjectionRebuilder.PROJECTIONS));
                }
            }
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EDialogApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties(
                            "edialog.side-effects=false",
                            "camunda.bpm.job-execution.enabled=false",
                            "spring.autoconfigure.exclude="
                                    + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                                    + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
                            "logging.level.root=warn",
                            "logging.level.vn.edialog=warn")
                    .run()) {
                ProjectionRebuilder rebuilder = context.getBean(ProjectionRebuilder.class);
                for (String projection : names) {
                    ProjectionRebuilder.Result result = rebuilder.rebuild(projection, progress -> bar(err, progress));
                    err.println();
                    out.printf(
                            Locale.ROOT,
                            "%-20s %8d events in %6.1f s  %9.0f events/s%n",
                            projection,
                            result.events(),
                            result.took().toMillis() / 1000.0,
                            result.eventsPerSecond());
                }
            }
            return Cli.VALID;
        }

        private static void bar(PrintWriter err, ProjectionRebuilder.Progress progress) {
            int width = 30;
            int filled = (int) Math.round(progress.fraction() * width);
            Duration eta = progress.eta();
            err.printf(
                    "\r%-20s [%s%s] %3.0f%%  %d/%d  ETA %s   ",
                    progress.projection(),
                    "#".repeat(filled),
                    " ".repeat(width - filled),
                    progress.fraction() * 100,
                    Math.max(progress.position(), 0),
                    Math.max(progress.head(), 0),
                    eta == null ? "--" : eta.toSeconds() + " s");
            err.flush();
        }
    }
}
