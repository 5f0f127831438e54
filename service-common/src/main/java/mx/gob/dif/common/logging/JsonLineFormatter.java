package mx.gob.dif.common.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per log line (timestamp, level, logger, thread, requestId, message, exception)
 * for log collectors. Written here because the Quarkus JSON-logging extension cannot be resolved
 * from the Maven mirror these machines use.
 */
public class JsonLineFormatter extends Formatter {

    @Override
    public String format(LogRecord r) {
        StringBuilder b = new StringBuilder(256).append('{');
        field(b, "timestamp", Instant.ofEpochMilli(r.getMillis()).toString()).append(',');
        field(b, "level", r.getLevel().getName()).append(',');
        field(b, "logger", r.getLoggerName()).append(',');
        field(b, "thread", Thread.currentThread().getName()).append(',');
        Object rid = org.jboss.logging.MDC.get("requestId");
        if (rid != null) {
            field(b, "requestId", rid.toString()).append(',');
        }
        // JBoss records may use printf-style formats; they know how to format themselves
        field(b, "message", r instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage() : formatMessage(r));
        if (r.getThrown() != null) {
            StringWriter sw = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(sw));
            b.append(',');
            field(b, "exception", sw.toString());
        }
        return b.append("}\n").toString();
    }

    private static StringBuilder field(StringBuilder b, String name, String value) {
        b.append('"').append(name).append("\":");
        if (value == null) {
            return b.append("null");
        }
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }
}
