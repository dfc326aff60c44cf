import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import inet.ipaddr.IPAddressString;

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
 * Usage: java <flags> -cp 'lib/*' Launcher.java [--data DIR] [--port PORT] [--pagecache MB] [--tx-timeout-s S]
 *        [--tx-memory-mb MB] [--ignore-stdin]
 *
 * Prints exactly one line "ready bolt://127.0.0.1:PORT" on stdout once Bolt accepts connections. Shuts down
 * cleanly on SIGTERM/SIGINT (JVM shutdown hook) and when stdin reaches end-of-file, which is how a parent that
 * died without signalling us is noticed: the pipe it held closes.
 */
public class Launcher {
    private static final String HOST = "127.0.0.1";

    /**
     * The only procedures this Neo4j loads: what notegraph itself calls (schema, health, search, catalog) and
     * the read-only ones its Cypher console allows (queries/cypher-guard.ts). db.stats.*, dbms.listConfig,
     * dbms.setConfigValue and the rest do not exist here, whatever reaches the database.
     */
    private static final List<String> PROCEDURES = List.of(
            "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.*", "db.index.fulltext.*",
            "db.awaitIndexes", "db.awaitIndex", "db.info", "db.ping", "dbms.components");

    /** LOAD CSV and URL-loading procedures may reach no address at all (file URLs are off separately). */
    private static final List<IPAddressString> BLOCK_ALL_ADDRESSES =
            List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0"));

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
                .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist, BLOCK_ALL_ADDRESSES)
                .setConfig(GraphDatabaseSettings.procedure_allowlist, PROCEDURES)
                // Backstops behind the API's own limits; they apply to ingest's write transactions too.
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(options.txTimeoutSeconds))
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(options.txMemoryMb))
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

    /**
     * Defaults: a transaction may run 120 s (the console's own timeout is 5 s; ingest's longest write is far
     * below) and hold 256 MiB of tracked memory (ingest's largest batch of the 100x synthetic corpus was
     * measured at a few MiB, see docs/hardening.md).
     */
    private record Options(String dataDir, int port, long pageCacheMb, long txTimeoutSeconds, long txMemoryMb, boolean ignoreStdin) {
        static Options parse(String[] args) {
            String dataDir = ".data/neo4j";
            int port = 7687;
            long pageCacheMb = 256;
            long txTimeoutSeconds = 120;
            long txMemoryMb = 256;
            boolean ignoreStdin = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data" -> dataDir = args[++i];
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--pagecache" -> pageCacheMb = Long.parseLong(args[++i]);
                    case "--tx-timeout-s" -> txTimeoutSeconds = Long.parseLong(args[++i]);
                    case "--tx-memory-mb" -> txMemoryMb = Long.parseLong(args[++i]);
                    case "--ignore-stdin" -> ignoreStdin = true;
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            return new Options(dataDir, port, pageCacheMb, txTimeoutSeconds, txMemoryMb, ignoreStdin);
        }
    }
}
