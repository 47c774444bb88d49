package com.schwabot.engine.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.config.ConfigLoader;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.Engine;
import com.schwabot.engine.MonitoringOptions;
import com.schwabot.engine.monitor.CountersFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MonitoringServerStartTest
{
    @TempDir
    Path dir;

    @Test
    void shouldNotStartWhenThePortIsTakenAndLeaveTheCountersFileFree() throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final SchwabotConfig config = ConfigLoader.load(null,
                Map.of("SCHWABOT_MONITORING_HTTP_PORT", Integer.toString(taken.getLocalPort())));
            final MonitoringOptions options = new MonitoringOptions().countersDirectory(dir.resolve("cnc"))
                .httpServer(true).auditLog(dir.resolve("audit.log"));

            assertThatThrownBy(() -> Engine.start(config, dir.resolve("journal"), (e) -> List.of(), options))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("monitoring server cannot listen on 127.0.0.1:" + taken.getLocalPort());

            try (CountersFile file = CountersFile.openReadOnly(dir.resolve("cnc")))
            {
                assertThat(file.closedTimeMs()).isPositive();
            }
        }
        final Engine engine = Engine.start(RunningEngine.config(), dir.resolve("journal"), (e) -> List.of(),
            new MonitoringOptions().countersDirectory(dir.resolve("cnc")).httpServer(true));
        try
        {
            assertThat(engine.httpServer().url()).startsWith("http://127.0.0.1:");
            assertThat(engine.httpServer().port()).isPositive();
        }
        finally
        {
            engine.close();
        }
    }
}
