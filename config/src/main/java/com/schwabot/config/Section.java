package com.schwabot.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one mapping of a configuration tree into typed values, reporting every problem to {@link Errors} and
 * returning a harmless fallback so reading can go on and all problems are found in one pass. Every key read is
 * remembered; {@link #finish()} reports the keys that were never read as unknown. Not thread-safe.
 */
final class Section
{
    private final String file;
    private final String path;
    private final Map<String, Object> map;
    private final Errors errors;
    private final Map<String, Object> defaults;
    private final Set<String> known = new LinkedHashSet<>();

    Section(final String file, final String path, final Map<String, Object> map, final Errors errors)
    {
        this(file, path, map, errors, null);
    }

    /**
     * @param defaults the bundled default's mapping at the same path, or null: what a nested mapping written with
     *                 the wrong type is read from instead (see {@link #section(String)}).
     */
    Section(final String file, final String path, final Map<String, Object> map, final Errors errors,
        final Map<String, Object> defaults)
    {
        this.file = file;
        this.path = path;
        this.map = map;
        this.errors = errors;
        this.defaults = defaults;
    }

    String file()
    {
        return file;
    }

    String path()
    {
        return path;
    }

    Errors errors()
    {
        return errors;
    }

    String childPath(final String key)
    {
        return path.isEmpty() ? key : path + "." + key;
    }

    void error(final String key, final String problem)
    {
        error(childPath(key), map.get(key), problem);
    }

    /**
     * Report a value: a single value with its text, origin and line; a list or mapping with the line it starts on.
     */
    private void error(final String valuePath, final Object value, final String problem)
    {
        if (value instanceof Leaf)
        {
            errors.add(file, valuePath, (Leaf)value, problem);
        }
        else
        {
            errors.add(file, valuePath, problem, YamlTrees.line(value));
        }
    }

    /**
     * Reports keys present in the mapping that were never read. Call once, after reading every key.
     */
    void finish()
    {
        for (final Map.Entry<String, Object> entry : map.entrySet())
        {
            if (!known.contains(entry.getKey()))
            {
                errors.add(new ConfigError(file, childPath(entry.getKey()), null,
                    "unknown key (allowed here: " + String.join(", ", known) + ")", null,
                    YamlTrees.line(entry.getValue())));
            }
        }
    }

    private Leaf leaf(final String key)
    {
        known.add(key);
        final Object value = map.get(key);
        if (null == value)
        {
            if (!map.containsKey(key))
            {
                errors.add(file, childPath(key), "missing required key", 0);
            }
            return null;
        }
        if (!(value instanceof Leaf))
        {
            error(childPath(key), value, "expected a single value, found a " + (value instanceof Map ? "mapping" :
                "list"));
            return null;
        }
        return (Leaf)value;
    }

    long longValue(final String key, final long min, final long max)
    {
        final Leaf leaf = leaf(key);
        if (null == leaf)
        {
            return min;
        }
        if (leaf.kind() != Leaf.Kind.INT && leaf.kind() != Leaf.Kind.UNTYPED)
        {
            errors.add(file, childPath(key), leaf, "must be an integer in [" + min + ", " + max + "]");
            return min;
        }
        final long value;
        try
        {
            value = Long.parseLong(leaf.text().trim());
        }
        catch (final NumberFormatException ex)
        {
            errors.add(file, childPath(key), leaf, "must be an integer in [" + min + ", " + max + "]");
            return min;
        }
        if (value < min || value > max)
        {
            errors.add(file, childPath(key), leaf, "must be in [" + min + ", " + max + "]");
            return min;
        }
        return value;
    }

    int intValue(final String key, final int min, final int max)
    {
        return (int)longValue(key, min, max);
    }

    int powerOfTwo(final String key, final int min, final int max)
    {
        final Object raw = map.get(key);
        final Leaf leaf = raw instanceof Leaf ? (Leaf)raw : null;
        final int value = intValue(key, min, max);
        if (Integer.bitCount(value) != 1 && !errors.hasErrorsUnder(file, childPath(key)))
        {
            errors.add(file, childPath(key), leaf, "must be a power of two in [" + min + ", " + max + "]");
            return min;
        }
        return value;
    }

    /**
     * An optional integer: YAML {@code null}, or an empty value or {@code none} from the environment, means absent.
     *
     * @return the value, or -1 when absent.
     */
    int optionalInt(final String key, final int min, final int max)
    {
        known.add(key);
        final Object value = map.get(key);
        if (value instanceof Leaf)
        {
            final Leaf leaf = (Leaf)value;
            final String text = leaf.text().trim();
            if (leaf.kind() == Leaf.Kind.NULL ||
                (leaf.kind() == Leaf.Kind.UNTYPED && (text.isEmpty() || "none".equalsIgnoreCase(text))))
            {
                return -1;
            }
        }
        return intValue(key, min, max);
    }

    boolean bool(final String key)
    {
        final Leaf leaf = leaf(key);
        if (null == leaf)
        {
            return false;
        }
        final String text = leaf.text().trim();
        if ((leaf.kind() == Leaf.Kind.BOOL || leaf.kind() == Leaf.Kind.UNTYPED) &&
            ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)))
        {
            return "true".equalsIgnoreCase(text);
        }
        errors.add(file, childPath(key), leaf, "must be true or false");
        return false;
    }

    String string(final String key)
    {
        final Leaf leaf = leaf(key);
        if (null == leaf)
        {
            return "";
        }
        if (leaf.kind() == Leaf.Kind.NULL || leaf.text().isBlank())
        {
            errors.add(file, childPath(key), leaf, "must be a non-empty string");
            return "";
        }
        return leaf.text();
    }

    /**
     * A string that may be empty (for example an uninitialised salt).
     */
    String optionalString(final String key)
    {
        known.add(key);
        final Object value = map.get(key);
        if (value instanceof Leaf && ((Leaf)value).kind() == Leaf.Kind.NULL)
        {
            return "";
        }
        if (value instanceof Leaf && ((Leaf)value).text().isEmpty())
        {
            return "";
        }
        return string(key);
    }

    java.nio.file.Path pathValue(final String key)
    {
        final String text = string(key);
        try
        {
            return java.nio.file.Path.of(text.isEmpty() ? "." : text);
        }
        catch (final java.nio.file.InvalidPathException ex)
        {
            error(key, "must be a valid file system path");
            return java.nio.file.Path.of(".");
        }
    }

    String matching(final String key, final String regex, final String allowed)
    {
        final String value = string(key);
        if (!value.isEmpty() && !value.matches(regex))
        {
            error(key, "must be " + allowed);
            return "";
        }
        return value;
    }

    /**
     * Whether a value means "not set": absent, YAML {@code null}, or an empty value or {@code none}.
     */
    private static boolean isUnset(final Object value)
    {
        if (null == value)
        {
            return true;
        }
        if (value instanceof Leaf)
        {
            final Leaf leaf = (Leaf)value;
            final String text = leaf.text().trim();
            return leaf.kind() == Leaf.Kind.NULL ||
                (leaf.kind() == Leaf.Kind.UNTYPED && (text.isEmpty() || "none".equalsIgnoreCase(text)));
        }
        return false;
    }

    /**
     * An optional exact decimal: absent, YAML {@code null}, or an empty value or {@code none} means absent.
     *
     * @return the value, or null when absent.
     */
    BigDecimal optionalDecimal(final String key, final BigDecimal minExclusive, final BigDecimal max)
    {
        known.add(key);
        if (isUnset(map.get(key)))
        {
            return null;
        }
        return decimal(key, minExclusive, max);
    }

    /**
     * An exact decimal in ({@code minExclusive}, {@code max}]; {@code max} may be null for no upper bound.
     */
    BigDecimal decimal(final String key, final BigDecimal minExclusive, final BigDecimal max)
    {
        final Leaf leaf = leaf(key);
        final String range = "must be > " + minExclusive.toPlainString() +
            (null == max ? "" : " and <= " + max.toPlainString());
        final BigDecimal fallback = minExclusive.add(BigDecimal.ONE);
        if (null == leaf)
        {
            return fallback;
        }
        if (leaf.kind() != Leaf.Kind.INT && leaf.kind() != Leaf.Kind.FLOAT && leaf.kind() != Leaf.Kind.UNTYPED)
        {
            errors.add(file, childPath(key), leaf, "must be a decimal number; " + range);
            return fallback;
        }
        final BigDecimal value;
        try
        {
            value = new BigDecimal(leaf.text().trim());
        }
        catch (final NumberFormatException ex)
        {
            errors.add(file, childPath(key), leaf, "must be a decimal number; " + range);
            return fallback;
        }
        if (value.compareTo(minExclusive) <= 0 || (null != max && value.compareTo(max) > 0))
        {
            errors.add(file, childPath(key), leaf, range);
            return fallback;
        }
        final BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    double doubleValue(final String key, final double min, final double max)
    {
        final Leaf leaf = leaf(key);
        if (null == leaf)
        {
            return min;
        }
        final String allowed = "must be a number in [" + min + ", " + max + "]";
        if (leaf.kind() != Leaf.Kind.INT && leaf.kind() != Leaf.Kind.FLOAT && leaf.kind() != Leaf.Kind.UNTYPED)
        {
            errors.add(file, childPath(key), leaf, allowed);
            return min;
        }
        final double value;
        try
        {
            value = new BigDecimal(leaf.text().trim()).doubleValue();
        }
        catch (final NumberFormatException ex)
        {
            errors.add(file, childPath(key), leaf, allowed);
            return min;
        }
        if (!(value >= min && value <= max))
        {
            errors.add(file, childPath(key), leaf, "must be in [" + min + ", " + max + "]");
            return min;
        }
        return value;
    }

    <E extends Enum<E> & Labelled> E enumValue(final String key, final Class<E> type)
    {
        return enumValue(key, type, "");
    }

    private <E extends Enum<E> & Labelled> E enumValue(final String key, final Class<E> type, final String orElse)
    {
        final Leaf leaf = leaf(key);
        final E[] constants = type.getEnumConstants();
        if (null == leaf)
        {
            return constants[0];
        }
        for (final E constant : constants)
        {
            if (constant.label().equals(leaf.text().trim()))
            {
                return constant;
            }
        }
        errors.add(file, childPath(key), leaf, "must be one of " + labels(constants) + orElse);
        return constants[0];
    }

    /**
     * Whether a key is present (with any value, null included); marks it known.
     *
     * @return true when present.
     */
    boolean has(final String key)
    {
        known.add(key);
        return map.containsKey(key);
    }

    /**
     * An enum value that may be absent or null.
     *
     * @return the constant, or null when the key is absent or null.
     */
    <E extends Enum<E> & Labelled> E optionalEnum(final String key, final Class<E> type)
    {
        known.add(key);
        final Object value = map.get(key);
        if (null == value || (value instanceof Leaf && ((Leaf)value).kind() == Leaf.Kind.NULL))
        {
            return null;
        }
        return enumValue(key, type);
    }

    /**
     * An enum value that may be left unset: absent, YAML {@code null}, or an empty value or {@code none} from the
     * environment (so that a variable can unset what a file set).
     *
     * @param whenUnset what an unset value means, for the error message ({@code must be one of [...], or ...}).
     * @return the constant, or null when unset.
     */
    <E extends Enum<E> & Labelled> E optionalEnum(final String key, final Class<E> type, final String whenUnset)
    {
        known.add(key);
        if (isUnset(map.get(key)))
        {
            return null;
        }
        return enumValue(key, type, ", or " + whenUnset);
    }

    static <E extends Enum<E> & Labelled> String labels(final E[] constants)
    {
        final List<String> labels = new ArrayList<>(constants.length);
        for (final E constant : constants)
        {
            labels.add(constant.label());
        }
        return labels.toString();
    }

    /**
     * A list of strings: a YAML sequence of scalars, or a comma-separated environment value.
     */
    List<String> strings(final String key, final boolean allowEmpty)
    {
        known.add(key);
        final Object value = map.get(key);
        if (null == value)
        {
            errors.add(file, childPath(key), map.containsKey(key) ? "must be a list" : "missing required key", 0);
            return List.of();
        }
        if (!(value instanceof List))
        {
            error(childPath(key), value, "must be a list of strings");
            return List.of();
        }
        final List<String> result = new ArrayList<>();
        final List<?> items = (List<?>)value;
        for (int i = 0; i < items.size(); i++)
        {
            final Object item = items.get(i);
            if (!(item instanceof Leaf) || ((Leaf)item).kind() == Leaf.Kind.NULL || ((Leaf)item).text().isBlank())
            {
                error(childPath(key) + "[" + i + "]", item, "must be a non-empty string");
                continue;
            }
            result.add(((Leaf)item).text().trim());
        }
        if (!allowEmpty && items.isEmpty())
        {
            errors.add(file, childPath(key), "must not be empty", 0);
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * A nested mapping. A missing or non-mapping value is reported once: the section returned reads the bundled
     * default's mapping instead (so the keys the defaults supply are not reported missing as well), or is empty
     * where there is no default.
     */
    Section section(final String key)
    {
        return section(key, true);
    }

    @SuppressWarnings("unchecked")
    private Section section(final String key, final boolean fallBackToDefault)
    {
        known.add(key);
        final Object value = map.get(key);
        final Map<String, Object> fallback = null != defaults && defaults.get(key) instanceof Map ?
            (Map<String, Object>)defaults.get(key) : null;
        if (value instanceof Map)
        {
            return new Section(file, childPath(key), (Map<String, Object>)value, errors, fallback);
        }
        if (null == value && !map.containsKey(key))
        {
            errors.add(file, childPath(key), "missing required section", 0);
        }
        else
        {
            error(childPath(key), value, "must be a mapping");
        }
        if (fallBackToDefault && null != fallback)
        {
            return new Section(file, childPath(key), fallback, errors, fallback);
        }
        return new Section(file, childPath(key), new LinkedHashMap<>(), errors);
    }

    /**
     * A list of mappings (for example the instruments). Items that are not mappings are reported and skipped.
     */
    @SuppressWarnings("unchecked")
    List<Section> sections(final String key)
    {
        known.add(key);
        final Object value = map.get(key);
        if (value instanceof Leaf && ((Leaf)value).kind() == Leaf.Kind.NULL)
        {
            return List.of();
        }
        if (!(value instanceof List))
        {
            error(childPath(key), value, null == value ? "missing required list" : "must be a list of mappings");
            return List.of();
        }
        final List<Section> result = new ArrayList<>();
        final List<?> items = (List<?>)value;
        for (int i = 0; i < items.size(); i++)
        {
            final Object item = items.get(i);
            final String itemPath = childPath(key) + "[" + i + "]";
            if (item instanceof Map)
            {
                result.add(new Section(file, itemPath, (Map<String, Object>)item, errors));
            }
            else
            {
                error(itemPath, item, "must be a mapping");
            }
        }
        return result;
    }

    /**
     * A mapping whose keys are chosen by the user (for example ensemble weights by strategy name).
     */
    Map<String, Double> doubleMap(final String key, final double min, final double max)
    {
        final Section inner = section(key, false); // the user chooses the keys: the default's are no fallback
        final Map<String, Double> result = new LinkedHashMap<>();
        for (final String name : inner.map.keySet())
        {
            result.put(name, inner.doubleValue(name, min, max));
        }
        return Collections.unmodifiableMap(result);
    }
}
