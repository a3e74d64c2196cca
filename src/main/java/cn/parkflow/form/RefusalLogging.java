package cn.parkflow.form;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A refused submission is the person's mistake, not the server's: the engine logs the command's
 * exception as an ERROR with its stack trace, its REST API the 500 it answers first as a WARN with
 * another. Both are dropped here; {@link RefusalResponses} writes the one INFO line instead
 * ({@code 提交未被接受（400）：…}). Any other engine error is logged as before.
 */
@Component
class RefusalLogging extends TurboFilter {

    private static final String REFUSAL_CLASS = SubmissionRefused.class.getName();

    RefusalLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.addTurboFilter(this);
            start();
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith("org.camunda.bpm.engine")) {
            return FilterReply.NEUTRAL;
        }
        // the REST API writes the stack trace as the message itself
        if (isRefusal(t) || (format != null && format.contains(REFUSAL_CLASS))) {
            return FilterReply.DENY;
        }
        if (params != null) {
            for (Object param : params) {
                if ((param instanceof Throwable thrown && isRefusal(thrown))
                        || (param instanceof String text && text.contains(REFUSAL_CLASS))) {
                    return FilterReply.DENY;
                }
            }
        }
        return FilterReply.NEUTRAL;
    }

    static boolean isRefusal(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SubmissionRefused) {
                return true;
            }
        }
        return false;
    }
}
