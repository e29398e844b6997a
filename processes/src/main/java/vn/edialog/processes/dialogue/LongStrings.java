package vn.edialog.processes.dialogue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import vn.edialog.command.text.Fit;

/**
 * String variables longer than Camunda's text column are kept whole, as bytes: an official's answer typed into a
 * Tasklist form may have the documented 20,000 characters, and Camunda writes a string variable (and its history) into
 * {@code TEXT_}, on PostgreSQL a {@code varchar(4000)}, where it would fail the form submission. A longer string is
 * stored by this serializer in {@code ACT_GE_BYTEARRAY} (UTF-8) and read back as an ordinary String, so Tasklist, the
 * REST API and the task listeners see the same value; shorter strings keep Camunda's own serializer.
 *
 * <p>A form submission also records each submitted field as text in {@code ACT_HI_DETAIL.TEXT_} (a form property
 * event), which no serializer handles: that display copy is shortened with "…" (the variable's history keeps the
 * value whole, and the signed event keeps what was decided).
 */
public final class LongStrings extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreVariableSerializers() == null) {
            configuration.setCustomPreVariableSerializers(new ArrayList<>());
        }
        configuration.getCustomPreVariableSerializers().add(new Serializer());
        configuration.setHistoryEventProducer(new FittingFormHistory());
    }

    /** Camunda's default history producer, with submitted form fields shortened to the detail table's text column. */
    static final class FittingFormHistory extends CacheAwareHistoryEventProducer {

        @Override
        public HistoryEvent createFormPropertyUpdateEvt(
                ExecutionEntity execution, String propertyId, String propertyValue, String taskId) {
            String value = TextsOutOfHistory.isFreeText(propertyId)
                    ? TextsOutOfHistory.IN_THE_SIGNED_EVENT
                    : Fit.shorten(propertyValue, FittingTexts.VARIABLE_TEXT_MAX);
            return super.createFormPropertyUpdateEvt(execution, propertyId, value, taskId);
        }
    }

    /** Handles a string only when it does not fit {@link FittingTexts#VARIABLE_TEXT_MAX} characters. */
    static final class Serializer extends PrimitiveValueSerializer<StringValue> {

        /** Stored in the variable's {@code TYPE_}: how Camunda finds this serializer to read the value back. */
        static final String NAME = "edialogLongString";

        Serializer() {
            super(ValueType.STRING);
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        protected boolean canWriteValue(TypedValue value) {
            // PostgreSQL counts a varchar's characters as code points.
            return value.getValue() instanceof String text
                    && text.codePointCount(0, text.length()) > FittingTexts.VARIABLE_TEXT_MAX;
        }

        @Override
        public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
            return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
        }

        @Override
        public void writeValue(StringValue value, ValueFields valueFields) {
            valueFields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public StringValue readValue(ValueFields valueFields, boolean asTransientValue) {
            byte[] bytes = valueFields.getByteArrayValue();
            return Variables.stringValue(
                    bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransientValue);
        }
    }
}
