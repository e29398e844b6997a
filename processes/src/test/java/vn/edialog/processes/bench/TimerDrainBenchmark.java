package vn.edialog.processes.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.dialogue.api.DialogueAsked;
import vn.edialog.command.dialogue.api.EscalationStep;
import vn.edialog.command.tenant.TenantCatalog;
import vn.edialog.processes.dialogue.CloseDialogue;
import vn.edialog.processes.dialogue.Deadlines;
import vn.edialog.processes.dialogue.DepartmentDecision;
import vn.edialog.processes.dialogue.DialogueActions;
import vn.edialog.processes.dialogue.DialogueProcess;
import vn.edialog.processes.dialogue.DialogueProcessBeans;
import vn.edialog.processes.dialogue.DialogueProcessBridge;
import vn.edialog.processes.dialogue.DialogueReminders;
import vn.edialog.processes.dialogue.EscalateDialogue;
import vn.edialog.processes.dialogue.ExtensionDecision;
import vn.edialog.processes.dialogue.PlanDeadlines;
import vn.edialog.processes.dialogue.ProcessSettings;
import vn.edialog.processes.dialogue.RemindDialogue;
import vn.edialog.processes.dialogue.TriageDecision;

/**
 * Due timers fired per second by Camunda's job executor: the raw engine against the product, in one JVM run (the
 * machine is shared and noisy: only the ratio of one run means something). Not a test: run it with {@code ./mvnw -B
 * -Pbench -pl processes verify}.
 *
 * <ul>
 *   <li><b>raw</b>: a minimal process built in code (start → timer catch event PT1H → end), history=full, no variables.
 *   <li><b>product</b>: the real {@code DialogueProcess} from {@code bpmn/dialogue.bpmn}, started through {@link
 *       DialogueProcessBridge} with {@link DialogueAsked} events (Thursday 10:00, triage due in two working days);
 *       moving the engine clock to Saturday 09:00 makes exactly one timer per instance due, the non-interrupting
 *       {@code BoundaryEvent_TriageReminderDue} on the triage sub-process ({@code timeDate ${triageReminderAt}}, set by
 *       {@code planDeadlines}: Friday 17:00). Each job runs {@link RemindDialogue} into a counting port.
 * </ul>
 *
 * <p>Each part runs on its own fresh database and engine, built identically (history=full, the same job executor
 * settings, the same pool). Per part: a warm-up batch (not counted), then the measured batch: the instances are
 * started with the clock before their due date, then the clock moves past it and the job executor is started at that
 * moment; the drain ends when the last job's transaction has committed (the in-memory counter reached the batch and no
 * due job is left). A third, smaller batch is then executed in a single-threaded {@code managementService.executeJob}
 * loop (secondary figure). PostgreSQL's own counters (rows written per table, commits) and the CPU time of the JVM and
 * of the embedded server are read around the measured drain, to explain the ratio.
 *
 * <p>System properties: {@code bench.instances} (measured batch per part, default 2000), {@code bench.warmup} (default
 * 400), {@code bench.serial} (executeJob loop batch, default 200, 0 to skip), {@code bench.target} (minimum
 * product/raw ratio, default 0.50; reported, never asserted), {@code bench.je.maxJobsPerAcquisition} (10), {@code
 * bench.je.corePoolSize} (4), {@code bench.je.maxPoolSize} (4), {@code bench.je.queueSize} (20), {@code
 * bench.je.waitTimeInMillis} (100), {@code bench.je.maxWait} (1000), {@code bench.starters} (threads starting
 * instances, 2).
 */
public final class TimerDrainBenchmark {

    /** Thursday 5 June 2025, 10:00 in Vietnam, as the process tests use it. */
    static final Instant CREATED = vn(2025, 6, 5, 10, 0);
    /** Saturday 09:00: past the triage reminder (Friday 17:00), before the triage deadline (Monday 17:00). */
    static final Instant DUE = vn(2025, 6, 7, 9, 0);

    static final String RAW_KEY = "BenchTimer";
    static final String REMINDER_TIMER = "BoundaryEvent_TriageReminderDue";

    private TimerDrainBenchmark() {}

