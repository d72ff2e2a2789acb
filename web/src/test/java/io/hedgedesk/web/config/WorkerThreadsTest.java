package io.hedgedesk.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The worker pool has one thread per CPU (at least two), and a burst of requests never makes it grow further. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class WorkerThreadsTest {

    /** Quarkus names the threads of its worker pool so. */
    private static final String WORKER_PREFIX = "executor-thread-";

    @TestHTTPResource("/")
    URL root;

    @Test
    void oneThreadPerCpuAndAtLeastTwo() {
        assertThat(WorkerThreads.forCpus(1)).isEqualTo(2);
        assertThat(WorkerThreads.forCpus(2)).isEqualTo(2);
        assertThat(WorkerThreads.forCpus(16)).isEqualTo(16);
    }

    @Test
    void theEnvironmentAndApplicationPropertiesStillWin() {
        // SmallRye Config's ordinals: application.properties in the jar 250, environment 300, system properties 400.
        assertThat(new WorkerThreads().getOrdinal()).isLessThan(250);
        assertThat(new WorkerThreads().getValue("quarkus.thread-pool.max-threads"))
                .isEqualTo(Integer.toString(
                        WorkerThreads.forCpus(Runtime.getRuntime().availableProcessors())));
        assertThat(new WorkerThreads().getValue("quarkus.http.port")).isNull();
    }

    @Test
    void theRunningPoolNeverHasMoreThreads() throws Exception {
        int configured = ConfigProvider.getConfig().getValue("quarkus.thread-pool.max-threads", Integer.class);
        assertThat(configured)
                .isEqualTo(WorkerThreads.forCpus(Runtime.getRuntime().availableProcessors()));

        // 64 requests at once on the landing page: Quarkus's own default (200 threads) would start a thread for most.
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest landing =
                HttpRequest.newBuilder(URI.create(root.toString())).GET().build();
        List<CompletableFuture<HttpResponse<Void>>> burst = IntStream.range(0, 64)
                .mapToObj(i -> client.sendAsync(landing, HttpResponse.BodyHandlers.discarding()))
                .toList();
        for (CompletableFuture<HttpResponse<Void>> response : burst) {
            assertThat(response.get().statusCode()).isEqualTo(200);
        }
        long workers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(WORKER_PREFIX))
                .count();
        assertThat(workers).isBetween(1L, (long) configured);
    }
}
