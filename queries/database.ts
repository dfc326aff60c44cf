import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape, type Session } from 'neo4j-driver';
import { NotegraphError } from '../common/errors.js';
import type { ConsoleJob } from './console-run.js';
import { ConsoleWorker } from './console-worker.js';
import { translateDriverError } from './driver-errors.js';
import { guardRead, markerClear, readOneGeneration } from './generation.js';
import { Semaphore } from './semaphore.js';

export interface DatabaseOptions {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
  /** Connections of the main driver (API routes, ingest). */
  poolSize?: number;
  /** Connections of the console's own driver: user Cypher never takes the main pool's. */
  consolePoolSize?: number;
  /** Heap of the console worker in MB. */
  consoleHeapMb?: number;
  /** Receives console worker failures, for the server log. */
  log?: (message: string) => void;
}

export type Params = Record<string, unknown>;

/**
 * One Neo4j driver for the process. Reads run in READ transactions and writes in WRITE transactions, so a
 * `neo4j://` cluster routes reads to replicas. Driver errors leave this module as NotegraphError.
 */
export class Database {
  readonly driver: Driver;
  readonly name: string | undefined;
  /**
   * Set when a transaction failed because Neo4j was unreachable. While set, each read/write first probes the
   * server (one connect, milliseconds when it is down) instead of spending the driver's retry window, so the
   * API fails fast with 503 during an outage and recovers as soon as the probe succeeds. Starts set, so a
   * server started before Neo4j answers its first requests quickly too.
   */
  private unreachable = true;
  /** Sessions in use, kept at the pool size so the driver never waits for a connection (its timeout has no code). */
  private readonly sessions: Semaphore;
  private readonly console: ConsoleWorker;
  readonly consolePoolSize: number;

  constructor(options: DatabaseOptions) {
    const auth = options.password ? neo4j.auth.basic(options.user ?? 'neo4j', options.password) : undefined;
    const poolSize = options.poolSize ?? 100;
    this.sessions = new Semaphore(poolSize);
    this.consolePoolSize = options.consolePoolSize ?? 8;
    this.console = new ConsoleWorker({
      uri: options.uri,
      user: options.user,
      password: options.password,
      database: options.database,
      poolSize: this.consolePoolSize,
      heapMb: options.consoleHeapMb ?? 384,
      log: options.log,
    });
    this.driver = neo4j.driver(options.uri, auth, {
      maxConnectionPoolSize: poolSize,
      // Fail fast when the database is down: the API answers 503 instead of hanging.
      connectionAcquisitionTimeout: 5_000,
      connectionTimeout: 3_000,
      maxTransactionRetryTime: 3_000,
      disableLosslessIntegers: false,
    });
    this.name = options.database;
  }

  /** Runs `work` in a READ transaction and returns its plain result. */
  async read<T>(work: (tx: ManagedTransaction) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    // One generation of the graph per read, even when an ingest's swap commits meanwhile (queries/generation.ts).
    return this.withSession(neo4j.session.READ, (session) =>
      readOneGeneration(
        () => session.executeRead(guardRead(work), { timeout: options.timeoutMs }),
        () => session.executeRead(work, { timeout: options.timeoutMs }),
        () => session.executeRead(markerClear),
      ),
    );
  }

  /** Runs `work` in a WRITE transaction (retried by the driver on transient errors). */
  async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.withSession(neo4j.session.WRITE, (session) => session.executeWrite(work));
  }

  /** Starts the console worker now, so the first console query does not wait for it. */
  warmConsole(): void {
    this.console.warm();
  }

  /** Runs a user's Cypher in the console worker (see queries/user-cypher.ts); resolves to the JSON body. */
  async runConsole(job: ConsoleJob, signal: AbortSignal): Promise<Uint8Array> {
    await this.probeIfUnreachable();
    try {
      return await this.console.run(job, signal);
    } catch (error) {
      if (error instanceof NotegraphError && error.code === 'DB_UNAVAILABLE') this.unreachable = true;
      throw error;
    }
  }

  private async withSession<T>(mode: 'READ' | 'WRITE', work: (session: Session) => Promise<T>): Promise<T> {
    await this.probeIfUnreachable();
    await this.sessions.acquire(5_000, () => new NotegraphError('DB_BUSY', 'All database connections are busy; try again in a moment.'));
    const session = this.driver.session({ database: this.name, defaultAccessMode: mode });
    try {
      return await work(session);
    } catch (error) {
      throw this.noteFailure(error);
    } finally {
      await session.close();
      this.sessions.release();
    }
  }

  /** Runs one statement outside an explicit transaction (schema commands, `CALL … IN TRANSACTIONS`). */
  async runAutoCommit<R extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<QueryResult<R>> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.run<R>(cypher, params);
    } catch (error) {
      throw translateDriverError(error);
    } finally {
      await session.close();
    }
  }

  async serverInfo(): Promise<{ version: string; address: string }> {
    try {
      const info = await this.driver.getServerInfo({ database: this.name });
      return { version: (info.agent ?? 'Neo4j/unknown').replace(/^Neo4j\//, ''), address: info.address ?? '' };
    } catch (error) {
      throw this.noteFailure(error);
    }
  }

  /**
   * Marks Neo4j as down until a probe succeeds, e.g. when the supervisor of the bundled Neo4j sees it exit, so
   * the very next request fails in milliseconds instead of spending the driver's retry window.
   */
  markUnreachable(): void {
    this.unreachable = true;
  }

  /** True from a failure that showed Neo4j unreachable until a probe reaches it again. */
  get knownUnreachable(): boolean {
    return this.unreachable;
  }

  private async probeIfUnreachable(): Promise<void> {
    if (!this.unreachable) return;
    try {
      await this.driver.verifyConnectivity({ database: this.name });
      this.unreachable = false;
    } catch (error) {
      throw translateDriverError(error);
    }
  }

  private noteFailure(error: unknown): NotegraphError {
    const translated = translateDriverError(error);
    if (translated.code === 'DB_UNAVAILABLE') this.unreachable = true;
    return translated;
  }

  async close(): Promise<void> {
    await this.console.close();
    await this.driver.close();
  }
}
