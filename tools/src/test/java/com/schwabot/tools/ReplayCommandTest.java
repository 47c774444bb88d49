package com.schwabot.tools;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayCommandTest
{
    @TempDir
    Path temp;

    /**
     * A 2 s run's journal with one more outbound frame than its replay sends.
     */
    private Path unreproducibleRun()
    {
        final CliRunner.Result run =
            CliRunner.run(RunCommandTest.FREE_PORT, "run", "--duration", "2s", "--data-dir", temp.toString());
        assertThat(run.status()).as(run.toString()).isEqualTo(ExitCodes.OK);
        final Path journal = temp.resolve("data/journal");
        TestJournals.appendOutbound(journal);
        return journal;
    }

    @Test
    void shouldSayWhatMustMatchTheRunWhenItsOrdersAreNotReproduced()
    {
        final Path journal = unreproducibleRun();

        final CliRunner.Result replay = CliRunner.run("replay", "--journal", journal.toString(), "--no-report");

        assertThat(replay.status()).as(replay.toString()).isEqualTo(ExitCodes.FAILURE);
        final List<String> lines = replay.out().lines().toList();
        final int verdict = lines.indexOf("reproduced: NO (the replay sent other orders)");
        assertThat(verdict).as(replay.toString()).isPositive();
        assertThat(lines.subList(verdict + 1, lines.size())).as("after the verdict, before the digest").startsWith(
            "note: a replay reproduces a run only with the run's configuration (--config DIR, and the same " +
                "SCHWABOT_* variables):",
            "  its strategies, risk limits, instruments and tensor.backend decide the orders, and so does the " +
                "schwabot version").last().asString().startsWith("order digest ");
        assertThat(replay.err()).isEmpty();
    }

    @Test
    void shouldSayWhyWhenTheReportOfARunIsNotReproduced()
    {
        final Path journal = unreproducibleRun();

        final CliRunner.Result report = CliRunner.run("report", "--journal", journal.toString(), "--reports",
            temp.resolve("reports").toString());

        assertThat(report.status()).as(report.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(report.out()).as("the report is still written").contains("report " + temp.resolve("reports"));
        assertThat(report.err().lines().toList()).as(report.toString()).hasSize(3);
        assertThat(report.err()).startsWith("schwabot: the replay sent other orders than the run did (order digest ")
            .contains("the report is of this replay, not of the run")
            .contains("note: a replay reproduces a run only with the run's configuration (--config DIR");
    }
}
