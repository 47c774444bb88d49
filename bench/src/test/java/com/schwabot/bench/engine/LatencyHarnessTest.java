package com.schwabot.bench.engine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyHarnessTest
{
    @Test
    void shouldSplitTickToOrderIntoTheOrdersOwnServiceTimeAndTheWaitBeforeIt() throws InterruptedException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final LatencyResult result;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8))
        {
            result = LatencyHarness.measure(LatencyOptions.parse(new String[] {
                "--rate", "100000", "--warmup", "1", "--duration", "2", "--frames", "65536", "--profile", "low-cpu",
                "--producer", "yield", "--max-orders", "1000"}), out);
        }
        final String report = bytes.toString(StandardCharsets.UTF_8);

        assertThat(result.orders()).as(report).isPositive();
        assertThat(result.orderServiceP50Nanos()).as(report).isPositive();
        // Each order's service time starts at its handler's start, which is at or after the intended time of the
        // market-data event tick-to-order starts from: sample by sample, and so at every percentile, it is no longer.
        assertThat(result.orderServiceP50Nanos()).as(report).isLessThanOrEqualTo(result.tickToOrderP50Nanos());
        assertThat(result.orderServiceP99Nanos()).as(report).isLessThanOrEqualTo(result.tickToOrderP99Nanos());
        // The gateway thread takes an order up after the business thread has handed it over.
        assertThat(result.tickToGatewayP50Nanos()).as(report).isGreaterThanOrEqualTo(result.tickToOrderP50Nanos());
        assertThat(result.tickToGatewayP99Nanos()).as(report).isGreaterThanOrEqualTo(result.tickToOrderP99Nanos());
        assertThat(report).contains("order service time (handler start -> order handed over), µs: count " +
            String.format("%,d", result.orders()));
        assertThat(report).contains(String.format("orders decided without market data, service time (handler start " +
            "-> order handed over), µs: count %,d", result.otherOrders()));
        if (Files.isReadable(Path.of("/proc/stat")))
        {
            assertThat(result.stealMillis()).as(report).isNotNegative();
            assertThat(report).contains(String.format("summed over CPUs: %,d ms in the window", result.stealMillis()));
        }
        else
        {
            assertThat(result.stealMillis()).as(report).isEqualTo(-1);
            assertThat(report).contains("summed over CPUs: not counted here");
        }
    }
}
