package io.hedgedesk.web.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hedgedesk.web.support.PackagedApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/run-app.sh, the launcher of start.sh, bench/ and the container image, on a JDK 25+: the first run of a
 * build records the JVM's ahead-of-time cache and writes it when the application stops; the next run maps it; a
 * changed build (another stamp) records anew. The second run has {@code -XX:AOTMode=on}, with which a JVM that
 * cannot map the cache refuses to start: that it starts and serves proves the cache fits this build and JVM.
 */
class StartupCacheIT {

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
    private static final Duration WRITE_CACHE = Duration.ofMinutes(4);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    @Test
    void recordsTheCacheOnceThenStartsFromIt() throws Exception {
        Optional<Path> jdk = jdk25();
        assumeTrue(jdk.isPresent(), "no JDK 25+ on this machine: the launcher runs the application without a cache");
        Path cache = dir.resolve("app.aot");
        Path stamp = dir.resolve("app.aot.stamp");
        Map<String, String> env = Map.of(
                "HEDGEDESK_ALLOW_DEV_SECRETS",
                "true",
                "HEDGEDESK_JAVA_HOME",
                jdk.get().toString(),
                "HEDGEDESK_AOT_CACHE_FILE",
                cache.toString());

        try (PackagedApp training = PackagedApp.launch(env)) {
            training.awaitListening();
            assertThat(training.output()).contains("recording the start-up cache for this build into " + cache);
            assertThat(get(training.uri("/")).body()).contains("hedgedesk");
            assertThat(training.stop(WRITE_CACHE))
                    .as("the recording JVM ends once the cache is written")
                    .isTrue();
            assertThat(training.output())
                    .contains("AOTCache creation is complete: " + cache)
                    .doesNotContain("[warning][aot]");
        }
        assertThat(cache).isRegularFile();
        assertThat(Files.size(cache))
                .as("classes of the JDK, Quarkus and hedgedesk")
                .isGreaterThan(20_000_000);
        assertThat(Files.readString(stamp)).contains("quarkus-run.jar").contains("JAVA_VERSION=");

        try (PackagedApp cached = PackagedApp.launch(env, "-XX:AOTMode=on")) {
            cached.awaitListening();
            assertThat(cached.output())
                    .contains("with the start-up cache " + cache)
                    .doesNotContain("recording the start-up cache");
            assertThat(get(cached.uri("/")).statusCode()).isEqualTo(200);
            assertThat(cached.readiness()).isEqualTo(200);
        }

        Files.writeString(stamp, "another build\n");
        try (PackagedApp another = PackagedApp.launch(env)) {
            awaitOutput(another, "recording the start-up cache for this build");
            assertThat(cache)
                    .as("the other build's cache is gone before the new one is recorded")
                    .doesNotExist();
            another.process().destroyForcibly().waitFor();
        }
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitOutput(PackagedApp app, String text) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!app.output().contains(text)) {
            assertThat(Instant.now()).as(app.output()).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /** A JDK 25 or newer, as the launcher looks for one: JAVA_HOME, then the JDKs under /usr/lib/jvm. */
    private static Optional<Path> jdk25() throws IOException {
        Stream<Path> candidates = Stream.ofNullable(System.getenv("JAVA_HOME")).map(Path::of);
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> installed = Files.list(jvms)) {
                candidates = Stream.concat(candidates, installed.sorted().toList().stream());
            }
        }
        return candidates
                .filter(home -> major(home) >= 25 && Files.isExecutable(home.resolve("bin/java")))
                .findFirst();
    }

    private static int major(Path home) {
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
