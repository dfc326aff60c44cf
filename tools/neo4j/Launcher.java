import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded with Bolt on 127.0.0.1 only, for notegraph's tests, benchmarks and `npm start`.
 *
 * Usage: java <flags> -cp 'lib/*' Launcher.java [--data DIR] [--port PORT] [--pagecache MB] [--ignore-stdin]
 *
 * Prints exactly one line "ready bolt://127.0.0.1:PORT" on stdout once Bolt accepts connections. Shuts down
 * cleanly on SIGTERM/SIGINT (JVM shutdown hook) and when stdin reaches end-of-file, which is how a parent that
 * died without signalling us is noticed: the pipe it held closes.
 */
public class Launcher {
    private static final String HOST = "127.0.0.1";

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        DatabaseManagementService service = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shutdown(service);
            stopped.countDown();
        }, "notegraph-neo4j-shutdown"));

        waitForBolt(options.port, Duration.ofSeconds(60));
        System.out.println("ready bolt://" + HOST + ":" + options.port);
        System.out.flush();

        if (!options.ignoreStdin) {
            Thread watcher = new Thread(() -> {
                drain(System.in);
                // System.exit runs the shutdown hook, so the store is closed cleanly either way.
                System.exit(0);
            }, "notegraph-parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
    }

    private static DatabaseManagementService start(Options options) {
        SocketAddress bolt = new SocketAddress(HOST, options.port);
        return new DatabaseManagementServiceBuilder(Path.of(options.dataDir).toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                // Without the advertised address the routing table points clients at localhost:7687.
                .setConfig(BoltConnector.advertised_address, bolt)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(options.pageCacheMb))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt waits 5 s twice on shutdown by default; a local single-user server has nobody to wait for.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(200))
                .build();
    }

    private static void shutdown(DatabaseManagementService service) {
        try {
            service.shutdown();
        } catch (RuntimeException e) {
            System.err.println("neo4j shutdown failed: " + e);
        }
    }

    private static void waitForBolt(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("Bolt did not open on " + HOST + ":" + port + " within " + timeout);
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored; only the end of the stream matters.
            }
        } catch (IOException closed) {
            // A broken pipe means the parent is gone, same as end-of-file.
        }
    }

    private record Options(String dataDir, int port, long pageCacheMb, boolean ignoreStdin) {
        static Options parse(String[] args) {
            String dataDir = ".data/neo4j";
            int port = 7687;
            long pageCacheMb = 256;
            boolean ignoreStdin = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data" -> dataDir = args[++i];
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--pagecache" -> pageCacheMb = Long.parseLong(args[++i]);
                    case "--ignore-stdin" -> ignoreStdin = true;
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            return new Options(dataDir, port, pageCacheMb, ignoreStdin);
        }
    }
}
