package com.schwabot.tools;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.util.FileSize;

import com.schwabot.config.LogLevel;
import com.schwabot.engine.monitor.AlertMonitor;

/**
 * The structured log of {@code schwabot run}: JSON lines (logback's {@link JsonEncoder}: timestamp, level, thread,
 * logger, formatted message, throwable; never the raw arguments) in {@code logging.dir/schwabot.log}, rolled daily
 * and at {@value #MAX_FILE_SIZE} into {@code schwabot.YYYY-MM-DD.N.log.gz}, {@value #MAX_HISTORY_DAYS} days and
 * {@value #TOTAL_SIZE_CAP} at most. An {@link AsyncAppender} sits in front of the file: callers enqueue and never
 * wait for the disk, and when the queue is full events are dropped rather than block (the business thread never logs
 * anyway). The root level becomes {@code logging.level} (or the console's, if more verbose); the console keeps its
 * own threshold (warnings), and the alert and audit loggers write to the file only, so the command line stays quiet.
 * <p>
 * Chronicle's own warnings (loggers under {@value #CHRONICLE}: a roll cycle overridden, a lock forced, a tailer that
 * could not find the end) go to the file only while a run is installed: they are about Chronicle's internals, the
 * console of a run keeps to the engine's own messages, and the file keeps them with the rest of the run's log, next
 * to what the engine logged around them. Chronicle's errors still reach the console.
 * <p>
 * Installed for one run and removed by {@link #close()}, which flushes the queue. Not thread-safe: install and close
 * from the command's thread.
 */
final class RunLogging implements AutoCloseable
{
    /** Name of the log file in logging.dir. */
    static final String FILE_NAME = "schwabot.log";
    static final String MAX_FILE_SIZE = "100MB";
    static final int MAX_HISTORY_DAYS = 14;
    static final String TOTAL_SIZE_CAP = "2GB";
    private static final int QUEUE_SIZE = 8192;
    private static final List<String> FILE_ONLY = List.of(AlertMonitor.LOGGER, "com.schwabot.audit");
    /** Chronicle's loggers: their warnings go to the file only while a run is installed. */
    static final String CHRONICLE = "net.openhft";

    private final LoggerContext context;
    private final AsyncAppender async;
    private final RollingFileAppender<ILoggingEvent> file;
    private final Level rootLevel;
    private final Map<Appender<ILoggingEvent>, List<Filter<ILoggingEvent>>> consoles;

    private RunLogging(final LoggerContext context, final AsyncAppender async,
        final RollingFileAppender<ILoggingEvent> file, final Level rootLevel,
        final Map<Appender<ILoggingEvent>, List<Filter<ILoggingEvent>>> consoles)
    {
        this.context = context;
        this.async = async;
        this.file = file;
        this.rootLevel = rootLevel;
        this.consoles = consoles;
    }

    /**
     * Start logging JSON lines under a directory.
     *
     * @param dir   the log directory (created by the appender when absent).
     * @param level the configured level.
     * @return the installed logging, or null when SLF4J is not bound to logback.
     */
    static RunLogging install(final Path dir, final LogLevel level)
    {
        final ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context))
        {
            return null;
        }
        final RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("schwabot-json-file");
        file.setFile(dir.resolve(FILE_NAME).toString());
        final SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(file);
        policy.setFileNamePattern(dir.resolve("schwabot.%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(FileSize.valueOf(MAX_FILE_SIZE));
        policy.setMaxHistory(MAX_HISTORY_DAYS);
        policy.setTotalSizeCap(FileSize.valueOf(TOTAL_SIZE_CAP));
        policy.start();
        file.setRollingPolicy(policy);
        file.setEncoder(encoder(context));
        file.start();

        final AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("schwabot-json");
        async.setQueueSize(QUEUE_SIZE);
        async.setDiscardingThreshold(0);
        async.setNeverBlock(true);
        async.setIncludeCallerData(false);
        async.addAppender(file);
        async.start();

        final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        final Level previous = root.getLevel();
        final Level wanted = Level.toLevel(level.name(), Level.INFO);
        root.setLevel(null != previous && previous.isGreaterOrEqual(wanted) ? wanted : previous);
        root.addAppender(async);
        for (final String name : FILE_ONLY)
        {
            final Logger logger = context.getLogger(name);
            logger.setAdditive(false);
            logger.addAppender(async);
        }
        final Map<Appender<ILoggingEvent>, List<Filter<ILoggingEvent>>> consoles = new LinkedHashMap<>();
        root.iteratorForAppenders().forEachRemaining((appender) ->
        {
            if (appender instanceof ConsoleAppender)
            {
                consoles.put(appender, appender.getCopyOfAttachedFiltersList());
                appender.addFilter(new ChronicleWarnings());
            }
        });
        return new RunLogging(context, async, file, previous, consoles);
    }

    /**
     * Keeps Chronicle's events below ERROR off a console appender (logback.xml's STDERR); the file's appender is not
     * filtered.
     */
    static final class ChronicleWarnings extends Filter<ILoggingEvent>
    {
        public FilterReply decide(final ILoggingEvent event)
        {
            final boolean chronicle = event.getLoggerName().startsWith(CHRONICLE + ".");
            return chronicle && !event.getLevel().isGreaterOrEqual(Level.ERROR) ?
                FilterReply.DENY : FilterReply.NEUTRAL;
        }
    }

    private static JsonEncoder encoder(final LoggerContext context)
    {
        final JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithMDC(false);
        encoder.setWithKVPList(false);
        encoder.setWithMarkers(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }

    /**
     * The log file.
     *
     * @return its path.
     */
    String file()
    {
        return file.getFile();
    }

    /**
     * Flush and remove the JSON log; restore the levels.
     */
    public void close()
    {
        final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender(async);
        root.setLevel(rootLevel);
        for (final String name : FILE_ONLY)
        {
            final Logger logger = context.getLogger(name);
            logger.detachAppender(async);
            logger.setAdditive(true);
        }
        consoles.forEach((console, filters) ->
        {
            console.clearAllFilters();
            filters.forEach(console::addFilter);
        });
        async.stop();
        file.stop();
    }
}
