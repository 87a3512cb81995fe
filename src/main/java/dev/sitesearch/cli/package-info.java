/** Stage 4b: the {@code sitesearch} command line (picocli): index, check, search and serve. */
package dev.sitesearch.cli;
