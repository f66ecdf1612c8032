package io.hoithao.contracts;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** Test helpers that rebuild a message record through its canonical constructor with one field replaced. */
final class Records {

    private Records() {
    }

    static RecordComponent[] components(IntegrationMessage message) {
        return message.getClass().getRecordComponents();
    }

    static boolean nullable(Class<?> type, String field) {
        return Samples.NULLABLE.contains(type.getSimpleName() + "." + field);
    }

    /** Calls the canonical constructor with the sample's values and {@code field} set to {@code value}; rethrows what the constructor throws. */
    static IntegrationMessage with(IntegrationMessage sample, String field, Object value) {
        RecordComponent[] components = components(sample);
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] args = new Object[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(field)) {
                    args[i] = value;
                    found = true;
                } else {
                    args[i] = components[i].getAccessor().invoke(sample);
                }
            }
            if (!found) {
                throw new AssertionError(sample.getClass().getSimpleName() + " has no field " + field);
            }
            Constructor<?> constructor = sample.getClass().getDeclaredConstructor(types);
            return (IntegrationMessage) constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
