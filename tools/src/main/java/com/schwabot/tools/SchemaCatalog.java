package com.schwabot.tools;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Message names by (schema id, template id), read from the SBE schema files the codecs module ships on the
 * classpath ({@code /sbe/*.xml}), so {@code journal stats} names templates exactly as the schemas do. Immutable.
 */
final class SchemaCatalog
{
    /** The schema files shipped by the codecs module. */
    static final String[] SCHEMA_RESOURCES = { "/sbe/schwabot_1.xml", "/sbe/binance_stream_0.xml" };

    private static final String SBE_NAMESPACE = "http://fixprotocol.io/2016/sbe";

    private final Map<Integer, String> names;

    private SchemaCatalog(final Map<Integer, String> names)
    {
        this.names = Collections.unmodifiableMap(names);
    }

    /**
     * Read the schemas shipped with the codecs.
     *
     * @return the catalog.
     * @throws IllegalStateException when a schema is missing or unreadable (a broken build).
     */
    static SchemaCatalog load()
    {
        final Map<Integer, String> names = new HashMap<>();
        for (final String resource : SCHEMA_RESOURCES)
        {
            read(resource, names);
        }
        return new SchemaCatalog(names);
    }

    /**
     * @param schemaId   SBE schema id.
     * @param templateId SBE template id.
     * @return the message name, or null when the schemas do not define it.
     */
    String messageName(final int schemaId, final int templateId)
    {
        return names.get(key(schemaId, templateId));
    }

    private static int key(final int schemaId, final int templateId)
    {
        return (schemaId << 16) | (templateId & 0xFFFF);
    }

    private static void read(final String resource, final Map<Integer, String> names)
    {
        try (InputStream in = SchemaCatalog.class.getResourceAsStream(resource))
        {
            if (null == in)
            {
                throw new IllegalStateException("SBE schema " + resource + " is not on the classpath");
            }
            final Element root = parse(in).getDocumentElement();
            final int schemaId = Integer.parseInt(root.getAttribute("id"));
            final NodeList messages = root.getElementsByTagNameNS(SBE_NAMESPACE, "message");
            for (int i = 0; i < messages.getLength(); i++)
            {
                final Element message = (Element)messages.item(i);
                names.put(key(schemaId, Integer.parseInt(message.getAttribute("id"))), message.getAttribute("name"));
            }
        }
        catch (final IOException | ParserConfigurationException | SAXException | NumberFormatException ex)
        {
            throw new IllegalStateException("cannot read SBE schema " + resource + ": " + ex.getMessage(), ex);
        }
    }

    private static Document parse(final InputStream in)
        throws ParserConfigurationException, SAXException, IOException
    {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        final DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(in);
    }
}
