package com.schwabot.tools;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the project version (written into version.properties at build time) and the Java runtime.
 */
final class VersionProvider implements IVersionProvider
{
    static final String RESOURCE = "/com/schwabot/tools/version.properties";

    public String[] getVersion() throws IOException
    {
        final Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE))
        {
            if (null != in)
            {
                properties.load(in);
            }
        }
        return new String[] {
            "schwabot " + properties.getProperty("version", "unknown"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
