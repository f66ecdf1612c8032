package io.hoithao.platform.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {name}} placeholders in the paths and bodies of table-driven tests (the services'
 * authorization matrices) with the objects they name. {@code made} holds what one row has made so
 * far, so a name stands for the same object throughout the row; {@code named} makes an object the
 * first time its name appears, and may itself resolve other names through the same map.
 */
public final class Placeholders {

    private static final Pattern NAME = Pattern.compile("\\{([a-z+0-9-]+)}");

    private Placeholders() {
    }

    public static String resolve(String text, Map<String, String> made,
                                 BiFunction<String, Map<String, String>, String> named) {
        Matcher m = NAME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = made.get(name);
            if (value == null) {
                // not computeIfAbsent: making one object may resolve other names into the same map
                value = named.apply(name, made);
                made.put(name, value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The same for a JSON body given as strings, maps and lists; other values are kept as they are. */
    public static Object resolveBody(Object body, Map<String, String> made,
                                     BiFunction<String, Map<String, String>, String> named) {
        if (body instanceof String s) {
            return resolve(s, made, named);
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k.toString(), resolveBody(v, made, named)));
            return out;
        }
        if (body instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(resolveBody(v, made, named)));
            return out;
        }
        return body;
    }
}
