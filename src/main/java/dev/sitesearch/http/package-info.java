/**
 * Stage 4a: the JSON API over HTTP (Javalin). Reads and checks parameters, calls the search core, and maps every
 * error to an RFC 9457 {@code application/problem+json} answer: user mistakes to 4xx naming the parameter, bugs to a
 * generic 500 with no stack trace or path.
 */
package dev.sitesearch.http;
