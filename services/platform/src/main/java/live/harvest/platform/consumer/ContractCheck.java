package live.harvest.platform.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import live.harvest.platform.event.DomainEvent;
import live.harvest.platform.event.PoisonMessageException;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks an incoming event against its contract before any handler runs. The required fields are declared once,
 * on the event records: Bean Validation constraints ({@code @NotNull}, {@code @Positive}, {@code @Valid} for nested
 * records). A primitive component cannot say "absent" after parsing (it reads as 0 or false), so every primitive
 * component is required to be present in the JSON payload; that rule needs no annotation.
 */
@ApplicationScoped
public class ContractCheck {

    /** The record broke its contract; no retry can fix it. */
    public static class ContractViolation extends PoisonMessageException {
        public ContractViolation(String message) {
            super(message, null);
        }
    }

    private final Validator validator;

    public ContractCheck(Validator validator) {
        this.validator = validator;
    }

    public void check(DomainEvent event, JsonNode payload) {
        List<String> problems = new ArrayList<>();
        missingPrimitives(event.getClass(), payload, "", problems);
        Set<ConstraintViolation<DomainEvent>> violations = validator.validate(event);
        violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> problems.add(v.getPropertyPath() + " " + v.getMessage()));
        if (!problems.isEmpty()) {
            throw new ContractViolation("Contract violated: " + String.join("; ", problems));
        }
    }

    private static void missingPrimitives(Class<?> type, JsonNode node, String path, List<String> problems) {
        if (!type.isRecord() || node == null || !node.isObject()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode value = node.get(component.getName());
            String where = path + component.getName();
            if (component.getType().isPrimitive()) {
                if (value == null || value.isNull()) {
                    problems.add(where + " must be present");
                }
            } else if (component.getType().isRecord()) {
                missingPrimitives(component.getType(), value, where + ".", problems);
            } else if (List.class.isAssignableFrom(component.getType()) && value != null && value.isArray()) {
                Class<?> element = elementType(component.getGenericType());
                for (int i = 0; i < value.size(); i++) {
                    missingPrimitives(element, value.get(i), where + "[" + i + "].", problems);
                }
            }
        }
    }

    private static Class<?> elementType(Type listType) {
        if (listType instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }
}
