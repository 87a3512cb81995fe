package dev.sitesearch.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every error answer.
 *
 * @param type a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong with this request, for a person
 * @param instance the request path
 * @param parameter the request parameter at fault, for 400s
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, String instance, String parameter) {
  public static final String CONTENT_TYPE = "application/problem+json";
}
