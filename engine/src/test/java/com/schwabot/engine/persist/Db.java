package com.schwabot.engine.persist;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SQLite files the way a user would (a separate read connection), for assertions.
 */
final class Db
{
    private Db()
    {
    }

    /**
     * Run a query and render each row as its columns joined by {@code |} (NULL as {@code null}).
     *
     * @param file the database.
     * @param sql  the query.
     * @return one line per row.
     */
    static List<String> lines(final Path file, final String sql)
    {
        final List<String> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            Statement statement = connection.createStatement();
            ResultSet rs = statement.executeQuery(sql))
        {
            final int columns = rs.getMetaData().getColumnCount();
            while (rs.next())
            {
                final StringBuilder sb = new StringBuilder();
                for (int c = 1; c <= columns; c++)
                {
                    if (c > 1)
                    {
                        sb.append('|');
                    }
                    final Object value = rs.getObject(c);
                    sb.append(null == value ? "null" : value.toString());
                }
                lines.add(sb.toString());
            }
        }
        catch (final SQLException ex)
        {
            throw new IllegalStateException(file + ": " + sql + ": " + ex.getMessage(), ex);
        }
        return lines;
    }

    static long number(final Path file, final String sql)
    {
        return Long.parseLong(lines(file, sql).get(0));
    }

    /**
     * Every table of a database, rendered in key order, without the columns that hold wall-clock times (they differ
     * between two builds of the same journal).
     *
     * @param file the database.
     * @return the tables, one block of lines per table.
     */
    static List<String> dump(final Path file)
    {
        final List<String> dump = new ArrayList<>();
        for (final String table : lines(file, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT " +
            "LIKE 'sqlite_%' ORDER BY name"))
        {
            dump.add("-- " + table);
            final String columns = String.join(", ", lines(file, "SELECT name FROM pragma_table_info('" + table +
                "') WHERE name NOT IN ('updated_ns', 'taken_ns') ORDER BY cid"));
            dump.addAll(lines(file, "SELECT " + columns + " FROM " + table + " ORDER BY 1"));
        }
        return dump;
    }
}
