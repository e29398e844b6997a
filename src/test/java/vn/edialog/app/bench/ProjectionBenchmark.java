package vn.edialog.app.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.app.EDialogApplication;
import vn.edialog.app.operations.processing.ProjectionRebuilder;
import vn.edialog.app.submission.GovernmentActions;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogTestInitializer;
import vn.edialog.app.support.ReadModelTables;
import vn.edialog.app.support.TestDatabases;
import vn.edialog.app.support.TestPkiFiles;

/**
 * Projection lag under end-to-end load, and projection rebuild rate against the raw read of the event store, in one
 * run of the real application. Not a test: run it with {@code ./mvnw -B -Pbench -pl src -am verify -DskipTests
 * -Dexec.skip=true -Djacoco.skip=true} (see the {@code bench} profile of {@code src/pom.xml}).
 *
 * <ol>
 *   <li>Boots {@link EDialogApplication} as in production (web server, projections, process bridge, Camunda job
 *       executor, notifications with mail logged instead of sent) on a fresh PostgreSQL database (embedded, or the
 *       server of {@code EDIALOG_TEST_DB_URL}) with the project's test PKI, as the integration tests do.
 *   <li><b>End-to-end load</b>: {@link DialogueLoad} plays {@code bench.e2e} dialogues from {@code bench.clients}
 *       client threads through the HTTP intake (signed envelopes) and the officials' {@link GovernmentActions}, every
 *       processor running. Meanwhile {@link LagSampler} reads every processor's committed token every {@code
 *       bench.sample.ms} and probes when each accepted ask appears in the status read model. Then it waits until every
 *       processor is at the head.
 *   <li><b>Volume</b>: the process bridge and the notifications processor are stopped (as {@code projections
 *       rebuild} runs without them; the bridge is the slowest consumer by far) and the same stories are played for
 *       the remaining dialogues up to {@code bench.dialogues}, still through the HTTP intake and the officials'
 *       actions, the read models' lag sampled as before.
 *   <li><b>Rebuild</b>: reads the whole store through Axon's storage engine with payload deserialization (the raw
 *       read) right before and after each rebuild, rebuilds each read model with the product's {@link
 *       ProjectionRebuilder} (the code of {@code edialog projections rebuild}) one after the other, then all five at
 *       once, and checks that every read model table is identical to what the live processors had built.
 * </ol>
 *
 * <p>System properties: {@code bench.dialogues} (default 5600, about 30,000 events), {@code bench.e2e} (500), {@code
 * bench.clients} (4), {@code bench.askers} (500 businesses and citizens, each with a certificate of its own; officials
 * sign with their agencies' keys), {@code bench.sample.ms} (100), {@code bench.target} (rebuild/raw, 0.30; reported, never
 * asserted), {@code bench.jfr} (a file: record the rebuild phase with Java Flight Recorder), {@code bench.jfr.load} (a
 * file: record the end-to-end load phase and its drain, where the process bridge works hardest).
 */
public final class ProjectionBenchmark {

    /** Every read model table, with a stable order for the checksum. */
    private static final Map<String, String> TABLES = ReadModelTables.all(ProjectionRebuilder.PROJECTIONS);

    private ProjectionBenchmark() {}

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        int dialogues = Integer.getInteger("bench.dialogues", 5600);
        int endToEnd = Math.min(dialogues, Integer.getInteger("bench.e2e", 500));
        int clients = Integer.getInteger("bench.clients", 4);
        int askers = Integer.getInteger("bench.askers", 500);
        Duration sampleEvery = Duration.ofMillis(Long.getLong("bench.sample.ms", 100));
        double target = Double.parseDouble(System.getProperty("bench.target", "0.30"));
        String jfr = System.getProperty("bench.jfr", "");
        String jfrLoad = System.getProperty("bench.jfr.load", "");
        long benchStarted = System.nanoTime();
        String loadBefore = loadAverage();

