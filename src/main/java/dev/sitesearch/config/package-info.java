/** Stage 0: {@code sitesearch.yml}, its defaults and its validation. */
package dev.sitesearch.config;
