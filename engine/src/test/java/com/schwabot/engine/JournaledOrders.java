package com.schwabot.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.journal.Journal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orders a live run sent, read from its journal: the client order ids of the outbound NewOrder records, in
 * journal order. The journal must verify clean first.
 */
public final class JournaledOrders
{
    private JournaledOrders()
    {
    }

    /**
     * Client order ids of every order the journal says was sent.
     *
     * @param journalDir the journal.
     * @return the ids, in journal order.
     */
    public static List<Long> sentClOrdIds(final Path journalDir)
    {
        final List<Long> clOrdIds = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final NewOrderDecoder order = new NewOrderDecoder();
        try (Journal journal = Journal.openReadOnly(journalDir))
        {
            assertThat(journal.verify().ok()).as("the journal verifies").isTrue();
            journal.replay(0, (sequence, ingress, source, flags, buffer, offset, length, index) ->
            {
                header.wrap(buffer, offset);
                if ((flags & JournalFlags.OUTBOUND) != 0 && header.templateId() == NewOrderDecoder.TEMPLATE_ID)
                {
                    clOrdIds.add(order.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH,
                        header.blockLength(), header.version()).clOrdId());
                }
            });
        }
        return clOrdIds;
    }
}
