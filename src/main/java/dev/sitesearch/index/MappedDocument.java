package dev.sitesearch.index;

import dev.sitesearch.content.ContentProblem;
import java.util.List;
import org.apache.lucene.document.Document;

/** A page turned into a Lucene document, with the fields that had to be left out. */
public record MappedDocument(Document document, List<ContentProblem> warnings) {
  public MappedDocument {
    warnings = List.copyOf(warnings);
  }
}
