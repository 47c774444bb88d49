/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.util.Collections;
import java.util.List;

/**
 * Result of {@link Journal#verify()}: whether the journal is sound, how many excerpts were scanned, the problems
 * found (capped) and how many more were not listed.
 */
public final class VerifyReport
{
    private final long recordCount;
    private final long validRecordCount;
    private final List<JournalProblem> problems;
    private final long problemsNotListed;

    VerifyReport(
        final long recordCount,
        final long validRecordCount,
        final List<JournalProblem> problems,
        final long problemsNotListed)
    {
        this.recordCount = recordCount;
        this.validRecordCount = validRecordCount;
        this.problems = Collections.unmodifiableList(problems);
        this.problemsNotListed = problemsNotListed;
    }

    /**
     * True when no problem was found.
     *
     * @return true when the journal is sound.
     */
    public boolean ok()
    {
        return problems.isEmpty() && 0 == problemsNotListed;
    }

    /**
     * Excerpts scanned, valid or not.
     *
     * @return the number of excerpts scanned.
     */
    public long recordCount()
    {
        return recordCount;
    }

    /**
     * Records with a valid header and frame.
     *
     * @return the number of valid records.
     */
    public long validRecordCount()
    {
        return validRecordCount;
    }

    /**
     * Problems listed, in scan order, up to the configured cap.
     *
     * @return the listed problems.
     */
    public List<JournalProblem> problems()
    {
        return problems;
    }

    /**
     * Problems found beyond the cap and not listed.
     *
     * @return the count of unlisted problems.
     */
    public long problemsNotListed()
    {
        return problemsNotListed;
    }

    /**
     * Total problems found.
     *
     * @return listed plus unlisted problems.
     */
    public long problemCount()
    {
        return problems.size() + problemsNotListed;
    }

    /**
     * Has a problem of a kind been listed.
     *
     * @param kind to look for.
     * @return true when a listed problem has that kind.
     */
    public boolean hasProblem(final ProblemKind kind)
    {
        for (final JournalProblem problem : problems)
        {
            if (problem.kind() == kind)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Text report: a summary line, then one line per problem, then a line for unlisted problems if any.
     *
     * @return the report text, lines separated by '\n'.
     */
    public String describe()
    {
        final StringBuilder sb = new StringBuilder();
        sb.append(ok() ? "OK" : "DAMAGED")
            .append(" records=").append(recordCount)
            .append(" valid=").append(validRecordCount)
            .append(" problems=").append(problemCount())
            .append('\n');
        for (final JournalProblem problem : problems)
        {
            sb.append(problem.describe()).append('\n');
        }
        if (problemsNotListed > 0)
        {
            sb.append("... and ").append(problemsNotListed).append(" more problems not listed\n");
        }
        return sb.toString();
    }

    /**
     * Same as {@link #describe()}.
     *
     * @return the report text.
     */
    public String toString()
    {
        return describe();
    }
}
