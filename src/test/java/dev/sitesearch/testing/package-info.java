/**
 * Test support shared across the stages' tests and the benchmarks: content folders written for a
 * test, the application assembled and indexed as {@code serve} does, the command line in this JVM
 * or in a child one, and plain HTTP calls. Test code only.
 */
package dev.sitesearch.testing;
