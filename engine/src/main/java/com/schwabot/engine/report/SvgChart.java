package com.schwabot.engine.report;

import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG, drawn here (no script, no external asset): a line or area chart of a series
 * over event time, and a bar chart of one value per label. Coordinates are printed with two decimals in
 * {@link Locale#ROOT}, so the same data give the same bytes. Every point is drawn (the equity curve has about
 * {@link SampleInterval#TARGET_SAMPLES} samples per run).
 */
final class SvgChart
{
    static final int WIDTH = 900;
    static final int HEIGHT = 260;
    private static final int LEFT = 120;
    private static final int RIGHT = 20;
    private static final int TOP = 14;
    private static final int BOTTOM = 40;
    private static final int GRID_LINES = 4;

    private SvgChart()
    {
    }

    /**
     * A series over time: a line, or an area down (or up) to zero.
     *
     * @param out      where the SVG goes.
     * @param title    its accessible title.
     * @param times    event times, increasing.
     * @param values   the values.
     * @param area     true to fill the area between the series and zero.
     * @param cssClass the class of the line or area (colours are in the page's style sheet).
     * @param unit     appended to the axis labels.
     */
    static void series(
        final StringBuilder out, final String title, final long[] times, final double[] values, final boolean area,
        final String cssClass, final String unit)
    {
        double min = 0;
        double max = 0;
        boolean first = true;
        for (final double v : values)
        {
            min = first ? v : Math.min(min, v);
            max = first ? v : Math.max(max, v);
            first = false;
        }
        if (area)
        {
            min = Math.min(min, 0);
            max = Math.max(max, 0);
        }
        if (max - min < 1e-12)
        {
            final double pad = Math.max(1e-6, Math.abs(max) * 1e-4);
            min -= pad;
            max += pad;
        }
        final long t0 = times.length > 0 ? times[0] : 0;
        final long t1 = times.length > 1 ? times[times.length - 1] : t0 + 1;
        open(out, title);
        yAxis(out, min, max, unit);
        xAxis(out, t0, t1);
        final int plotBottom = HEIGHT - BOTTOM;
        final StringBuilder points = new StringBuilder(values.length * 16);
        for (int k = 0; k < values.length; k++)
        {
            points.append(k == 0 ? "" : " ").append(num(x(times[k], t0, t1))).append(',')
                .append(num(y(values[k], min, max)));
        }
        if (values.length > 0)
        {
            if (area)
            {
                final String zero = num(Math.min(plotBottom, Math.max(TOP, y(0, min, max))));
                out.append("<polygon class=\"").append(cssClass).append("\" points=\"")
                    .append(num(x(times[0], t0, t1))).append(',').append(zero).append(' ').append(points).append(' ')
                    .append(num(x(times[times.length - 1], t0, t1))).append(',').append(zero).append("\"/>\n");
            }
            else
            {
                out.append("<polyline class=\"").append(cssClass).append("\" points=\"").append(points)
                    .append("\"/>\n");
            }
        }
        out.append("</svg>\n");
    }

    /**
     * One bar per label, up for positive values, down for negative ones, with the value above or below it.
     *
     * @param out    where the SVG goes.
     * @param title  its accessible title.
     * @param labels the labels.
     * @param values the values.
     * @param unit   appended to the values.
     */
    static void bars(
        final StringBuilder out, final String title, final List<String> labels, final double[] values,
        final String unit)
    {
        double min = 0;
        double max = 0;
        for (final double v : values)
        {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (max - min < 1e-12)
        {
            max += 1;
        }
        open(out, title);
        yAxis(out, min, max, unit);
        final double plotWidth = WIDTH - LEFT - RIGHT;
        final double slot = plotWidth / Math.max(1, values.length);
        final double zero = y(0, min, max);
        for (int k = 0; k < values.length; k++)
        {
            final double top = Math.min(zero, y(values[k], min, max));
            final double height = Math.max(1, Math.abs(y(values[k], min, max) - zero));
            final double left = LEFT + slot * k + slot * 0.2;
            final double mid = LEFT + slot * k + slot * 0.5;
            out.append("<rect class=\"").append(values[k] >= 0 ? "gain" : "loss").append("\" x=\"").append(num(left))
                .append("\" y=\"").append(num(top)).append("\" width=\"").append(num(slot * 0.6))
                .append("\" height=\"").append(num(height)).append("\"><title>").append(ReportHtml.escape(
                    labels.get(k))).append(": ").append(ReportHtml.money(values[k])).append(' ').append(unit)
                .append("</title></rect>\n");
            text(out, mid, HEIGHT - BOTTOM + 16, "middle", labels.get(k) + ": " + ReportHtml.money(values[k]));
        }
        out.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(num(zero)).append("\" x2=\"")
            .append(WIDTH - RIGHT).append("\" y2=\"").append(num(zero)).append("\"/>\n");
        out.append("</svg>\n");
    }

    private static void open(final StringBuilder out, final String title)
    {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
            .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
            .append(HEIGHT).append("\">\n<title>").append(ReportHtml.escape(title)).append("</title>\n");
    }

    private static void yAxis(final StringBuilder out, final double min, final double max, final String unit)
    {
        final int decimals = decimals(max - min);
        for (int g = 0; g <= GRID_LINES; g++)
        {
            final double v = min + (max - min) * g / GRID_LINES;
            final double y = y(v, min, max);
            out.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(num(y))
                .append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(num(y)).append("\"/>\n");
            text(out, LEFT - 6, y + 4, "end",
                String.format(Locale.ROOT, "%,." + decimals + "f", v) + (unit.isEmpty() ? "" : " " + unit));
        }
    }

    private static void xAxis(final StringBuilder out, final long t0, final long t1)
    {
        final int plotBottom = HEIGHT - BOTTOM;
        out.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(plotBottom)
            .append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(plotBottom).append("\"/>\n");
        text(out, LEFT, plotBottom + 16, "start", ReportJson.iso(t0));
        text(out, WIDTH - RIGHT, plotBottom + 16, "end", ReportJson.iso(t1));
        text(out, LEFT + (WIDTH - LEFT - RIGHT) / 2.0, plotBottom + 32, "middle", "event time (UTC)");
    }

    private static void text(
        final StringBuilder out, final double x, final double y, final String anchor, final String text)
    {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
            .append(anchor).append("\">").append(ReportHtml.escape(text)).append("</text>\n");
    }

    private static int decimals(final double range)
    {
        if (range <= 0)
        {
            return 2;
        }
        final int d = 2 - (int)Math.floor(Math.log10(range));
        return Math.max(0, Math.min(8, d));
    }

    private static double x(final long t, final long t0, final long t1)
    {
        final double span = Math.max(1, t1 - t0);
        return LEFT + (WIDTH - LEFT - RIGHT) * ((t - t0) / span);
    }

    private static double y(final double v, final double min, final double max)
    {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (v - min) / (max - min));
    }

    private static String num(final double v)
    {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
