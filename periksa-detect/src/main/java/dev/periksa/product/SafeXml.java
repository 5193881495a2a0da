package dev.periksa.product;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Parses replies of object stores with the JDK's DOM parser, hardened against hostile targets: no
 * DOCTYPE at all (so no external or recursive entities), no external DTDs or schemas, no XInclude,
 * at most {@link #MAX_DEPTH} levels of elements and {@link Json#MAX_BYTES} of input. A reply that
 * tries any of that is simply not XML here, and whoever asked stays INCONCLUSIVE.
 */
public final class SafeXml {
  /** Deepest element nesting read; object-store documents are a handful of levels deep. */
  public static final int MAX_DEPTH = 100;

  private static final DocumentBuilderFactory FACTORY = factory();

  private SafeXml() {}

  private static DocumentBuilderFactory factory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    try {
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
    } catch (ParserConfigurationException | IllegalArgumentException e) {
      throw new IllegalStateException("this JDK's XML parser cannot be hardened", e);
    }
    return f;
  }

  /** The document, or empty when the bytes are not well-formed, DOCTYPE-free XML. */
  public static Optional<Document> parse(byte[] body) {
    if (body == null || body.length == 0 || body.length > Json.MAX_BYTES) {
      return Optional.empty();
    }
    try {
      DocumentBuilder b = FACTORY.newDocumentBuilder();
      // The default handler prints "[Fatal Error]" to stderr; a target's bad XML is not our error.
      b.setErrorHandler(
          new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) throws SAXParseException {
              throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
              throw e;
            }
          });
      return Optional.of(b.parse(new ByteArrayInputStream(body)));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** The local name of the root element, or empty when the body is not XML. */
  /** The root element of a document when it has this local name, else empty. */
  public static Optional<Element> root(Optional<Document> doc, String local) {
    return doc.map(Document::getDocumentElement).filter(e -> name(e).equals(local));
  }

  public static Optional<String> rootName(byte[] body) {
    return parse(body).map(d -> name(d.getDocumentElement()));
  }

  /** An element's local name (its tag name when it has no namespace). */
  public static String name(Element e) {
    return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
  }

  /** Direct child elements with this local name. */
  public static List<Element> children(Element parent, String local) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name(e).equals(local)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The first direct child element with this local name. */
  public static Optional<Element> child(Element parent, String local) {
    List<Element> c = children(parent, local);
    return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
  }

  /** The trimmed text of the first child with this name, if there is one. */
  public static Optional<String> text(Element parent, String local) {
    return child(parent, local).map(e -> e.getTextContent().strip());
  }
}
