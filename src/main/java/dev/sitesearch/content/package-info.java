/**
 * Stage 1: walk the content folder, read the Hugo site around it (its configuration, where each
 * file sits, its sections' cascades), read each file, split and parse its front matter, render its
 * Markdown body to plain text, and apply Hugo's publishing and URL rules. Produces {@link
 * dev.sitesearch.content.ContentPage} values, a skip reason per file Hugo would not publish, or a
 * {@link dev.sitesearch.content.ContentProblem} per bad file; knows nothing of Lucene.
 */
package dev.sitesearch.content;