        TestDatabases.Database database = TestDatabases.fresh();
        Map<String, Object> properties = new LinkedHashMap<>(TestPkiFiles.serverProperties());
        properties.put("edialog.db.url", database.url());
        properties.put("edialog.db.user", database.user());
        properties.put("edialog.db.password", database.password() == null ? "" : database.password());
        properties.put("edialog.data-dir", "target/bench-data");
        properties.put("edialog.mail.enabled", "false");
        // As in production, an external database needs the administrator's password; and the load comes from one
        // address, so the per-address rate limits are lifted (as for the test suite).
        properties.put("edialog.admin-password", EDialogTestInitializer.ADMIN_PASSWORD);
        for (String limit : new String[] {
            "tracking-per-minute",
            "sign-in-challenges-per-minute",
            "signed-commands-per-minute",
            "signed-commands-per-certificate-per-minute",
            "staff-password-attempts-per-minute"
        }) {
            properties.put("edialog.rate-limits." + limit, "1000000");
        }
        properties.put("server.port", "0");
        properties.put("logging.level.root", "warn");
        properties.put("logging.level.vn.edialog", "warn");
        // Axon's janitor logs a stack trace for every event handled slower than 10 s (the process bridge under load);
        // the lag table reports that.
        properties.put("logging.level.axon-janitor", "error");
        System.out.printf(
                Locale.ROOT,
                "%nProjection benchmark: %d %sdialogues (%d end to end, %d for volume) of %d askers from %d client"
                        + " threads on %s;"
                        + " %d cores, load average %s%n",
                dialogues,
                DialogueLoad.CONFIDENTIAL > 0
                        ? "(" + Math.round(DialogueLoad.CONFIDENTIAL * 100) + " % confidential) "
                        : "",
                endToEnd,
                dialogues - endToEnd,
                askers,
                clients,
                System.getenv("EDIALOG_TEST_DB_URL") == null ? "embedded PostgreSQL, same host" : database.url(),
                Runtime.getRuntime().availableProcessors(),
                loadBefore);

