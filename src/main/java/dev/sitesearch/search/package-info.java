/**
 * Stage 3: answers searches over the index: the forgiving user query syntax, filters with
 * disjunctive facet counts (DrillSideways), sorting and paging, highlighted snippets and title
 * suggestions. Follows new commits without restart. Knows nothing of HTTP or the command line; both
 * print its records.
 */
package dev.sitesearch.search;
