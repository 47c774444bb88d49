package com.schwabot.config;

/**
 * A scalar value as written, before it is typed: its text, the type YAML resolved it to, and its origin.
 * Values from the environment are {@link Kind#UNTYPED}: they are parsed as whatever the key expects.
 */
record Leaf(String text, Kind kind, Origin origin)
{
    enum Kind
    {
        STRING, INT, FLOAT, BOOL, NULL, UNTYPED
    }
}