    /** Job executor and pool settings, the same for both parts. */
    record Settings(
            int maxJobsPerAcquisition,
            int corePoolSize,
            int maxPoolSize,
            int queueSize,
            int waitTimeInMillis,
            long maxWait,
            int lockTimeInMillis,
            int backoffTimeInMillis,
            int maxConnections) {

        static Settings fromProperties() {
            return new Settings(
                    Integer.getInteger("bench.je.maxJobsPerAcquisition", 10),
                    Integer.getInteger("bench.je.corePoolSize", 4),
                    Integer.getInteger("bench.je.maxPoolSize", 4),
                    Integer.getInteger("bench.je.queueSize", 20),
                    Integer.getInteger("bench.je.waitTimeInMillis", 100),
                    Long.getLong("bench.je.maxWait", 1000),
                    300_000,
                    0,
                    10);
        }

        DefaultJobExecutor jobExecutor() {
            DefaultJobExecutor executor = new DefaultJobExecutor();
            executor.setMaxJobsPerAcquisition(maxJobsPerAcquisition);
            executor.setCorePoolSize(corePoolSize);
            executor.setMaxPoolSize(maxPoolSize);
            executor.setQueueSize(queueSize);
            executor.setWaitTimeInMillis(waitTimeInMillis);
            executor.setMaxWait(maxWait);
            executor.setLockTimeInMillis(lockTimeInMillis);
            executor.setBackoffTimeInMillis(backoffTimeInMillis);
            return executor;
        }

        String describe(DefaultJobExecutor e) {
            return String.format(
                    Locale.ROOT,
                    "DefaultJobExecutor maxJobsPerAcquisition=%d, corePoolSize=%d, maxPoolSize=%d, queueSize=%d,"
                            + " waitTimeInMillis=%d, waitIncreaseFactor=%.1f, maxWait=%d, backoffTimeInMillis=%d,"
                            + " lockTimeInMillis=%d; MyBatis pool max %d connections",
                    e.getMaxJobsPerAcquisition(),
                    e.getCorePoolSize(),
                    e.getMaxPoolSize(),
                    e.getQueueSize(),
                    e.getWaitTimeInMillis(),
                    e.getWaitIncreaseFactor(),
                    e.getMaxWait(),
                    e.getBackoffTimeInMillis(),
                    e.getLockTimeInMillis(),
                    maxConnections);
        }
    }

    /** What differs between the parts: the model, the beans, how an instance starts, which jobs become due. */
    interface Workload {
        String key();

        String describe();

        Map<String, Object> beans();

        void deploy(ProcessEngine engine);

        /** Returns a starter of instance {@code i} on this engine. */
        IntConsumer starter(ProcessEngine engine);

        /** The jobs this workload expects to be due once the clock is at {@link #DUE}. */
        JobQuery dueJobs(ManagementService management);

        /** Jobs that ran the measured work so far (in-memory, incremented inside the job's transaction). */
        AtomicInteger fired();

        /** A sanity note after the drain (unexpected calls), or null. */
        String check();
    }

    /** Start → timer catch event (PT1H) → end, built in code; the end event's start listener counts. */
    static final class RawWorkload implements Workload {
        private final AtomicInteger fired = new AtomicInteger();

        @Override
        public String key() {
            return "raw";
        }

        @Override
        public String describe() {
            return "raw: start -> timer catch PT1H -> end (BpmnModelInstance, no variables)";
        }

        @Override
        public Map<String, Object> beans() {
            return Map.of("benchFired", (ExecutionListener) execution -> fired.incrementAndGet());
        }

        @Override
        public void deploy(ProcessEngine engine) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(RAW_KEY)
                    .camundaHistoryTimeToLiveString("P180D")
                    .startEvent("Start")
                    .intermediateCatchEvent("Timer")
                    .timerWithDuration("PT1H")
                    .endEvent("End")
                    .camundaExecutionListenerDelegateExpression(ExecutionListener.EVENTNAME_START, "${benchFired}")
                    .done();
            engine.getRepositoryService()
                    .createDeployment()
                    .name("bench-raw")
                    .addModelInstance(RAW_KEY + ".bpmn", model)
                    .deploy();
        }

        @Override
        public IntConsumer starter(ProcessEngine engine) {
            return i -> engine.getRuntimeService().startProcessInstanceByKey(RAW_KEY);
        }

