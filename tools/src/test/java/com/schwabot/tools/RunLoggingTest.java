package com.schwabot.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.FilterReply;

import com.schwabot.config.LogLevel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While a run's log is installed, Chronicle's warnings go to its file, not to the console (logback.xml's STDERR
 * appender; in tests, the test configuration's console appender), where they showed among the run's own output;
 * Chronicle's errors and the engine's warnings still reach the console, and the console is as before once the run's
 * log is closed.
 */
class RunLoggingTest
{
    private static final String CHRONICLE = "net.openhft.chronicle.queue.impl.single.SCQMeta";

    @TempDir
    Path temp;

    @Test
    void shouldKeepChroniclesWarningsToTheRunsLogFileAndLetItsErrorsReachTheConsole() throws IOException
    {
        final LoggerContext context = (LoggerContext)LoggerFactory.getILoggerFactory();
        final Appender<ILoggingEvent> console = console(context);
        final Logger chronicle = context.getLogger(CHRONICLE);
        final Logger engine = context.getLogger("com.schwabot.engine.Engine");
        assertThat(decision(console, chronicle, Level.WARN)).isEqualTo(FilterReply.NEUTRAL);

        final RunLogging logging = RunLogging.install(temp, LogLevel.INFO);
        try
        {
            assertThat(decision(console, chronicle, Level.WARN)).isEqualTo(FilterReply.DENY);
            assertThat(decision(console, chronicle, Level.ERROR)).isEqualTo(FilterReply.NEUTRAL);
            assertThat(decision(console, engine, Level.WARN)).isEqualTo(FilterReply.NEUTRAL);
            chronicle.warn("Overriding roll length from existing metadata, was 86400000, overriding to 60000");
        }
        finally
        {
            logging.close();
        }

        assertThat(decision(console, chronicle, Level.WARN)).as("the console as before").isEqualTo(FilterReply.NEUTRAL);
        assertThat(Files.readString(temp.resolve(RunLogging.FILE_NAME), StandardCharsets.UTF_8))
            .contains("\"level\":\"WARN\"", "\"loggerName\":\"" + CHRONICLE + "\"", "Overriding roll length");
    }

    /** The console appender of the root logger: logback.xml's, or the test configuration's. */
    private static Appender<ILoggingEvent> console(final LoggerContext context)
    {
        final List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(appenders::add);
        return appenders.stream().filter(ConsoleAppender.class::isInstance).findFirst().orElseThrow();
    }

    private static FilterReply decision(final Appender<ILoggingEvent> console, final Logger logger, final Level level)
    {
        return console.getFilterChainDecision(new LoggingEvent(Logger.FQCN, logger, level, "message", null, null));
    }
}
