package io.hoithao.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * What the embedded Mongo-wire server says about indexes: it has no explain, but it logs every
 * secondary index it does not implement ("adding secondary index with keys [...] is not yet
 * implemented. ignoring") when the services create them at start-up. Listens to this JVM's log
 * (Mongo runs in it when the bench starts the stack).
 */
final class IgnoredIndexes {

    private static final Pattern KEYS = Pattern.compile("keys \\[(.*)\\] is not yet implemented");
    private static final List<String> IGNORED = Collections.synchronizedList(new ArrayList<>());
    private static boolean listening;

    private IgnoredIndexes() {
    }

    static synchronized void listen() {
        if (listening) {
            return;
        }
        listening = true;
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        AbstractAppender appender = new AbstractAppender("bench-ignored-indexes", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                Matcher keys = KEYS.matcher(event.getMessage().getFormattedMessage());
                if (keys.find()) {
                    IGNORED.add(keys.group(1).replace("IndexKey[key=", "").replace("]", "").replace(" ASC", "").replace(" DESC", " desc"));
                }
            }
        };
        appender.start();
        context.getConfiguration().getRootLogger().addAppender(appender, Level.WARN, null);
        context.updateLoggers();
    }

    /** The key lists of the indexes the server ignored, e.g. "eventId, status, createdAt". */
    static List<String> ignored() {
        synchronized (IGNORED) {
            return IGNORED.stream().distinct().toList();
        }
    }
}
