/**
 * Stage 2: the schema maps each {@link dev.sitesearch.content.ContentPage} to a Lucene document,
 * and the {@link dev.sitesearch.index.Indexer} commits full or incremental runs atomically into the
 * index folder. Each run is one {@code IndexRun}: plan, read and write on every core, reconcile
 * duplicate ids, commit or roll back.
 */
package dev.sitesearch.index;
