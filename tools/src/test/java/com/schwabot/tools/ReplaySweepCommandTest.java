package com.schwabot.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReplaySweepCommandTest
{
    @TempDir
    static Path temp;

    private static Path journal;

    @BeforeAll
    static void importAWalk() throws IOException
    {
        final StringBuilder csv = new StringBuilder("time,symbol,type,price,qty,bid,bid_qty,ask,ask_qty\n");
        final SplittableRandom random = new SplittableRandom(11);
        long mid = 6_500_000;
        int drift = 0;
        for (int k = 0; k < 20_000; k++)
        {
            if (k % 500 == 0)
            {
                drift = random.nextInt(3) - 1;
            }
            mid += (random.nextInt(3) - 1) * 100 + drift * 50;
            csv.append(String.format(Locale.ROOT, "%d,BTCUSDT,quote,,,%d.%02d,0.5,%d.%02d,0.4%n",
                1_704_153_600_000L + 20L * k, (mid - 1) / 100, (mid - 1) % 100, (mid + 1) / 100, (mid + 1) % 100));
        }
        final Path file = temp.resolve("walk.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        journal = temp.resolve("journal");
        final CliRunner.Result imported = CliRunner.run("import", "--journal", journal.toString(), file.toString());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(ExitCodes.OK);
    }

    private static String digest(final String out, final String prefix)
    {
        return out.lines().filter((l) -> l.startsWith(prefix)).findFirst().orElseThrow()
            .substring(prefix.length()).trim();
    }

    @Test
    void shouldRankTheVariantsWithTheBaseEqualToThePlainBacktest()
    {
        final Map<String, String> env = Map.of("SCHWABOT_STRATEGIES_ENSEMBLE_THRESHOLD", "0.2");
        final CliRunner.Result plain = CliRunner.run(env, "replay", "--journal", journal.toString(),
            "--fill-latency", "40ms", "--taker-fee-bps", "7.5");
        final CliRunner.Result sweep = CliRunner.run(env, "replay", "--journal", journal.toString(),
            "--fill-latency", "40ms", "--taker-fee-bps", "7.5", "--sweep", "threshold=0.2,0.6",
            "--sweep", "weight-scale=0.5:1.5:0.5");

        assertThat(plain.status()).as(plain.toString()).isEqualTo(ExitCodes.OK);
        assertThat(sweep.status()).as(sweep.toString()).isEqualTo(ExitCodes.OK);
        assertThat(sweep.out()).contains("swept 7 variants over 20000 records")
            .contains("fills: simulated venue, latency 40ms, taker 7.5 bps, maker 10 bps");
        assertThat(digest(sweep.out(), "base (variant 0) order digest")).isEqualTo(digest(plain.out(),
            "order digest"));
        final List<String> rows = sweep.out().lines().filter((l) -> l.matches(" +[0-9]+ +[0-9]+ .*")).toList();
        assertThat(rows).hasSize(7);
        double previous = Double.POSITIVE_INFINITY;
        for (final String row : rows)
        {
            final String[] columns = row.trim().split(" +");
            final double pnl = Double.parseDouble(columns[2]);
            assertThat(pnl).isLessThanOrEqualTo(previous);
            previous = pnl;
            if (columns[1].equals("0") || columns[1].equals("2"))
            {
                assertThat(Long.parseLong(columns[5])).as(row).isGreaterThan(0);
            }
        }
        assertThat(plain.out()).doesNotContain("orders sent 0,");
        assertThat(sweep.out()).contains(" base").contains("threshold=0.2 weight-scale=0.5");
    }

    @Test
    void shouldRefuseASweepValueTheConfigurationWouldRefuse()
    {
        final CliRunner.Result sweep = CliRunner.run("replay", "--journal", journal.toString(), "--no-report",
            "--sweep", "threshold=0.0005");

        assertThat(sweep.status()).as(sweep.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(sweep.out()).isEmpty();
        assertThat(sweep.err()).startsWith("schwabot: --sweep threshold=0.0005: threshold=0.0005 must be in " +
            "[0.001, 1.0], the range of strategies.yaml ensemble.threshold" + System.lineSeparator());
    }

    @Test
    void shouldRefuseABadSweepOrFeeAsUsage()
    {
        final CliRunner.Result sweep = CliRunner.run("replay", "--journal", journal.toString(), "--sweep",
            "treshold=0.3");
        final CliRunner.Result fee = CliRunner.run("replay", "--journal", journal.toString(), "--taker-fee-bps",
            "0.125");
        final CliRunner.Result latency = CliRunner.run("replay", "--journal", journal.toString(), "--fill-latency",
            "5 parsecs");

        assertThat(sweep.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(sweep.err()).contains("unknown sweep parameter 'treshold'");
        assertThat(fee.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(fee.err()).contains("--taker-fee-bps 0.125: must have at most two decimals");
        assertThat(latency.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(latency.err()).contains("is not a latency");
    }

    @Test
    void shouldRefuseSimulatedVenueOptionsAndTopWhereNothingWouldUseThem()
    {
        final Path live = temp.resolve("live");
        final CliRunner.Result ran = CliRunner.run(RunCommandTest.FREE_PORT, "run", "--duration", "2s",
            "--data-dir", live.toString());
        assertThat(ran.status()).as(ran.toString()).isEqualTo(ExitCodes.OK);

        final CliRunner.Result auto = CliRunner.run("replay", "--journal", live.resolve("data/journal").toString(),
            "--no-report", "--taker-fee-bps", "3");
        final CliRunner.Result recorded = CliRunner.run("replay", "--journal", journal.toString(), "--no-report",
            "--fills", "recorded", "--fill-latency", "5ms", "--maker-fee-bps", "2");
        final CliRunner.Result top = CliRunner.run("replay", "--journal", journal.toString(), "--no-report",
            "--top", "3");

        assertThat(auto.status()).as(auto.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(auto.err()).isEqualTo("schwabot: --taker-fee-bps sets the simulated venue, but this journal of " +
            "a live run replays its recorded venue reports (--fills auto): add --fills simulated to backtest it " +
            "with the simulated venue" + System.lineSeparator());
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(recorded.err()).isEqualTo("schwabot: --fill-latency and --maker-fee-bps set the simulated " +
            "venue, but --fills recorded replays the venue reports recorded in the journal" +
            System.lineSeparator());
        assertThat(top.status()).as(top.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(top.err()).isEqualTo("schwabot: --top ranks the variants of --sweep: give --sweep, or leave " +
            "--top out" + System.lineSeparator());
        assertThat(auto.out() + recorded.out() + top.out()).as("nothing replayed").isEmpty();
    }
}
