package com.schwabot.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Parses YAML into a tree of {@code Map<String, Object>}, {@code List<Object>} and {@link Leaf}, keeping the line of
 * every value (of a list or mapping too: {@link #line(Object)}), and merges trees (a file over the defaults). Scalars
 * are not converted here: the binder types them, so decimals stay exact and a quoted {@code "1024"} is still seen as
 * a string.
 */
final class YamlTrees
{
    private static final int MAX_CODE_POINTS = 1024 * 1024;

    private YamlTrees()
    {
    }

    /**
     * A YAML sequence as parsed: a list that knows the line it starts on, for the errors about it.
     */
    static final class Sequence extends ArrayList<Object>
    {
        private static final long serialVersionUID = 1L;

        private final int line;

        Sequence(final int capacity, final int line)
        {
            super(capacity);
            this.line = line;
        }
    }

    /**
     * A YAML mapping as parsed: a map that knows the line it starts on (its first key's), for the errors about it.
     */
    static final class Mapping extends LinkedHashMap<String, Object>
    {
        private static final long serialVersionUID = 1L;

        private final int line;

        Mapping(final int line)
        {
            this.line = line;
        }
    }

    /**
     * The line a value of a tree starts on in its file.
     *
     * @param value a {@link Leaf}, or a list or mapping as parsed.
     * @return the 1-based line, or 0 when unknown (a value from the environment, a mapping merged from two files).
     */
    static int line(final Object value)
    {
        if (value instanceof Leaf)
        {
            return ((Leaf)value).origin().line();
        }
        if (value instanceof Sequence)
        {
            return ((Sequence)value).line;
        }
        return value instanceof Mapping ? ((Mapping)value).line : 0;
    }

    /**
     * A YAML file that is not UTF-8 text, and where its first byte that is not.
     */
    static final class NotUtf8Exception extends IOException
    {
        private static final long serialVersionUID = 1L;

        private final int line;

        NotUtf8Exception(final Path path, final int line, final int column, final int value)
        {
            super(path + " is not UTF-8 text: byte 0x" + String.format("%02x", value) + " in column " + column +
                " is not UTF-8: save the file as UTF-8");
            this.line = line;
        }

        /**
         * @return the line of the first byte that is not UTF-8, from 1.
         */
        int line()
        {
            return line;
        }
    }

    /**
     * Read a YAML file, which must be UTF-8 text.
     *
     * @param path the file.
     * @return its text.
     * @throws NotUtf8Exception when it is not UTF-8 text, naming the line and column of its first byte that is not.
     * @throws IOException      when it cannot be read.
     */
    static String read(final Path path) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(path);
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        final CharBuffer out = CharBuffer.allocate(bytes.length);
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        final CoderResult result = decoder.decode(in, out, true);
        if (result.isError())
        {
            final int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++)
            {
                if (bytes[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new NotUtf8Exception(path, line, at - lineStart + 1, bytes[at] & 0xFF);
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /**
     * Parse a document. Syntax errors, duplicate keys and non-string keys are reported to {@code errors}.
     *
     * @return the root mapping, empty for an empty document or on a syntax error.
     */
    static Map<String, Object> parse(
        final String content, final String file, final String location, final ValueSource source, final Errors errors)
    {
        final LoadSettings settings = LoadSettings.builder()
            .setLabel(file)
            .setMaxAliasesForCollections(16)
            .setCodePointLimit(MAX_CODE_POINTS)
            .build();
        final Optional<Node> root;
        try
        {
            root = new Compose(settings).composeString(content);
        }
        catch (final MarkedYamlEngineException ex)
        {
            final Optional<Mark> mark = ex.getProblemMark().isPresent() ? ex.getProblemMark() : ex.getContextMark();
            final int line = mark.map((m) -> m.getLine() + 1).orElse(0);
            final int column = mark.map((m) -> m.getColumn() + 1).orElse(0);
            final String problem = null != ex.getProblem() ? ex.getProblem() : ex.getContext();
            errors.add(new ConfigError(file, null, null,
                "YAML syntax error at line " + line + ", column " + column + ": " + problem, null, 0));
            return new LinkedHashMap<>();
        }
        catch (final YamlEngineException ex)
        {
            errors.add(new ConfigError(file, null, null, "YAML error: " + ex.getMessage(), null, 0));
            return new LinkedHashMap<>();
        }

        if (root.isEmpty() || isNull(root.get()))
        {
            return new LinkedHashMap<>();
        }
        final Object tree = convert(root.get(), "", file, location, source, errors);
        if (!(tree instanceof Map))
        {
            errors.add(file, null, "the document must be a mapping of keys to values", line(root.get()));
            return new LinkedHashMap<>();
        }
        @SuppressWarnings("unchecked") final Map<String, Object> map = (Map<String, Object>)tree;
        return map;
    }

    /**
     * Deep merge: mappings merge key by key, anything else (scalars, lists) in {@code overlay} replaces the base,
     * and so do the mappings at {@code replaced} paths (mappings whose keys the user chooses).
     *
     * @return a new tree; the inputs are not modified.
     */
    static Map<String, Object> merge(
        final Map<String, Object> base, final Map<String, Object> overlay, final Set<String> replaced)
    {
        return merge(base, overlay, "", replaced);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(
        final Map<String, Object> base, final Map<String, Object> overlay, final String prefix,
        final Set<String> replaced)
    {
        final Map<String, Object> result = new LinkedHashMap<>(base);
        for (final Map.Entry<String, Object> entry : overlay.entrySet())
        {
            final String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            final Object existing = result.get(entry.getKey());
            if (existing instanceof Map && entry.getValue() instanceof Map && !replaced.contains(path))
            {
                result.put(entry.getKey(),
                    merge((Map<String, Object>)existing, (Map<String, Object>)entry.getValue(), path, replaced));
            }
            else
            {
                result.put(entry.getKey(), entry.getValue());
            }
        }
        return result;
    }

    /**
     * Replace the value at a dotted path through mappings. Does nothing when the path does not lead through
     * mappings (the file holds a wrong type there, which is reported anyway).
     */
    @SuppressWarnings("unchecked")
    static void set(final Map<String, Object> root, final String path, final Object value)
    {
        final String[] parts = path.split("\\.");
        Map<String, Object> map = root;
        for (int i = 0; i < parts.length - 1; i++)
        {
            final Object next = map.get(parts[i]);
            if (null == next)
            {
                final Map<String, Object> created = new LinkedHashMap<>();
                map.put(parts[i], created);
                map = created;
            }
            else if (next instanceof Map)
            {
                map = (Map<String, Object>)next;
            }
            else
            {
                return;
            }
        }
        map.put(parts[parts.length - 1], value);
    }

    private static Object convert(
        final Node node,
        final String path,
        final String file,
        final String location,
        final ValueSource source,
        final Errors errors)
    {
        final Origin origin = new Origin(source, file, location, line(node), null);
        if (node instanceof ScalarNode)
        {
            return new Leaf(((ScalarNode)node).getValue(), kind((ScalarNode)node), origin);
        }
        if (node instanceof SequenceNode)
        {
            final List<Node> items = ((SequenceNode)node).getValue();
            final List<Object> list = new Sequence(items.size(), origin.line());
            for (int i = 0; i < items.size(); i++)
            {
                list.add(convert(items.get(i), path + "[" + i + "]", file, location, source, errors));
            }
            return list;
        }
        final Map<String, Object> map = new Mapping(origin.line());
        for (final NodeTuple tuple : ((MappingNode)node).getValue())
        {
            final Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode))
            {
                errors.add(file, path, "keys must be plain strings", line(keyNode));
                continue;
            }
            final String key = ((ScalarNode)keyNode).getValue();
            final String childPath = path.isEmpty() ? key : path + "." + key;
            if (map.containsKey(key))
            {
                errors.add(file, childPath, "duplicate key", line(keyNode));
                continue;
            }
            map.put(key, convert(tuple.getValueNode(), childPath, file, location, source, errors));
        }
        return map;
    }

    private static Leaf.Kind kind(final ScalarNode node)
    {
        final Tag tag = node.getTag();
        if (Tag.NULL.equals(tag))
        {
            return Leaf.Kind.NULL;
        }
        if (Tag.INT.equals(tag))
        {
            return Leaf.Kind.INT;
        }
        if (Tag.FLOAT.equals(tag))
        {
            return Leaf.Kind.FLOAT;
        }
        if (Tag.BOOL.equals(tag))
        {
            return Leaf.Kind.BOOL;
        }
        return Leaf.Kind.STRING;
    }

    private static boolean isNull(final Node node)
    {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static int line(final Node node)
    {
        return node.getStartMark().map((m) -> m.getLine() + 1).orElse(0);
    }
}
