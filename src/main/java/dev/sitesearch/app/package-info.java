/**
 * Assembly: the one place that builds the application from a config, reader → indexer → live index
 * → planner → HTTP server. Every command ({@code serve}, {@code index}, {@code check}, {@code
 * search}), the admin reindex and the tests get their parts from {@link
 * dev.sitesearch.app.Assembly}, so "wired as serve wires it" holds by construction.
 */
package dev.sitesearch.app;
