package dev.sitesearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping the server lets the requests it is handling finish, and takes no new connection. */
class GracefulStopTest {
  @Test
  void a_request_in_flight_when_the_server_stops_is_answered_and_new_ones_are_not_taken()
      throws Exception {
    var entered = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    Javalin app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.jetty.modifyServer(GracefulStop::install);
                  config.routes.get(
                      "/slow",
                      ctx -> {
                        entered.countDown();
                        release.await(30, TimeUnit.SECONDS);
                        ctx.result("finished");
                      });
                })
            .start("127.0.0.1", 0);
    int port = app.port();
    var client = HttpClient.newHttpClient();
    CompletableFuture<HttpResponse<String>> inFlight =
        client.sendAsync(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(entered.await(10, TimeUnit.SECONDS));

    var stopping = CompletableFuture.runAsync(app::stop);
    Thread.sleep(300);
    assertFalse(stopping.isDone(), "stop waits for the request being handled");
    assertThrows(
        ConnectException.class,
        () ->
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString()),
        "the port is closed as soon as the stop begins");

    release.countDown();
    HttpResponse<String> answer = inFlight.get(10, TimeUnit.SECONDS);
    assertEquals(200, answer.statusCode());
    assertEquals("finished", answer.body());
    stopping.get(10, TimeUnit.SECONDS);
  }
}
