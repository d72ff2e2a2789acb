package io.hedgedesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged application (target/quarkus-app, production profile) as its own process, next to the one the
 * other ITs share: it must refuse the public development secrets unless explicitly allowed, and when its OpenID
 * provider is down, the 5xx it answers carries the security headers (HSTS too, behind TLS) and no stack trace.
 */
class ProductionStartupIT {

  private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  @Test
  void refusesToStartWithTheDevelopmentSecrets() throws Exception {
    Path log = Files.createTempFile("hedgedesk-refusal", ".log");
    Process app = start(Map.of(), log);
    try {
      assertThat(app.waitFor(180, TimeUnit.SECONDS)).as("the application exits by itself").isTrue();
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(app.exitValue()).as(output).isNotZero();
      assertThat(output).contains("Refusing to start: HEDGEDESK_SESSION_SECRET, "
          + "HEDGEDESK_OIDC_CLIENT_SECRET have their public development default")
          .contains("HEDGEDESK_ALLOW_DEV_SECRETS=true")
          .doesNotContain("Listening on:");
    } finally {
      stop(app);
      Files.deleteIfExists(log);
    }
  }

  @Test
  void providerOutageGives5xxWithHeadersAndNoStackTrace() throws Exception {
    Path log = Files.createTempFile("hedgedesk-outage", ".log");
    int port = freePort();
    // Port 9 (discard) on loopback: nothing listens, connections are refused at once. Configured as behind TLS
    // (HEDGEDESK_COOKIE_SECURE) to see HSTS, which the shared plain-HTTP instance must not send.
    Process app = start(Map.of("HEDGEDESK_ALLOW_DEV_SECRETS", "true", "HEDGEDESK_COOKIE_SECURE", "true",
        "HTTP_PORT", String.valueOf(port),
        "MANAGEMENT_PORT", String.valueOf(freePort()),
        "OIDC_AUTH_SERVER_URL", "http://127.0.0.1:9/realms/hedgedesk", "QUARKUS_OIDC_CONNECTION_DELAY", "0S"), log);
    try {
      awaitListening(app, log);
      URI dashboard = URI.create("http://localhost:" + port + "/dashboard");
      for (String accept : List.of(ResponseHeadersContract.HTML, "text/plain")) {
        HttpResponse<String> response = HeaderChecks.get(dashboard, accept);
        assertThat(response.statusCode()).as(response.body()).isBetween(500, 599);
        HeaderChecks.assertSecured(response, true, true);
        assertThat(response.body()).containsIgnoringCase("error id")
            .doesNotContain("Exception", "\tat ", "io.quarkus", "io.vertx", "io.hedgedesk", "127.0.0.1:9");
      }
      assertThat(Files.readString(log, StandardCharsets.UTF_8))
          .contains("HEDGEDESK_ALLOW_DEV_SECRETS=true: running with the public development default of");
    } finally {
      stop(app);
      Files.deleteIfExists(log);
    }
  }

  /** The packaged app with this process's environment (database, ports) minus the opt-in, plus {@code env}. */
  private static Process start(Map<String, String> env, Path log) throws IOException {
    assertThat(JAR).as("packaged application (mvn package)").exists();
    ProcessBuilder builder = new ProcessBuilder(JAVA, "-jar", JAR.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("HEDGEDESK_ALLOW_DEV_SECRETS");
    builder.environment().putIfAbsent("HTTP_PORT", String.valueOf(freePort()));
    builder.environment().put("MANAGEMENT_PORT", String.valueOf(freePort()));
    builder.environment().putAll(env);
    return builder.start();
  }

  private static void awaitListening(Process app, Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
    while (Instant.now().isBefore(deadline)) {
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (output.contains("Listening on:")) {
        return;
      }
      assertThat(app.isAlive()).as("the application is starting:\n" + output).isTrue();
      Thread.sleep(250);
    }
    throw new AssertionError("the application did not start in 180 s:\n" + Files.readString(log));
  }

  private static void stop(Process app) throws InterruptedException {
    app.destroy();
    if (!app.waitFor(30, TimeUnit.SECONDS)) {
      app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
