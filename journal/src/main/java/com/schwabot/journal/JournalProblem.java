/*
 * Schwabot journal.
 */
package com.schwabot.journal;

/**
 * One problem found by {@link JournalVerifier}: where (roll cycle, Chronicle index, sequence) and what.
 */
public final class JournalProblem
{
    /** Sequence value used when the record's sequence is unknown. */
    public static final long UNKNOWN_SEQUENCE = -1;
    /** Cycle value used when the problem is not in one cycle's excerpts (a file cut short). */
    public static final int UNKNOWN_CYCLE = -1;
    /** Index value used when the problem is not at one excerpt. */
    public static final long UNKNOWN_INDEX = -1;

    private final ProblemKind kind;
    private final int cycle;
    private final long index;
    private final long sequence;
    private final String detail;

    /**
     * A problem.
     *
     * @param kind     what kind of problem.
     * @param cycle    roll cycle of the excerpt.
     * @param index    Chronicle index of the excerpt.
     * @param sequence record sequence or {@link #UNKNOWN_SEQUENCE}.
     * @param detail   human readable detail.
     */
    public JournalProblem(
        final ProblemKind kind, final int cycle, final long index, final long sequence, final String detail)
    {
        this.kind = kind;
        this.cycle = cycle;
        this.index = index;
        this.sequence = sequence;
        this.detail = detail;
    }

    /**
     * What kind of problem.
     *
     * @return the kind.
     */
    public ProblemKind kind()
    {
        return kind;
    }

    /**
     * Roll cycle of the excerpt.
     *
     * @return the cycle.
     */
    public int cycle()
    {
        return cycle;
    }

    /**
     * Chronicle index of the excerpt.
     *
     * @return the index.
     */
    public long index()
    {
        return index;
    }

    /**
     * Sequence of the record, {@link #UNKNOWN_SEQUENCE} when it could not be read.
     *
     * @return the sequence.
     */
    public long sequence()
    {
        return sequence;
    }

    /**
     * Human readable detail.
     *
     * @return the detail.
     */
    public String detail()
    {
        return detail;
    }

    /**
     * One line: kind, where, what.
     *
     * @return the description.
     */
    public String describe()
    {
        return kind + " cycle=" + (cycle < 0 ? "?" : Integer.toString(cycle)) +
            " index=" + (index < 0 ? "?" : "0x" + Long.toHexString(index)) +
            " sequence=" + (sequence == UNKNOWN_SEQUENCE ? "?" : Long.toString(sequence)) + ": " + detail;
    }

    /**
     * Same as {@link #describe()}.
     *
     * @return the description.
     */
    public String toString()
    {
        return describe();
    }
}
