package io.hedgedesk.web.security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Every log line of the application while installed (a handler on the root logger of the JBoss LogManager that
 * Quarkus runs on): the formatted message, any exception text, and the category, for assertions on what is and is
 * not logged.
 */
final class LogCapture extends Handler implements AutoCloseable {

    record Line(String category, Level level, String text) {}

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    static LogCapture install() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    /** The messages of the security category, in order. */
    List<String> securityEvents() {
        return lines.stream()
                .filter(l -> l.category().equals(SecurityLog.CATEGORY))
                .map(Line::text)
                .toList();
    }

    /** Everything logged, every category, one string. */
    String all() {
        return String.join(
                "\n", lines.stream().map(l -> l.category() + " " + l.text()).toList());
    }

    @Override
    public void publish(LogRecord record) {
        String text = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : formatter.formatMessage(record);
        if (record.getThrown() != null) {
            text += " " + record.getThrown();
        }
        lines.add(new Line(String.valueOf(record.getLoggerName()), record.getLevel(), text));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
