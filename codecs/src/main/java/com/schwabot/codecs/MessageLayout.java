package com.schwabot.codecs;

/**
 * What the frame checker needs to know about one template: its root block length, its repeating groups in order
 * (each with the width of its count field and the minimum entry length) and how many var-data fields follow them.
 * Groups never nest and var-data fields are all uint8-length-prefixed in both schemas. Immutable.
 */
final class MessageLayout
{
    static final int GROUP_BLOCK_LENGTH_WIDTH = 2;
    static final int VAR_DATA_LENGTH_WIDTH = 1;

    final String name;
    final int blockLength;
    final int[] groupCountWidths;
    final int[] groupEntryLengths;
    final int varDataFields;

    private MessageLayout(
        final String name,
        final int blockLength,
        final int[] groupCountWidths,
        final int[] groupEntryLengths,
        final int varDataFields)
    {
        this.name = name;
        this.blockLength = blockLength;
        this.groupCountWidths = groupCountWidths;
        this.groupEntryLengths = groupEntryLengths;
        this.varDataFields = varDataFields;
    }

    static MessageLayout fixed(final String name, final int blockLength)
    {
        return new MessageLayout(name, blockLength, new int[0], new int[0], 0);
    }

    static MessageLayout withVarData(final String name, final int blockLength, final int varDataFields)
    {
        return new MessageLayout(name, blockLength, new int[0], new int[0], varDataFields);
    }

    /**
     * @param groups pairs of (count width in bytes, minimum entry length), one pair per group in wire order.
     */
    static MessageLayout withGroups(
        final String name, final int blockLength, final int varDataFields, final int... groups)
    {
        final int count = groups.length / 2;
        final int[] widths = new int[count];
        final int[] lengths = new int[count];
        for (int i = 0; i < count; i++)
        {
            widths[i] = groups[2 * i];
            lengths[i] = groups[2 * i + 1];
        }
        return new MessageLayout(name, blockLength, widths, lengths, varDataFields);
    }
}
