package vn.edialog.processes.dialogue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.tenant.TenantCatalog;

/**
 * One process engine per test JVM on a fresh PostgreSQL database, with the real models deployed from the classpath
 * and the delegates built by {@link DialogueProcessBeans#create} around recording ports. No job executor: tests
 * execute due jobs themselves after moving the clock.
 */
final class TestEngine {

    static final RecordingDialogueActions ACTIONS = new RecordingDialogueActions();
    static final RecordingReminders REMINDERS = new RecordingReminders();
    static final ProcessSettings SETTINGS = ProcessSettings.defaults();
    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.vietnam(null);
    static final TenantCatalog TENANTS = TenantCatalog.demo();

    private static ProcessEngine engine;

    private TestEngine() {}

    static synchronized ProcessEngine get() {
        if (engine == null) {
            engine = start();
        }
        return engine;
    }

    private static ProcessEngine start() {
        TestDatabase.Connect database = TestDatabase.fresh();
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("edialog-processes-test");
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setJdbcUrl(database.url());
        configuration.setJdbcUsername(database.user());
        configuration.setJdbcPassword(database.password());
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setDbMetricsReporterActivate(false);
        configuration.getProcessEnginePlugins().add(new FittingTexts());
        configuration.setBeans(new HashMap<>(delegates(ACTIONS, REMINDERS, CALENDAR, TENANTS, SETTINGS)));
        ProcessEngine built = configuration.buildProcessEngine();
        DeploymentBuilder deployment =
                built.getRepositoryService().createDeployment().name("edialog-models");
        for (String resource : DialogueProcess.MODEL_RESOURCES) {
            deployment.addClasspathResource(resource);
        }
        deployment.deploy();
        Runtime.getRuntime().addShutdownHook(new Thread(built::close, "process-engine-stop"));
        return built;
    }

    /** Every delegate and listener of the dialogue process, by bean name. */
    static Map<String, Object> delegates(
            DialogueActions actions,
            DialogueReminders reminders,
            WorkingDayCalendar calendar,
            TenantCatalog tenants,
            ProcessSettings settings) {
        Deadlines deadlines = new Deadlines(calendar, settings);
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put(DialogueProcessBeans.PLAN_DEADLINES, new PlanDeadlines(deadlines, tenants));
        beans.put(DialogueProcessBeans.REMIND_DIALOGUE, new RemindDialogue(reminders));
        beans.put(DialogueProcessBeans.ESCALATE_DIALOGUE, new EscalateDialogue(actions));
        beans.put(DialogueProcessBeans.CLOSE_DIALOGUE, new CloseDialogue(actions, deadlines));
        beans.put(DialogueProcessBeans.TRIAGE_DECISION, new TriageDecision(actions, deadlines, tenants));
        beans.put(DialogueProcessBeans.DEPARTMENT_DECISION, new DepartmentDecision(actions, deadlines));
        beans.put(DialogueProcessBeans.EXTENSION_DECISION, new ExtensionDecision(actions, deadlines));
        beans.put(DialogueProcessBeans.PREPARE_PUBLICATION, new PreparePublication(tenants));
        beans.put(DialogueProcessBeans.PUBLICATION_DECISION, new PublicationDecision(actions));
        return Map.copyOf(beans);
    }
}
