package vn.edialog.processes.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.junit.jupiter.api.Test;

/**
 * Parses every model of {@code bpmn/} with Camunda's model API and holds it to STYLE.md: meaningful ids (no generated
 * {@code Activity_0x1y2z3}), user tasks with a candidate group, due date and form, delegate beans that exist, message
 * names that are event classes of the published language, history time to live.
 */
class ModelLintTest {

    private static final Path MODELS = Path.of("..", "bpmn");
    private static final String EVENTS_PACKAGE = "vn.edialog.command.dialogue.api.";
    /** Prefix_MeaningfulName: the name starts with a capital letter, as Camunda's convention; generated ids don't. */
    private static final Pattern ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Z][A-Za-z0-9_]*");

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFolderHoldsExactlyTheModelsTheProcessDeploys() throws IOException {
        try (Stream<Path> files = Files.list(MODELS)) {
            Set<String> models = files.map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals("pom.xml") && !name.equals("target"))
                    .map(name -> "bpmn/" + name)
                    .collect(Collectors.toSet());
            assertThat(models).containsExactlyInAnyOrderElementsOf(DialogueProcess.MODEL_RESOURCES);
        }
    }

    @Test
    void everyBpmnElementHasAMeaningfulId() throws IOException {
        for (BpmnModelInstance model : bpmnModels()) {
            for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
                if (element instanceof Process || element.getId() == null) {
                    continue; // an element may go without id (event definitions); one it has must mean something
                }
                assertThat(element.getId())
                        .as(element.getElementType().getTypeName())
                        .matches(ID);
            }
            assertThat(model.getModelElementsByType(BpmnDiagram.class))
                    .as("diagram interchange")
                    .isNotEmpty();
        }
    }

    @Test
    void everyProcessIsExecutableWithAHistoryTimeToLiveAndAVersionTag() throws IOException {
        for (BpmnModelInstance model : bpmnModels()) {
            for (Process process : model.getModelElementsByType(Process.class)) {
                assertThat(process.isExecutable()).isTrue();
                assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
                assertThat(process.getCamundaVersionTag()).isNotBlank();
            }
        }
    }

    @Test
    void everyUserTaskHasACandidateGroupExpressionADueDateAFormAndAListener() throws IOException {
        Set<String> forms = formIds();
        for (BpmnModelInstance model : bpmnModels()) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(task.getCamundaCandidateGroups()).as(task.getId()).matches("\\$\\{tenant}-\\$\\{\\w+}-\\w+");
                assertThat(task.getCamundaDueDate()).as(task.getId()).startsWith("${");
                assertThat(task.getCamundaFormRef()).as(task.getId()).isIn(forms);
                assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("latest");
                assertThat(task.getName()).as(task.getId()).contains("${subject}");
                assertThat(task.getExtensionElements()
                                .getElementsQuery()
                                .filterByType(CamundaTaskListener.class)
                                .list())
                        .as(task.getId() + " sends its decision")
                        .extracting(CamundaTaskListener::getCamundaEvent)
                        .containsExactly("complete");
            }
        }
    }

    @Test
    void everyDelegateExpressionNamesABeanOfTheProcessesModule() throws IOException {
        Set<String> beans = beanNames();
        List<String> used = new ArrayList<>();
        for (BpmnModelInstance model : bpmnModels()) {
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                used.add(task.getCamundaDelegateExpression());
            }
            for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
                used.add(listener.getCamundaDelegateExpression());
            }
        }
        assertThat(used).isNotEmpty();
        for (String expression : used) {
            var matcher = EXPRESSION.matcher(expression == null ? "" : expression);
            assertThat(matcher.matches()).as(expression).isTrue();
            assertThat(matcher.group(1)).isIn(beans);
        }
        assertThat(used.stream().map(e -> e.substring(2, e.length() - 1)).collect(Collectors.toSet()))
                .as("no bean is left unused")
                .containsExactlyInAnyOrderElementsOf(beans);
    }

    @Test
    void everyMessageIsNamedAfterAnEventOfThePublishedLanguage() throws IOException {
        for (BpmnModelInstance model : bpmnModels()) {
            for (Message message : model.getModelElementsByType(Message.class)) {
                assertThat(message.getId()).isEqualTo("Message_" + message.getName());
                assertThat(eventClass(message.getName()))
                        .as(message.getName() + " is an event record")
                        .isTrue();
            }
        }
    }

    @Test
    void everyDecisionHasAMeaningfulIdAndAHistoryTimeToLive() throws IOException {
        List<String> decisions = new ArrayList<>();
        for (DmnModelInstance model : dmnModels()) {
            for (DmnElement element : model.getModelElementsByType(DmnElement.class)) {
                if (element.getId() == null) {
                    continue;
                }
                assertThat(element.getId())
                        .as(element.getElementType().getTypeName())
                        .matches(ID.pattern() + "|[A-Z][A-Za-z]*");
            }
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
                decisions.add(decision.getId());
            }
        }
        assertThat(decisions)
                .containsExactlyInAnyOrder(
                        DialogueProcess.SUGGEST_DEPARTMENT_DECISION, DialogueProcess.DEADLINES_DECISION);
    }

    @Test
    void everyFormHasAMeaningfulIdLabelledFieldsAndALinkToTheCasePage() throws IOException {
        for (Path path : models(".form")) {
            JsonNode form = JSON.readTree(path.toFile());
            assertThat(form.path("id").asText()).as(path.toString()).matches("Form_[A-Z][A-Za-z]*");
            boolean linksCase = false;
            for (JsonNode component : form.path("components")) {
                assertThat(component.path("id").asText()).matches("Field_[A-Z][A-Za-z]*");
                if (component.has("key")) {
                    assertThat(component.path("label").asText()
                                    + component.path("dateLabel").asText())
                            .as(component.path("key").asText() + " in " + path)
                            .isNotBlank();
                    assertThat(component.path("description").asText()).isNotBlank();
                }
                linksCase |= component.path("text").asText().contains("/cases/{{dialogueId}}");
            }
            assertThat(linksCase).as(path + " links the case page").isTrue();
        }
    }

    private static boolean eventClass(String name) {
        try {
            Class<?> type = Class.forName(EVENTS_PACKAGE + name);
            return type.isRecord() && !name.endsWith("Command");
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Set<String> beanNames() {
        return Arrays.stream(DialogueProcessBeans.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(ModelLintTest::constant)
                .collect(Collectors.toSet());
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> formIds() throws IOException {
        Set<String> ids = new java.util.HashSet<>();
        for (Path path : models(".form")) {
            ids.add(JSON.readTree(path.toFile()).path("id").asText());
        }
        return ids;
    }

    private static Collection<BpmnModelInstance> bpmnModels() throws IOException {
        List<BpmnModelInstance> models = new ArrayList<>();
        for (Path path : models(".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(path.toFile());
            Bpmn.validateModel(model);
            models.add(model);
        }
        assertThat(models).isNotEmpty();
        return models;
    }

    private static Collection<DmnModelInstance> dmnModels() throws IOException {
        List<DmnModelInstance> models = new ArrayList<>();
        for (Path path : models(".dmn")) {
            DmnModelInstance model = Dmn.readModelFromFile(path.toFile());
            Dmn.validateModel(model);
            models.add(model);
        }
        return models;
    }

    private static List<Path> models(String extension) throws IOException {
        try (Stream<Path> files = Files.list(MODELS)) {
            return files.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        }
    }
}