        long bootStarted = System.nanoTime();
        // As command line arguments: they take precedence over application.yml (default properties would not).
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context =
                new SpringApplicationBuilder(EDialogApplication.class).run(arguments)) {
            System.out.printf(
                    Locale.ROOT,
                    "Application started in %.1f s%n",
                    DialogueLoad.elapsed(bootStarted).toMillis() / 1000.0);
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            ProjectionRebuilder rebuilder = context.getBean(ProjectionRebuilder.class);
            EventStoreReads store = new EventStoreReads(
                    context.getBean(org.axonframework.eventsourcing.eventstore.EventStorageEngine.class),
                    context.getBean(javax.sql.DataSource.class));
            DialogueLoad load = new DialogueLoad(new Api(port), context.getBean(GovernmentActions.class), askers);

            // ---- phase 1: end to end as in production, every processor running, lag sampled ----
            Recording loadRecording =
                    jfrLoad.isBlank() ? null : new Recording(Configuration.getConfiguration("profile"));
            if (loadRecording != null) {
                loadRecording.start();
            }
            Phase endToEndPhase =
                    load("end to end", load, database, sampleEvery, 0, endToEnd, clients, processing.eventProcessors());
            if (loadRecording != null) {
                loadRecording.stop();
                loadRecording.dump(Path.of(jfrLoad));
                loadRecording.close();
                System.out.println("Flight recording of the end-to-end load and its drain: " + jfrLoad);
            }

            // ---- phase 2: volume. The processors with effects outside the read models (process bridge, mail
            // outbox) are stopped, as `projections rebuild` runs without them; the read models keep up. ----
            Map<String, EventProcessor> readModels = new LinkedHashMap<>();
            for (Map.Entry<String, EventProcessor> processor :
                    processing.eventProcessors().entrySet()) {
                if (ProjectionRebuilder.PROJECTIONS.contains(processor.getKey())) {
                    readModels.put(processor.getKey(), processor.getValue());
                } else {
                    processor.getValue().shutDown();
                }
            }
            Phase volumePhase = endToEnd < dialogues
                    ? load("volume", load, database, sampleEvery, endToEnd, dialogues, clients, readModels)
                    : null;
            long events = count(jdbc, "select count(*) from domainevententry");

            // ---- rebuild against the raw read ----
            Map<String, String> checksumsBefore = checksums(jdbc);
            Map<String, String> processorKinds = new LinkedHashMap<>();
            for (String projection : ProjectionRebuilder.PROJECTIONS) {
                processorKinds.put(projection, describe(processing, projection));
            }
            Recording recording = jfr.isBlank() ? null : new Recording(Configuration.getConfiguration("profile"));
            if (recording != null) {
                recording.start();
            }
            store.readStore(); // warm-up: JIT and PostgreSQL's buffers, as the load left them for the projections
            ProjectionRebuilder.Result jdbcRead = store.rawRead();
            // The machine is shared: a raw read right before and right after each rebuild, the faster one its baseline.
            List<ProjectionRebuilder.Result> rawReads = new ArrayList<>();
            rawReads.add(store.readStore());
            Map<String, ProjectionRebuilder.Result> sequential = new LinkedHashMap<>();
            for (String projection : ProjectionRebuilder.PROJECTIONS) {
                ProjectionRebuilder.Result result = rebuilder.rebuild(projection, progress -> {});
                sequential.put(projection, result);
                rawReads.add(store.readStore());
                System.out.printf(
                        Locale.ROOT,
                        "Rebuilt %-18s %6.0f events/s (%.2f s, of which %.2f s stop/reset/claim); raw read %.0f"
                                + " events/s%n",
                        projection,
                        result.eventsPerSecond(),
                        result.took().toMillis() / 1000.0,
                        result.overhead().toMillis() / 1000.0,
                        rawReads.get(rawReads.size() - 1).eventsPerSecond());
            }
            long allStarted = System.nanoTime();
            Map<String, ProjectionRebuilder.Result> together = rebuildAllAtOnce(rebuilder);
            Duration allTook = DialogueLoad.elapsed(allStarted);
            rawReads.add(store.readStore());
            if (recording != null) {
                recording.stop();
                recording.dump(Path.of(jfr));
                recording.close();
                System.out.println("Flight recording of the rebuild phase: " + jfr);
            }
            Map<String, String> checksumsAfter = checksums(jdbc);

            report(new Report(
                    clients,
                    events,
                    endToEndPhase,
                    volumePhase,
                    processorKinds,
                    rawReads,
                    jdbcRead,
                    sequential,
                    together,
                    allTook,
                    checksumsBefore,
                    checksumsAfter,
                    target,
                    loadBefore,
                    loadAverage(),
                    DialogueLoad.elapsed(benchStarted)));
        }
    }

    /** One load phase and what was observed during it. */
    private record Phase(
            String name,
            DialogueLoad.Outcome outcome,
            long events,
            long cpuNanos,
            Duration drain,
            List<LagSampler.Sample> samples,
            List<Long> visibilityNanos,
            long neverSeen,
            Duration sampleEvery) {}

    private static Phase load(
            String name,
            DialogueLoad load,
            TestDatabases.Database database,
            Duration sampleEvery,
            int from,
            int to,
            int clients,
            Map<String, EventProcessor> watched)
            throws Exception {
        LagSampler sampler = new LagSampler(database, sampleEvery);
        load.reportTo(sampler);
        long cpu0 = processCpuNanos();
        long headBefore = sampler.sampleNow().head();
        sampler.start();
        System.out.printf(Locale.ROOT, "Load (%s) running: dialogues %d to %d ...%n", name, from, to - 1);
        DialogueLoad.Outcome outcome = load.run(from, to, clients);
        long headAfter = sampler.sampleNow().head();
        long cpu = processCpuNanos() - cpu0;
        long drainStarted = System.nanoTime();
        awaitCaughtUp(sampler, watched.keySet(), Duration.ofMinutes(5));
        Duration drain = DialogueLoad.elapsed(drainStarted);
        sampler.close();
        List<LagSampler.Sample> samples = sampler.samples().stream()
                .filter(s -> s.nanos() >= outcome.startedNanos() && s.nanos() <= outcome.endedNanos())
                .map(s -> new LagSampler.Sample(s.nanos(), s.head(), filter(s.lags(), watched.keySet())))
                .toList();
        System.out.printf(
                Locale.ROOT,
                "Load (%s) done: %d commands, %d events in %.1f s; the processors caught up %.2f s later%n",
                name,
                outcome.commands(),
                headAfter - headBefore,
                outcome.seconds(),
                drain.toMillis() / 1000.0);
        return new Phase(
                name,
                outcome,
                headAfter - headBefore,
                cpu,
                drain,
                samples,
                sampler.visibilityNanos(),
                sampler.missed(),
                sampleEvery);
    }

    private static Map<String, LagSampler.Lag> filter(Map<String, LagSampler.Lag> lags, java.util.Set<String> names) {
        Map<String, LagSampler.Lag> kept = new LinkedHashMap<>();
        lags.forEach((name, lag) -> {
            if (names.contains(name)) {
                kept.put(name, lag);
            }
        });
        return kept;
    }

    /** Waits until the committed token of each of {@code processors} is at the head of the store. */
    private static void awaitCaughtUp(LagSampler sampler, java.util.Set<String> processors, Duration atMost)
            throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < until) {
            LagSampler.Sample sample = sampler.sampleNow();
            if (sample.lags().keySet().containsAll(processors)
                    && processors.stream().allMatch(p -> sample.lags().get(p).events() == 0)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("The processors did not catch up within " + atMost);
    }

    private static Map<String, ProjectionRebuilder.Result> rebuildAllAtOnce(ProjectionRebuilder rebuilder)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ProjectionRebuilder.PROJECTIONS.size());
        try {
            Map<String, Future<ProjectionRebuilder.Result>> futures = new LinkedHashMap<>();
            for (String projection : ProjectionRebuilder.PROJECTIONS) {
                futures.put(projection, pool.submit(() -> rebuilder.rebuild(projection, progress -> {})));
            }
            Map<String, ProjectionRebuilder.Result> results = new LinkedHashMap<>();
            for (Map.Entry<String, Future<ProjectionRebuilder.Result>> f : futures.entrySet()) {
                results.put(f.getKey(), f.getValue().get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private static String describe(EventProcessingConfiguration processing, String name) {
        EventProcessor processor = processing.eventProcessor(name).orElseThrow();
        int segments = processor instanceof StreamingEventProcessor streaming
                ? streaming.processingStatus().size()
                : 0;
        String kind = processor.getClass().getSimpleName().replace("EventProcessor", "");
        return kind + ", " + segments + (segments == 1 ? " segment" : " segments");
    }

    /** Row count and an MD5 of every row, in key order, of each read model table. */
    private static Map<String, String> checksums(JdbcClient jdbc) {
        Map<String, String> sums = new LinkedHashMap<>();
        TABLES.forEach((table, order) -> sums.put(
                table,
                jdbc.sql("select count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' order by " + order
                                + ")), '-') from " + table + " t")
                        .query(String.class)
                        .single()));
        return sums;
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    // ---- report ------------------------------------------------------------------------------------------------

    private record Report(
            int clients,
            long storeEvents,
            Phase endToEnd,
            Phase volume,
            Map<String, String> processorKinds,
            List<ProjectionRebuilder.Result> rawReads,
            ProjectionRebuilder.Result jdbcRead,
            Map<String, ProjectionRebuilder.Result> sequential,
            Map<String, ProjectionRebuilder.Result> together,
            Duration allTook,
            Map<String, String> checksumsBefore,
            Map<String, String> checksumsAfter,
            double target,
            String loadAverageBefore,
            String loadAverageAfter,
            Duration total) {

        List<Phase> phases() {
            return volume == null ? List.of(endToEnd) : List.of(endToEnd, volume);
        }

        /** The raw read next to the {@code i}-th sequential rebuild: the faster of the reads before and after it. */
        double rawAround(int i) {
            return Math.max(
                    rawReads.get(i).eventsPerSecond(), rawReads.get(i + 1).eventsPerSecond());
        }

        double rawBest() {
            return rawReads.stream()
                    .mapToDouble(ProjectionRebuilder.Result::eventsPerSecond)
                    .max()
                    .orElse(1);
        }
    }

    private static void report(Report r) {
        System.out.println();
        System.out.println(
                "== Load: HTTP intake with signed envelopes, officials' signed actions (GovernmentActions) ==");
        List<String[]> loadRows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("figure"));
        r.phases().forEach(p -> header.add(p.name()));
        loadRows.add(header.toArray(String[]::new));
        loadRows.add(row(
                r,
                "processors running",
                p -> p.samples().isEmpty()
                        ? "-"
                        : String.join(", ", p.samples().get(0).lags().keySet())));
        loadRows.add(row(r, "dialogues / client threads", p -> p.outcome().dialogues() + " / " + r.clients()));
        loadRows.add(row(
                r,
                "commands accepted (failures)",
                p -> p.outcome().commands() + " (" + p.outcome().failures() + ")"));
        loadRows.add(row(r, "events appended", p -> Long.toString(p.events())));
        loadRows.add(row(r, "duration", p -> f("%.1f s", p.outcome().seconds())));
        loadRows.add(row(
                r,
                "sustained commands/s",
                p -> f("%.0f", p.outcome().commands() / p.outcome().seconds())));
        loadRows.add(row(
                r, "sustained events/s", p -> f("%.0f", p.events() / p.outcome().seconds())));
        loadRows.add(row(
                r,
                DialogueLoad.CONFIDENTIAL > 0
                        ? "HTTP ask latency, public: p50 / p95 / max ms"
                        : "HTTP ask latency p50 / p95 / max ms",
                p -> f(
                        "%.0f / %.0f / %.0f",
                        percentile(p.outcome().askLatencyNanos(), 50) / 1e6,
                        percentile(p.outcome().askLatencyNanos(), 95) / 1e6,
                        percentile(p.outcome().askLatencyNanos(), 100) / 1e6)));
        if (DialogueLoad.CONFIDENTIAL > 0) {
            loadRows.add(row(
                    r,
                    "HTTP ask latency, confidential: p50 / p95 / max ms",
                    p -> p.outcome().confidentialAskLatencyNanos().isEmpty()
                            ? "-"
                            : f(
                                    "%.0f / %.0f / %.0f",
                                    percentile(p.outcome().confidentialAskLatencyNanos(), 50) / 1e6,
                                    percentile(p.outcome().confidentialAskLatencyNanos(), 95) / 1e6,
                                    percentile(p.outcome().confidentialAskLatencyNanos(), 100) / 1e6)));
        }
        loadRows.add(row(
                r,
                "JVM CPU per event (app + load clients)",
                p -> f("%.1f ms", p.cpuNanos() / 1e6 / Math.max(1, p.events()))));
        loadRows.add(row(
                r,
                "processors at the head after the load",
                p -> f("%.1f s", p.drain().toMillis() / 1e3)));
        printTable(loadRows);
        for (Phase phase : r.phases()) {
            System.out.println(
                    "  " + phase.name() + " commands: " + phase.outcome().commandsByKind());
            for (String failure : phase.outcome().failureSamples()) {
                System.out.println("  failure: " + failure);
            }
        }

        for (Phase phase : r.phases()) {
            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "== Projection lag during the load, %s (%d samples every %d ms): events = head global index -"
                            + " committed token; ms = age of the oldest event not yet committed ==%n",
                    phase.name(),
                    phase.samples().size(),
                    phase.sampleEvery().toMillis());
            List<String[]> lagRows = new ArrayList<>();
            lagRows.add(new String[] {
                "processor", "read model", "events p50", "events p95", "events max", "ms p50", "ms p95", "ms max"
            });
            List<String> processors = new ArrayList<>(ProjectionRebuilder.PROJECTIONS);
            phase.samples().stream()
                    .flatMap(s -> s.lags().keySet().stream())
                    .distinct()
                    .sorted()
                    .filter(name -> !processors.contains(name))
                    .forEach(processors::add);
            for (String processor : processors) {
                List<Long> events = lags(phase.samples(), processor, LagSampler.Lag::events);
                List<Long> millis = lags(phase.samples(), processor, LagSampler.Lag::millis);
                if (events.isEmpty()) {
                    continue;
                }
                lagRows.add(new String[] {
                    processor,
                    ProjectionRebuilder.PROJECTIONS.contains(processor) ? "yes" : "no",
                    Long.toString(percentile(events, 50)),
                    Long.toString(percentile(events, 95)),
                    Long.toString(percentile(events, 100)),
                    Long.toString(percentile(millis, 50)),
                    Long.toString(percentile(millis, 95)),
                    Long.toString(percentile(millis, 100))
                });
            }
            printTable(lagRows);
            List<Long> visible = phase.visibilityNanos();
            System.out.printf(
                    Locale.ROOT,
                    "Ask accepted (201 received) -> dialogue in the status read model (dialogue_summary): p50 %.0f ms,"
                            + " p95 %.0f ms, max %.0f ms over %d asks (%d never seen)%n",
                    percentile(visible, 50) / 1e6,
                    percentile(visible, 95) / 1e6,
                    percentile(visible, 100) / 1e6,
                    visible.size(),
                    phase.neverSeen());
        }

        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "== Rebuild against the raw read, same run (%d events in the store) ==%n"
                        + "raw read = every event through Axon's storage engine (the processors' read path, same"
                        + " batches and serializer), payload deserialized; read right before and after each rebuild,"
                        + " the faster of the two is that rebuild's baseline (the fastest of all for the rows of all five,"
                        + " whose events are five times the store's). Raw reads, events/s: %s (%s). JDBC bytes only: %.0f"
                        + " events/s.%n",
                r.storeEvents(),
                String.join(
                        ", ",
                        r.rawReads().stream()
                                .map(x -> f("%.0f", x.eventsPerSecond()))
                                .toList()),
                r.rawReads().stream().allMatch(x -> x.events() == r.storeEvents())
                        ? "each read every event"
                        : "SOME READS ENDED EARLY: "
                                + r.rawReads().stream()
                                        .map(x -> Long.toString(x.events()))
                                        .toList(),
                r.jdbcRead().eventsPerSecond());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            "projection",
            "processor",
            "events",
            "total s",
            "stop + reset + claim s",
            "events/s",
            "raw events/s",
            "vs raw",
            "events/s w/o overhead",
            "vs raw",
            "target",
            "tables identical"
        });
        int i = 0;
        for (String projection : ProjectionRebuilder.PROJECTIONS) {
            ProjectionRebuilder.Result result = r.sequential().get(projection);
            double raw = r.rawAround(i++);
            rows.add(new String[] {
                projection,
                r.processorKinds().get(projection),
                Long.toString(result.events()),
                f("%.2f", result.took().toNanos() / 1e9),
                f(
                        "%.2f (%.2f + %.2f + %.2f)",
                        result.overhead().toNanos() / 1e9,
                        result.stopping().toNanos() / 1e9,
                        result.resetting().toNanos() / 1e9,
                        result.claiming().toNanos() / 1e9),
                f("%.0f", result.eventsPerSecond()),
                f("%.0f", raw),
                f("%.2f", result.eventsPerSecond() / raw),
                f("%.0f", result.replayEventsPerSecond()),
                f("%.2f", result.replayEventsPerSecond() / raw),
                result.eventsPerSecond() / raw >= r.target() ? "met" : "BELOW",
                identical(r, projection) ? "yes" : "NO"
            });
        }
        // The whole read side: five projections, each replaying every event, against one raw read of the store.
        double raw = r.rawBest();
        long allEvents = ProjectionRebuilder.PROJECTIONS.size() * r.storeEvents();
        double seqSeconds = r.sequential().values().stream()
                .mapToDouble(x -> x.took().toNanos() / 1e9)
                .sum();
        double seqOverhead = r.sequential().values().stream()
                .mapToDouble(x -> x.overhead().toNanos() / 1e9)
                .sum();
        rows.add(summaryRow("all five one after the other (as the CLI)", allEvents, seqSeconds, seqOverhead, raw, ""));
        double allSeconds = r.allTook().toNanos() / 1e9;
        double allOverhead = r.together().values().stream()
                .mapToDouble(x -> x.overhead().toNanos() / 1e9)
                .max()
                .orElse(0);
        rows.add(summaryRow(
                "all five at once",
                allEvents,
                allSeconds,
                allOverhead,
                raw,
                r.checksumsAfter().equals(r.checksumsBefore()) ? "yes" : "NO"));
        printTable(rows);
        System.out.println("All five at once, each projection (it shared the machine with the other four):");
        List<String[]> each = new ArrayList<>();
        each.add(new String[] {"projection", "total s", "stop/reset/claim s", "events/s", "events/s w/o overhead"});
        r.together()
                .forEach((projection, result) -> each.add(new String[] {
                    projection,
                    f("%.2f", result.took().toNanos() / 1e9),
                    f("%.2f", result.overhead().toNanos() / 1e9),
                    f("%.0f", result.eventsPerSecond()),
                    f("%.0f", result.replayEventsPerSecond())
                }));
        printTable(each);

        int below = 0;
        int k = 0;
        for (ProjectionRebuilder.Result result : r.sequential().values()) {
            if (result.eventsPerSecond() / r.rawAround(k++) < r.target()) {
                below++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%nTarget: each rebuild >= %.0f%% of the raw read, overhead included: %s. Load average %s before, %s"
                        + " after. Total %.0f s.%n%n",
                100 * r.target(),
                below == 0 ? "met by all five" : below + " of five BELOW target",
                r.loadAverageBefore(),
                r.loadAverageAfter(),
                r.total().toMillis() / 1000.0);
    }

    /** A row for several projections: {@code events} = projections x store events, done in {@code seconds}. */
    private static String[] summaryRow(
            String name, long events, double seconds, double overhead, double raw, String identical) {
        return new String[] {
            name,
            "",
            Long.toString(events),
            f("%.2f", seconds),
            f("%.2f", overhead),
            f("%.0f", events / seconds),
            f("%.0f", raw),
            f("%.2f", events / seconds / raw),
            f("%.0f", events / (seconds - overhead)),
            f("%.2f", events / (seconds - overhead) / raw),
            "",
            identical
        };
    }

    private static String[] row(Report r, String figure, java.util.function.Function<Phase, String> value) {
        List<String> cells = new ArrayList<>(List.of(figure));
        r.phases().forEach(p -> cells.add(value.apply(p)));
        return cells.toArray(String[]::new);
    }

    private static boolean identical(Report r, String projection) {
        return ReadModelTables.BY_PROJECTION.get(projection).keySet().stream().allMatch(table -> same(r, table));
    }

    private static boolean same(Report r, String table) {
        return r.checksumsBefore().get(table).equals(r.checksumsAfter().get(table));
    }

    private static List<Long> lags(
            List<LagSampler.Sample> samples, String processor, ToLongFunction<LagSampler.Lag> field) {
        return samples.stream()
                .map(s -> s.lags().get(processor))
                .filter(java.util.Objects::nonNull)
                .map(field::applyAsLong)
                .toList();
    }

    /** The nearest-rank percentile (100 = max); 0 for no values. */
    static long percentile(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static void printTable(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder("|");
            for (int i = 0; i < widths.length; i++) {
                String cell = rows.get(r)[i];
                String spaces = " ".repeat(widths[i] - cell.length());
                line.append(' ').append(i == 0 ? cell + spaces : spaces + cell).append(" |");
            }
            System.out.println(line);
            if (r == 0) {
                StringBuilder rule = new StringBuilder("|");
                for (int i = 0; i < widths.length; i++) {
                    rule.append('-').append("-".repeat(widths[i])).append(i == 0 ? "-|" : ":|");
                }
                System.out.println(rule);
            }
        }
    }
}