        @Override
        public JobQuery dueJobs(ManagementService management) {
            return management
                    .createJobQuery()
                    .processDefinitionKey(RAW_KEY)
                    .timers()
                    .executable();
        }

        @Override
        public AtomicInteger fired() {
            return fired;
        }

        @Override
        public String check() {
            return null;
        }
    }

    /** The real dialogue process, started by the bridge; reminders go to a counting port. */
    static final class ProductWorkload implements Workload, DialogueReminders {
        private static final Actor ASKER =
                new Actor(ActorKind.BUSINESS, "MST:0101234567", "Công ty TNHH An Phát", null);
        private final WorkingDayCalendar calendar = WorkingDayCalendar.weekendsOnly();
        private final AtomicInteger fired = new AtomicInteger();
        private final AtomicInteger wrongReminders = new AtomicInteger();
        private final AtomicInteger actionCalls = new AtomicInteger();

        @Override
        public String key() {
            return "product";
        }

        @Override
        public String describe() {
            return "product: DialogueProcess via DialogueProcessBridge(DialogueAsked), " + REMINDER_TIMER
                    + " -> RemindDialogue -> port";
        }

        @Override
        public void remind(UUID dialogueId, EscalationStep step, String candidateGroup, Instant dueAt) {
            if (!DialogueProcess.STEP_TRIAGE.equals(step) || !"demo-ubnd-moderators".equals(candidateGroup)) {
                wrongReminders.incrementAndGet();
            }
            fired.incrementAndGet();
        }

        @Override
        public Map<String, Object> beans() {
            DialogueActions actions = (DialogueActions) Proxy.newProxyInstance(
                    DialogueActions.class.getClassLoader(), new Class<?>[] {DialogueActions.class}, (p, m, a) -> {
                        if (m.getDeclaringClass() == Object.class) {
                            return m.getName().equals("hashCode")
                                    ? System.identityHashCode(p)
                                    : m.getName().equals("equals") ? p == a[0] : "DialogueActions(bench)";
                        }
                        actionCalls.incrementAndGet();
                        return null;
                    });
            Deadlines deadlines = new Deadlines(calendar, ProcessSettings.defaults());
            TenantCatalog tenants = TenantCatalog.demo();
            // As TestEngine.delegates and the application's ProcessConfiguration register them.
            Map<String, Object> beans = new LinkedHashMap<>();
            beans.put(DialogueProcessBeans.PLAN_DEADLINES, new PlanDeadlines(deadlines, tenants));
            beans.put(DialogueProcessBeans.REMIND_DIALOGUE, new RemindDialogue(this));
            beans.put(DialogueProcessBeans.ESCALATE_DIALOGUE, new EscalateDialogue(actions));
            beans.put(DialogueProcessBeans.CLOSE_DIALOGUE, new CloseDialogue(actions, deadlines));
            beans.put(DialogueProcessBeans.TRIAGE_DECISION, new TriageDecision(actions, deadlines, tenants));
            beans.put(DialogueProcessBeans.DEPARTMENT_DECISION, new DepartmentDecision(actions, deadlines));
            beans.put(DialogueProcessBeans.EXTENSION_DECISION, new ExtensionDecision(actions, deadlines));
            return beans;
        }

        @Override
        public void deploy(ProcessEngine engine) {
            DeploymentBuilder deployment =
                    engine.getRepositoryService().createDeployment().name("edialog-models");
            for (String resource : DialogueProcess.MODEL_RESOURCES) {
                deployment.addClasspathResource(resource);
            }
            deployment.deploy();
        }

        @Override
        public IntConsumer starter(ProcessEngine engine) {
            DialogueProcessBridge bridge =
                    new DialogueProcessBridge(engine.getRuntimeService(), engine.getHistoryService());
            Instant triageDueAt = calendar.dueAt(CREATED, 2);
            return i -> bridge.on(new DialogueAsked(
                    UUID.randomUUID(),
                    "demo",
                    String.format(Locale.ROOT, "DEMO-2025-%06d", i),
                    "dang-ky-kinh-doanh",
                    "Thủ tục thành lập chi nhánh",
                    "Xin hướng dẫn thủ tục thành lập chi nhánh tại tỉnh.",
                    false,
                    List.of(),
                    "ubnd",
                    triageDueAt,
                    ASKER,
                    CREATED,
                    null));
        }

        @Override
        public JobQuery dueJobs(ManagementService management) {
            return management
                    .createJobQuery()
                    .processDefinitionKey(DialogueProcess.PROCESS_KEY)
                    .activityId(REMINDER_TIMER)
                    .timers()
                    .executable();
        }

        @Override
        public AtomicInteger fired() {
            return fired;
        }

        @Override
        public String check() {
            if (wrongReminders.get() == 0 && actionCalls.get() == 0) {
                return null;
            }
            return "unexpected: " + wrongReminders.get() + " reminders for another step or group, " + actionCalls.get()
                    + " DialogueActions calls";
        }
    }

    /** The measured drain of one part. */
    record Drain(
            int jobs,
            double seconds,
            double startPerSecond,
            long jvmCpuNanos,
            long serverCpuNanos,
            BenchDatabase.Snapshot before,
            BenchDatabase.Snapshot after,
            Map<String, Long> meters,
            long leftWithException,
            long firedCount) {

        double rate() {
            return jobs / seconds;
        }
    }

    record Part(Workload workload, Drain warmup, Drain measured, int serialJobs, double serialRate) {}

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.instances", 2000);
        int warmup = Integer.getInteger("bench.warmup", 400);
        int serial = Integer.getInteger("bench.serial", 200);
        double target = Double.parseDouble(System.getProperty("bench.target", "0.50"));
        int starters = Integer.getInteger("bench.starters", 2);
        Settings settings = Settings.fromProperties();
        long started = System.nanoTime();

        List<Part> parts = new ArrayList<>();
        String serverVersion;
        try (BenchDatabase database = BenchDatabase.start()) {
            serverVersion = database.describe();
            System.out.printf(
                    Locale.ROOT,
                    "%nTimerDrainBenchmark: Java %s, Camunda %s, %d CPUs, %s, history=full%n"
                            + "job executor (both parts): %s%n"
                            + "per part: fresh database, warm-up %d instances (not counted), measured %d, executeJob"
                            + " loop %d; %d threads start the instances%n",
                    System.getProperty("java.version"),
                    camundaVersion(),
                    Runtime.getRuntime().availableProcessors(),
                    serverVersion,
                    settings.describe(settings.jobExecutor()),
                    warmup,
                    n,
                    serial,
                    starters);
            for (Workload workload : List.of(new RawWorkload(), new ProductWorkload())) {
                parts.add(runPart(database, workload, settings, warmup, n, serial, starters));
            }
        } finally {
            ClockUtil.reset();
        }
        report(parts, target, (System.nanoTime() - started) / 1e9);
    }

    private static Part runPart(
            BenchDatabase database, Workload workload, Settings settings, int warmup, int n, int serial, int starters)
            throws Exception {
        BenchDatabase.Connect connect = database.fresh("edialog_bench_" + workload.key());
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("edialog-bench-" + workload.key());
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setJdbcUrl(connect.url());
        configuration.setJdbcUsername(connect.user());
        configuration.setJdbcPassword(connect.password());
        configuration.setJdbcMaxActiveConnections(settings.maxConnections());
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setDbMetricsReporterActivate(false);
        configuration.setJobExecutor(settings.jobExecutor());
        configuration.setJobExecutorActivate(false); // started by the drain, at the moment the clock moves
        configuration.setBeans(new HashMap<>(workload.beans()));
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            workload.deploy(engine);
            System.out.printf(Locale.ROOT, "%s%n", workload.describe());
            Drain warm = drain(database, connect, configuration, engine, workload, warmup, starters, false);
            System.out.printf(
                    Locale.ROOT,
                    "  warm-up: %d jobs in %.2f s = %.0f jobs/s (started at %.0f/s)%n",
                    warm.jobs(),
                    warm.seconds(),
                    warm.rate(),
                    warm.startPerSecond());
            Drain measured = drain(database, connect, configuration, engine, workload, n, starters, true);
            System.out.printf(
                    Locale.ROOT,
                    "  measured: %d jobs in %.2f s = %.0f jobs/s (started at %.0f/s)%n",
                    measured.jobs(),
                    measured.seconds(),
                    measured.rate(),
                    measured.startPerSecond());
            double serialRate = Double.NaN;
            if (serial > 0) {
                serialRate = executeJobLoop(engine, workload, serial, starters);
                System.out.printf(
                        Locale.ROOT, "  executeJob loop: %d jobs, %.0f jobs/s, one thread%n", serial, serialRate);
            }
            return new Part(workload, warm, measured, serial, serialRate);
        } finally {
            engine.close();
        }
    }

    /** Starts {@code batch} instances before their due date, moves the clock and drains them with the job executor. */
    private static Drain drain(
            BenchDatabase database,
            BenchDatabase.Connect connect,
            ProcessEngineConfigurationImpl configuration,
            ProcessEngine engine,
            Workload workload,
            int batch,
            int starters,
            boolean withStatistics)
            throws Exception {
        ManagementService management = engine.getManagementService();
        double startRate = startInstances(engine, workload, batch, starters);
        ClockUtil.setCurrentTime(Date.from(DUE));
        long due = workload.dueJobs(management).count();
        long allDue = management.createJobQuery().executable().count();
        if (due != batch || allDue != batch) {
            throw new IllegalStateException("expected " + batch + " due jobs of " + workload.key() + ", found " + due
                    + " (" + allDue + " due in all)");
        }
        BenchDatabase.Snapshot before = null;
        if (withStatistics) {
            closeConnections(configuration);
            before = database.snapshot(connect);
        }
        Map<String, Long> metersBefore = meters(configuration);
        workload.fired().set(0);
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        configuration.getJobExecutor().start();
        int seen = 0;
        long lastProgress = t0;
        while (true) {
            int fired = workload.fired().get();
            long now = System.nanoTime();
            if (fired != seen) {
                seen = fired;
                lastProgress = now;
            }
            if (fired >= batch && workload.dueJobs(management).count() == 0) {
                break;
            }
            if (now - lastProgress > 60_000_000_000L) {
                configuration.getJobExecutor().shutdown();
                throw new IllegalStateException(
                        "no job of " + workload.key() + " fired for 60 s; " + fired + " of " + batch + " fired");
            }
            Thread.sleep(fired >= batch ? 1 : 2);
        }
        long t1 = System.nanoTime();
        long cpu1 = processCpuNanos();
        configuration.getJobExecutor().shutdown();
        Map<String, Long> meters = delta(meters(configuration), metersBefore);
        long withException = management.createJobQuery().withException().count();
        String check = workload.check();
        if (check != null) {
            System.out.println("  " + check);
        }
        BenchDatabase.Snapshot after = null;
        long serverCpu = -1;
        if (withStatistics) {
            closeConnections(configuration);
            after = database.snapshot(connect);
            if (before.serverCpuNanos() >= 0 && after.serverCpuNanos() >= 0) {
                serverCpu = after.serverCpuNanos() - before.serverCpuNanos();
            }
        }
        ClockUtil.setCurrentTime(Date.from(CREATED));
        return new Drain(
                batch,
                (t1 - t0) / 1e9,
                startRate,
                cpu1 - cpu0,
                serverCpu,
                before,
                after,
                meters,
                withException,
                workload.fired().get());
    }

    /** Secondary figure: the same due jobs executed one after the other by managementService.executeJob. */
    private static double executeJobLoop(ProcessEngine engine, Workload workload, int batch, int starters)
            throws Exception {
        ManagementService management = engine.getManagementService();
        startInstances(engine, workload, batch, starters);
        ClockUtil.setCurrentTime(Date.from(DUE));
        List<String> ids =
                workload.dueJobs(management).list().stream().map(Job::getId).toList();
        if (ids.size() != batch) {
            throw new IllegalStateException("expected " + batch + " due jobs, found " + ids.size());
        }
        workload.fired().set(0);
        long t0 = System.nanoTime();
        for (String id : ids) {
            management.executeJob(id);
        }
        long t1 = System.nanoTime();
        if (workload.fired().get() != batch || workload.dueJobs(management).count() != 0) {
            throw new IllegalStateException("executeJob loop of " + workload.key() + " left jobs behind");
        }
        ClockUtil.setCurrentTime(Date.from(CREATED));
        return batch / ((t1 - t0) / 1e9);
    }

    /** Starts {@code batch} instances at {@link #CREATED} on {@code threads} threads; returns starts per second. */
    private static double startInstances(ProcessEngine engine, Workload workload, int batch, int threads)
            throws Exception {
        ClockUtil.setCurrentTime(Date.from(CREATED));
        IntConsumer starter = workload.starter(engine);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < batch; i = next.getAndIncrement()) {
                        starter.accept(i);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return batch / ((System.nanoTime() - t0) / 1e9);
    }

    /** Closes the pool's connections, so that their backends exit and flush PostgreSQL's statistics. */
    private static void closeConnections(ProcessEngineConfigurationImpl configuration) {
        DataSource dataSource = configuration.getDataSource();
        if (dataSource instanceof PooledDataSource pooled) {
            pooled.forceCloseAll();
        } else {
            System.out.println("  (the data source is no PooledDataSource: database counters may be incomplete)");
        }
    }

    private static Map<String, Long> meters(ProcessEngineConfigurationImpl configuration) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String name : List.of(
                Metrics.JOB_ACQUISITION_ATTEMPT,
                Metrics.JOB_ACQUIRED_SUCCESS,
                Metrics.JOB_ACQUIRED_FAILURE,
                Metrics.JOB_EXECUTION_REJECTED,
                Metrics.JOB_SUCCESSFUL,
                Metrics.JOB_FAILED,
                Metrics.JOB_LOCKED_EXCLUSIVE)) {
            Meter meter = configuration.getMetricsRegistry().getDbMeterByName(name);
            values.put(name, meter == null ? 0 : meter.get());
        }
        return values;
    }

    private static Map<String, Long> delta(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0L)));
        return delta;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static String camundaVersion() {
        String version = ProcessEngine.class.getPackage().getImplementationVersion();
        return version == null ? "7.x" : version;
    }

    static Instant vn(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute)
                .atZone(WorkingDayCalendar.VIETNAM)
                .toInstant();
    }

    // ---- report ------------------------------------------------------------------------------------------------

    private static void report(List<Part> parts, double target, double totalSeconds) {
        Part raw = parts.get(0);
        Part product = parts.get(1);
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {
            "part",
            "jobs",
            "drain s",
            "jobs/s",
            "vs raw",
            "executeJob loop/s",
            "vs raw",
            "JVM CPU ms/job",
            "PG CPU ms/job",
            "commits/job",
            "rows written/job",
            "table scans/job",
            "acquisitions",
            "rejected",
            "failed"
        });
        for (Part p : parts) {
            Drain d = p.measured();
            table.add(new String[] {
                p.workload().key(),
                Integer.toString(d.jobs()),
                f("%.2f", d.seconds()),
                f("%.0f", d.rate()),
                f("%.2f", d.rate() / raw.measured().rate()),
                f("%.0f", p.serialRate()),
                f("%.2f", p.serialRate() / raw.serialRate()),
                f("%.2f", d.jvmCpuNanos() / 1e6 / d.jobs()),
                d.serverCpuNanos() < 0 ? "n/a" : f("%.2f", d.serverCpuNanos() / 1e6 / d.jobs()),
                f("%.1f", (double) (d.after().commits() - d.before().commits()) / d.jobs()),
                f("%.1f", (double) written(d) / d.jobs()),
                f("%.1f", (double) scans(d) / d.jobs()),
                Long.toString(d.meters().get(Metrics.JOB_ACQUISITION_ATTEMPT)),
                Long.toString(d.meters().get(Metrics.JOB_EXECUTION_REJECTED)),
                Long.toString(d.meters().get(Metrics.JOB_FAILED) + d.leftWithException())
            });
        }
        System.out.println();
        printTable(table);

        // Rows written per job, by table, for the measured drains.
        TreeSet<String> names = new TreeSet<>();
        Map<String, Map<String, BenchDatabase.TableStats>> perPart = new LinkedHashMap<>();
        for (Part p : parts) {
            Map<String, BenchDatabase.TableStats> deltas = new HashMap<>();
            Drain d = p.measured();
            d.after().tables().forEach((name, stats) -> {
                BenchDatabase.TableStats before = d.before().tables().get(name);
                BenchDatabase.TableStats delta = before == null ? stats : stats.minus(before);
                if (delta.written() > 0 || delta.seqScans() > 0 || delta.idxScans() > 0) {
                    deltas.put(name, delta);
                    names.add(name);
                }
            });
            perPart.put(p.workload().key(), deltas);
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            "table",
            "raw ins/upd/del per job",
            "product ins/upd/del per job",
            "raw seq rows read/job",
            "product seq rows read/job",
            "raw scans/job",
            "product scans/job"
        });
        for (String name : names) {
            BenchDatabase.TableStats r = perPart.get("raw").get(name);
            BenchDatabase.TableStats q = perPart.get("product").get(name);
            if (!relevant(r, raw.measured().jobs())
                    && !relevant(q, product.measured().jobs())) {
                continue;
            }
            rows.add(new String[] {
                name,
                iud(r, raw.measured().jobs()),
                iud(q, product.measured().jobs()),
                r == null
                        ? "-"
                        : f("%.1f", (double) r.seqRowsRead() / raw.measured().jobs()),
                q == null
                        ? "-"
                        : f(
                                "%.1f",
                                (double) q.seqRowsRead() / product.measured().jobs()),
                r == null
                        ? "-"
                        : f("%.1f", (double) r.idxScans() / raw.measured().jobs()),
                q == null
                        ? "-"
                        : f("%.1f", (double) q.idxScans() / product.measured().jobs())
            });
        }
        System.out.println();
        System.out.println("Per job during the measured drain, tables written or scanned at least every other job"
                + " (pg_stat_user_tables):");
        printTable(rows);

        double ratio = product.measured().rate() / raw.measured().rate();
        System.out.printf(
                Locale.ROOT,
                "%nraw due-timer jobs/s = %.0f; product reminder jobs/s = %.0f; product/raw = %.2f (%.0f%%); target >="
                        + " %.0f%%: %s%n",
                raw.measured().rate(),
                product.measured().rate(),
                ratio,
                100 * ratio,
                100 * target,
                ratio >= target ? "meets target" : "BELOW target");
        System.out.printf(
                Locale.ROOT,
                "executeJob loop (one thread, secondary): raw %.0f/s, product %.0f/s, product/raw = %.2f%n",
                raw.serialRate(),
                product.serialRate(),
                product.serialRate() / raw.serialRate());
        System.out.printf(
                Locale.ROOT,
                "Drain = wall time from moving the clock past the due dates and starting the job executor until the"
                        + " last job committed. CPU and rows are for the measured drain; rows exclude PostgreSQL"
                        + " catalog work. Total %.0f s.%n%n",
                totalSeconds);
    }

    private static boolean relevant(BenchDatabase.TableStats s, int jobs) {
        return s != null && (s.written() > 0 || (s.seqScans() + s.idxScans()) * 2 >= jobs);
    }

    private static long written(Drain d) {
        long total = 0;
        for (Map.Entry<String, BenchDatabase.TableStats> e : d.after().tables().entrySet()) {
            BenchDatabase.TableStats before = d.before().tables().get(e.getKey());
            total += (before == null ? e.getValue() : e.getValue().minus(before)).written();
        }
        return total;
    }

    /** Index and sequential scans over all tables: roughly one per SQL statement and table it reads or changes. */
    private static long scans(Drain d) {
        long total = 0;
        for (Map.Entry<String, BenchDatabase.TableStats> e : d.after().tables().entrySet()) {
            BenchDatabase.TableStats before = d.before().tables().get(e.getKey());
            BenchDatabase.TableStats delta =
                    before == null ? e.getValue() : e.getValue().minus(before);
            total += delta.seqScans() + delta.idxScans();
        }
        return total;
    }

    private static String iud(BenchDatabase.TableStats s, int jobs) {
        if (s == null || s.written() == 0) {
            return "-";
        }
        return f(
                "%.1f/%.1f/%.1f",
                (double) s.inserted() / jobs, (double) s.updated() / jobs, (double) s.deleted() / jobs);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static void printTable(List<String[]> rows) {
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
                line.append(' ')
                        .append(i == 0 ? pad(cell, widths[i], false) : pad(cell, widths[i], true))
                        .append(" |");
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

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(width - s.length());
        return right ? spaces + s : s + spaces;
    }
}
