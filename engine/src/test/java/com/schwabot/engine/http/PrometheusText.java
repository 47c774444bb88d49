package com.schwabot.engine.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for tests: it throws on the first line that breaks
 * the format, and checks what a scraper relies on: metric and label names, label escaping, values (Go float syntax),
 * at most one HELP and TYPE per family, TYPE before the family's samples, each family's lines in one group, no
 * duplicate series, counters not negative, summaries with quantile labels in [0, 1] plus _sum and _count.
 */
final class PrometheusText
{
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern FLOAT =
        Pattern.compile("[+-]?(Inf|NaN|([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?)");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /**
     * One sample.
     *
     * @param name   metric name.
     * @param labels labels, sorted by name.
     * @param value  the value.
     * @param family the family it belongs to.
     */
    record Sample(String name, Map<String, String> labels, double value, String family)
    {
    }

    /**
     * What was parsed.
     *
     * @param types   family to type.
     * @param samples every sample in order.
     */
    record Scrape(Map<String, String> types, List<Sample> samples)
    {
        /**
         * The value of a series.
         *
         * @param name   metric name.
         * @param labels alternating label names and values.
         * @return the value.
         * @throws AssertionError when absent.
         */
        double value(final String name, final String... labels)
        {
            final Map<String, String> wanted = new TreeMap<>();
            for (int i = 0; i < labels.length; i += 2)
            {
                wanted.put(labels[i], labels[i + 1]);
            }
            for (final Sample sample : samples)
            {
                if (sample.name().equals(name) && sample.labels().equals(wanted))
                {
                    return sample.value();
                }
            }
            throw new AssertionError("no series " + name + wanted);
        }
    }

    private PrometheusText()
    {
    }

    static Scrape parse(final String text)
    {
        final Map<String, String> types = new LinkedHashMap<>();
        final Set<String> helps = new HashSet<>();
        final Set<String> closed = new HashSet<>();
        final Set<String> series = new HashSet<>();
        final Map<String, Set<String>> summaryParts = new HashMap<>();
        final List<Sample> samples = new ArrayList<>();
        String current = null;
        int lineNo = 0;
        for (final String line : text.split("\n", -1))
        {
            lineNo++;
            if (line.isEmpty())
            {
                continue;
            }
            final String where = "line " + lineNo + " '" + line + "': ";
            if (line.startsWith("#"))
            {
                final String[] parts = line.split(" ", 4);
                if (parts.length >= 3 && (parts[1].equals("HELP") || parts[1].equals("TYPE")))
                {
                    final String family = parts[2];
                    require(NAME.matcher(family).matches(), where + "bad metric name");
                    current = enter(family, current, closed, where);
                    if (parts[1].equals("HELP"))
                    {
                        require(helps.add(family), where + "second HELP");
                    }
                    else
                    {
                        require(parts.length == 4 && TYPES.contains(parts[3]), where + "bad type");
                        require(!types.containsKey(family), where + "second TYPE");
                        require(samples.stream().noneMatch((s) -> s.family().equals(family)),
                            where + "TYPE after samples");
                        types.put(family, parts[3]);
                    }
                }
                continue;
            }
            final Sample sample = sample(line, types, where);
            current = enter(sample.family(), current, closed, where);
            require(series.add(sample.name() + sample.labels()), where + "duplicate series");
            final String type = types.getOrDefault(sample.family(), "untyped");
            if (type.equals("counter"))
            {
                require(sample.value() >= 0 || Double.isNaN(sample.value()), where + "negative counter");
            }
            if (type.equals("summary"))
            {
                summaryParts.computeIfAbsent(sample.family(), (f) -> new HashSet<>())
                    .add(sample.name().substring(sample.family().length()));
                if (sample.name().equals(sample.family()))
                {
                    final String q = sample.labels().get("quantile");
                    require(null != q && Double.parseDouble(q) >= 0 && Double.parseDouble(q) <= 1,
                        where + "summary sample without a quantile in [0, 1]");
                }
            }
            samples.add(sample);
        }
        summaryParts.forEach((family, parts) ->
            require(parts.containsAll(Set.of("", "_sum", "_count")), family + ": summary without _sum or _count"));
        return new Scrape(types, samples);
    }

    private static String enter(final String family, final String current, final Set<String> closed,
        final String where)
    {
        if (!family.equals(current))
        {
            require(!closed.contains(family), where + "family " + family + " is not in one group");
            if (null != current)
            {
                closed.add(current);
            }
        }
        return family;
    }

    private static Sample sample(final String line, final Map<String, String> types, final String where)
    {
        final Matcher name = NAME.matcher(line);
        require(name.lookingAt(), where + "bad metric name");
        final String metric = name.group();
        int pos = name.end();
        final Map<String, String> labels = new TreeMap<>();
        if (pos < line.length() && line.charAt(pos) == '{')
        {
            pos = labels(line, pos + 1, labels, where);
        }
        require(pos < line.length() && line.charAt(pos) == ' ', where + "no space before the value");
        final String[] rest = line.substring(pos + 1).split(" ");
        require(rest.length == 1 || rest.length == 2, where + "expected a value and an optional timestamp");
        require(FLOAT.matcher(rest[0]).matches(), where + "bad value");
        if (rest.length == 2)
        {
            require(rest[1].matches("-?[0-9]+"), where + "bad timestamp");
        }
        final double value = rest[0].endsWith("Inf") ?
            (rest[0].startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY) :
            Double.parseDouble(rest[0]);
        return new Sample(metric, labels, value, family(metric, types));
    }

    private static int labels(final String line, final int start, final Map<String, String> labels,
        final String where)
    {
        int pos = start;
        while (true)
        {
            if (line.charAt(pos) == '}')
            {
                return pos + 1;
            }
            final Matcher label = LABEL_NAME.matcher(line).region(pos, line.length());
            require(label.lookingAt(), where + "bad label name");
            pos = label.end();
            require(line.startsWith("=\"", pos), where + "expected =\"");
            pos += 2;
            final StringBuilder value = new StringBuilder();
            while (line.charAt(pos) != '"')
            {
                char c = line.charAt(pos++);
                if (c == '\\')
                {
                    c = line.charAt(pos++);
                    require(c == '\\' || c == '"' || c == 'n', where + "bad escape in a label value");
                    c = c == 'n' ? '\n' : c;
                }
                value.append(c);
            }
            pos++;
            require(labels.put(label.group(), value.toString()) == null, where + "duplicate label");
            if (line.charAt(pos) == ',')
            {
                pos++;
            }
            else
            {
                require(line.charAt(pos) == '}', where + "expected , or }");
            }
        }
    }

    private static String family(final String metric, final Map<String, String> types)
    {
        for (final String suffix : new String[]{"_sum", "_count", "_bucket"})
        {
            if (metric.endsWith(suffix))
            {
                final String base = metric.substring(0, metric.length() - suffix.length());
                final String type = types.get(base);
                if ("summary".equals(type) || "histogram".equals(type))
                {
                    return base;
                }
            }
        }
        return metric;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException("not Prometheus text: " + message);
        }
    }
}
