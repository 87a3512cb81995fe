/**
 * Stage 1: walk the content folder, read each file, split and parse its front matter, render its
 * Markdown body to plain text, and apply Hugo's publishing rules. Produces {@link
 * dev.sitesearch.content.ContentPage} values or a {@link dev.sitesearch.content.ContentProblem} per
 * bad file; knows nothing of Lucene.
 */
package dev.sitesearch.content;
