/**
 * Stage 4a: HTTP (Javalin). The JSON API reads and checks parameters, calls the search core, and
 * maps every error to an RFC 9457 {@code application/problem+json} answer: user mistakes to 4xx
 * naming the parameter, bugs to a generic 500 with no stack trace or path. The same server serves
 * the bundled search page and {@code widget.js} from fixed routes ({@link
 * dev.sitesearch.http.UiRoutes}). Before any route, {@link dev.sitesearch.http.RequestLimits} sets
 * the security headers and CORS answers and refuses what is too much (rate, body, requests in
 * flight, concurrency), and sends each answer only after the request's slots are free; {@link
 * dev.sitesearch.http.ConnectionGuard} caps connections and cuts off requests that trickle in;
 * Jetty itself refuses oversized request lines and headers, answered as problems by {@link
 * dev.sitesearch.http.ProblemErrorHandler}.
 */
package dev.sitesearch.http;
