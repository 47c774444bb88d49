/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalContextTest
{
    @TempDir
    Path dir;

    @Test
    void shouldHaveDefaultsThatConclude()
    {
        final JournalContext context = new JournalContext().directory(dir).conclude();

        assertThat(context.rollCycle()).isEqualTo(JournalContext.ROLL_CYCLE_DEFAULT);
        assertThat(context.checksum()).isTrue();
        assertThat(context.readOnly()).isFalse();
        assertThat(context.maxPayloadLength()).isEqualTo(JournalContext.MAX_PAYLOAD_LENGTH_DEFAULT);
        assertThat(context.maxReportedProblems()).isEqualTo(JournalContext.MAX_REPORTED_PROBLEMS_DEFAULT);
        assertThat(context.blockSize()).isZero();
        assertThat(context.timeProvider()).isNull();
    }

    @Test
    void shouldNameTheMissingDirectory()
    {
        assertThatThrownBy(() -> new JournalContext().conclude())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("journal directory must be set");
        final Path absent = dir.resolve("absent");
        assertThatThrownBy(() -> new JournalContext().directory(absent).readOnly(true).conclude())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("journal directory does not exist (read-only open): " + absent);
    }

    @Test
    void shouldFollowOnlyAJournalOpenedReadOnlyAndNotReadInPlace()
    {
        assertThatThrownBy(() -> new JournalContext().directory(dir).follow(true).conclude())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("journal follow is for a read-only journal not read in place");
        assertThatThrownBy(() -> new JournalContext().directory(dir).readOnly(true).readInPlace(true).follow(true)
            .conclude())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("journal follow is for a read-only journal not read in place");
        assertThat(new JournalContext().directory(dir).readOnly(true).follow(true).conclude().follow()).isTrue();
    }

    @Test
    void shouldNameTheRollCycleAndItsChoices()
    {
        assertThatThrownBy(() -> new JournalContext().directory(dir).rollCycle(null).conclude())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("journal rollCycle must be one of MINUTELY, FIVE_MINUTELY, HOURLY, DAILY");
    }

    @Test
    void shouldNameMaxPayloadLengthAndItsRange()
    {
        assertThatThrownBy(() -> new JournalContext().directory(dir).maxPayloadLength(7).conclude())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("journal maxPayloadLength=7 must be in [8, 16777216]");
        assertThatThrownBy(() -> new JournalContext().directory(dir).maxPayloadLength(16 * 1024 * 1024 + 1).conclude())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("journal maxPayloadLength=16777217 must be in [8, 16777216]");
        assertThat(new JournalContext().directory(dir).maxPayloadLength(8).conclude().maxPayloadLength()).isEqualTo(8);
    }

    @Test
    void shouldNameMaxReportedProblemsAndBlockSize()
    {
        assertThatThrownBy(() -> new JournalContext().directory(dir).maxReportedProblems(-1).conclude())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("journal maxReportedProblems=-1 must be >= 0");
        assertThatThrownBy(() -> new JournalContext().directory(dir).blockSize(-1).conclude())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("journal blockSize=-1 must be >= 0 (0 = default)");
    }

    @Test
    void shouldValidateWhenAJournalIsOpened()
    {
        assertThatThrownBy(() -> Journal.open(new JournalContext().directory(dir).maxPayloadLength(0)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("journal maxPayloadLength=0");
    }
}
