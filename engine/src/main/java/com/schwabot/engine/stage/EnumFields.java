package com.schwabot.engine.stage;

import com.schwabot.codecs.binance.BoolEnum;
import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.codecs.sbe.Channel;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.LinkState;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.YesNo;

/**
 * Which raw values of the enum fields the business thread acts on are defined by the schemas. A frame can be
 * structurally sound (it passed the frame checker) and still carry an undefined value, for which the generated
 * decoders' enum getters throw (allocating an exception and its stack trace); the stages read these fields raw
 * through these tables first and count such a frame as a bad value instead. The null value is not a defined value.
 * <p>
 * Immutable tables built once; thread-safe and allocation-free to read.
 */
final class EnumFields
{
    private static final int UINT8_VALUES = 256;
    private static final boolean[] EXEC_TYPE = table(ExecType.values());
    private static final boolean[] CHANNEL = table(Channel.values());
    private static final boolean[] LINK_STATE = table(LinkState.values());
    private static final boolean[] ADMIN_ACTION = table(AdminAction.values());
    private static final boolean[] BOOL = table(BoolEnum.values());
    private static final boolean[] SIDE = table(Side.values());
    private static final boolean[] REJECT_REASON = table(RejectReason.values());
    private static final boolean[] YES_NO = table(YesNo.values());

    private EnumFields()
    {
    }

    static boolean execType(final short raw)
    {
        return EXEC_TYPE[raw & 0xFF];
    }

    static boolean channel(final short raw)
    {
        return CHANNEL[raw & 0xFF];
    }

    static boolean linkState(final short raw)
    {
        return LINK_STATE[raw & 0xFF];
    }

    static boolean adminAction(final short raw)
    {
        return ADMIN_ACTION[raw & 0xFF];
    }

    static boolean yesNo(final short raw)
    {
        return YES_NO[raw & 0xFF];
    }

    static boolean bool(final short raw)
    {
        return BOOL[raw & 0xFF];
    }

    static boolean side(final short raw)
    {
        return SIDE[raw & 0xFF];
    }

    static boolean rejectReason(final short raw)
    {
        return REJECT_REASON[raw & 0xFF];
    }

    private static boolean[] table(final Enum<?>[] values)
    {
        final boolean[] table = new boolean[UINT8_VALUES];
        for (final Enum<?> value : values)
        {
            if (!"NULL_VAL".equals(value.name()))
            {
                table[rawValue(value) & 0xFF] = true;
            }
        }
        return table;
    }

    private static int rawValue(final Enum<?> value)
    {
        if (value instanceof ExecType e)
        {
            return e.value();
        }
        if (value instanceof Channel c)
        {
            return c.value();
        }
        if (value instanceof LinkState l)
        {
            return l.value();
        }
        if (value instanceof AdminAction a)
        {
            return a.value();
        }
        if (value instanceof Side s)
        {
            return s.value();
        }
        if (value instanceof RejectReason r)
        {
            return r.value();
        }
        if (value instanceof YesNo y)
        {
            return y.value();
        }
        return ((BoolEnum)value).value();
    }
}
