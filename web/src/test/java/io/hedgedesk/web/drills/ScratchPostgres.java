package io.hedgedesk.web.drills;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of its own for the failure drills, so they can restart and crash it without touching the
 * shared server: initdb into a temporary directory (trust authentication, loopback only, its socket in that
 * directory), a role and database {@code hedgedesk}, on the first free port from 55432. As root (CI, this machine)
 * the server runs as the {@code postgres} user, as {@code scripts/ensure-postgres.sh} does; otherwise as the
 * current user. {@link #close()} stops it and deletes the directory.
 */
final class ScratchPostgres implements AutoCloseable {

    static final String DATABASE = "hedgedesk";
    static final String USER = "hedgedesk";

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean root;

    private ScratchPostgres(Path bin, Path dir, int port, boolean root) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.root = root;
    }

    /** Creates and starts the cluster, with the application's role and database. */
    static ScratchPostgres start() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("hedgedesk-drill-pg");
        ScratchPostgres pg = new ScratchPostgres(binaries(), dir, freePort(), root);
        try {
            if (root) {
                run(List.of("chown", "postgres:", dir.toString()));
            }
            pg.asServerUser(
                    pg.bin.resolve("initdb").toString(),
                    "-D",
                    pg.data.toString(),
                    "--auth=trust",
                    "--username=postgres",
                    "--encoding=UTF8",
                    "--locale=C",
                    "--no-sync");
            pg.startServer();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("create role " + USER + " login password '" + USER + "'");
                s.execute("create database " + DATABASE + " owner " + USER);
            }
            return pg;
        } catch (Exception | Error e) {
            pg.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A connection to the application's database as its superuser (for consistency checks). */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(DATABASE), "postgres", "");
    }

    /** {@code pg_ctl restart -m fast}: sessions are ended, the server stops cleanly and starts again. */
    void restartFast() throws Exception {
        pgCtl("-l", log(), "-m", "fast", "restart");
    }

    /** {@code pg_ctl stop -m immediate}: a crash (no shutdown checkpoint; the next start runs crash recovery). */
    void crash() throws Exception {
        pgCtl("-m", "immediate", "stop");
    }

    void startServer() throws Exception {
        pgCtl("-l", log(), "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off", "start");
    }

    /** The server's log; pg_ctl must never hand the server its own output pipe (reading it would never end). */
    private String log() {
        return dir.resolve("server.log").toString();
    }

    private void pgCtl(String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "120"));
        command.addAll(List.of(args));
        asServerUser(command.toArray(String[]::new));
    }

    /** Stops the server (immediately: its data is thrown away) and deletes the directory. Never throws. */
    @Override
    public void close() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                pgCtl("-m", "immediate", "stop");
            }
        } catch (Exception | AssertionError e) {
            System.err.println("stopping the drill cluster: " + e.getMessage());
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("deleting " + dir + ": " + e.getMessage());
        }
    }

    private void asServerUser(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full);
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** The directory of initdb and pg_ctl: /usr/local/bin, else the newest /usr/lib/postgresql/N/bin. */
    private static Path binaries() throws IOException {
        if (Files.isExecutable(Path.of("/usr/local/bin/pg_ctl"))
                && Files.isExecutable(Path.of("/usr/local/bin/initdb"))) {
            return Path.of("/usr/local/bin");
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> dirs = Files.list(versions)) {
                return dirs.map(d -> d.resolve("bin"))
                        .filter(d -> Files.isExecutable(d.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(
                                d -> version(d.getParent().getFileName().toString())))
                        .orElseThrow(() -> new IllegalStateException("no pg_ctl under " + versions));
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) not found");
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The first port from 55432 that nothing listens on. */
    private static int freePort() throws IOException {
        for (int port = 55432; port < 55632; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("no free port in 55432-55631");
    }
}
