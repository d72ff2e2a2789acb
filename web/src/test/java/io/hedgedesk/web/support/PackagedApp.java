package io.hedgedesk.web.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (target/quarkus-app, production profile) started as a process of its own, beside the one
 * that {@code @QuarkusIntegrationTest} shares: with this process's environment (database name, ports) minus the
 * dev-secrets opt-in, plus the given variables. Its output goes to a temporary file, deleted by {@link #close()}.
 * {@link #start} runs {@code java -jar} with this JVM; {@link #launch} runs {@code scripts/run-app.sh}, the launcher
 * of start.sh and the container image.
 */
public final class PackagedApp implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path LAUNCHER = Path.of("..", "scripts", "run-app.sh");
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final Duration START = Duration.ofSeconds(180);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Process process;
    private final Path log;
    private final int httpPort;
    private final int managementPort;

    private PackagedApp(Process process, Path log, int httpPort, int managementPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    /** Starts the application; HTTP_PORT and MANAGEMENT_PORT are free ports unless {@code env} names them. */
    public static PackagedApp start(Map<String, String> env) throws IOException {
        return start(List.of(JAVA, "-jar", JAR.toString()), env);
    }

    /** Starts the application with {@code scripts/run-app.sh [jvmOptions]}, otherwise as {@link #start(Map)}. */
    public static PackagedApp launch(Map<String, String> env, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(jvmOptions));
        Map<String, String> withAppDir = new HashMap<>(env);
        withAppDir.put("HEDGEDESK_APP_DIR", JAR.toAbsolutePath().getParent().toString());
        return start(command, withAppDir);
    }

    private static PackagedApp start(List<String> command, Map<String, String> env) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("packaged application missing (mvn package): " + JAR.toAbsolutePath());
        }
        Path log = Files.createTempFile("hedgedesk-app", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("HEDGEDESK_ALLOW_DEV_SECRETS");
        environment.put("HTTP_PORT", String.valueOf(freePort()));
        environment.put("MANAGEMENT_PORT", String.valueOf(freePort()));
        environment.putAll(env);
        try {
            return new PackagedApp(
                    builder.start(),
                    log,
                    Integer.parseInt(environment.get("HTTP_PORT")),
                    Integer.parseInt(environment.get("MANAGEMENT_PORT")));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(log);
            throw e;
        }
    }

    /** Waits until the HTTP server listens (its log says so); fails with the log if the process ends first. */
    public PackagedApp awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            String output = output();
            if (output.contains("Listening on:")) {
                return this;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the application ended while starting:\n" + output);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the application did not start in " + START.toSeconds() + " s:\n" + output());
    }

    /** The status of {@code /q/health/ready} on the management port, or -1 when nothing answers. */
    public int readiness() throws InterruptedException {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(30))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Everything the application printed so far. */
    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    public Process process() {
        return process;
    }

    public int httpPort() {
        return httpPort;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + httpPort + path);
    }

    /** Stops the application (SIGTERM) and waits for its end; false if it is still running after {@code wait}. */
    public boolean stop(Duration wait) throws InterruptedException {
        process.destroy();
        return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the application (SIGTERM, then SIGKILL after 30 s) and deletes its log. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (!stop(Duration.ofSeconds(30))) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
