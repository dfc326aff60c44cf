/**
 * Measures the largest transaction ingest writes, to size db.memory.transaction.max (tools/neo4j/Launcher.java):
 * ingests the synthetic corpus (`--copies N`, default 100) into the Neo4j at NEO4J_URI while sampling
 * SHOW TRANSACTIONS every 25 ms for the memory each write transaction holds. Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../common/config.js';
import { runIngest } from '../ingest/run-ingest.js';
import { Database } from '../queries/database.js';
import { applySchema } from '../queries/schema.js';
import { writeSyntheticCorpus } from './synthetic-corpus.js';

const args = process.argv.slice(2);
const copies = Number(args[args.indexOf('--copies') + 1] ?? 100) || 100;
const config = loadConfig();
if (!config.NEO4J_URI) throw new Error('set NEO4J_URI to a Neo4j you may reset (this bench deletes its graph)');
const auth = config.NEO4J_PASSWORD ? neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD) : undefined;
const sampler = neo4j.driver(config.NEO4J_URI, auth);
const db = new Database({ uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD });

let peak = { bytes: 0, query: '' };
let samples = 0;
let sampling = true;
async function sample(): Promise<void> {
  while (sampling) {
    const session = sampler.session();
    try {
      const result = await session.run(
        'SHOW TRANSACTIONS YIELD currentQuery, estimatedUsedHeapMemory WHERE NOT currentQuery STARTS WITH "SHOW" RETURN currentQuery, estimatedUsedHeapMemory',
      );
      samples += 1;
      for (const record of result.records) {
        const bytes = Number(record.get('estimatedUsedHeapMemory') ?? 0);
        if (bytes > peak.bytes) peak = { bytes, query: String(record.get('currentQuery')).replace(/\s+/g, ' ').slice(0, 80) };
      }
    } finally {
      await session.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'notegraph-ingest-memory-'));
try {
  const corpus = writeSyntheticCorpus(path.resolve('notes'), dir, copies);
  console.log(`synthetic corpus: ${copies}× = ${corpus.files} files, ${(corpus.bytes / 1e6).toFixed(1)} MB`);
  await applySchema(db);
  const sampling$ = sample();
  const startedAt = Date.now();
  const { summary } = await runIngest({ notesDir: dir, db, reset: true, maxFileBytes: 1024 * 1024 * 1024 });
  sampling = false;
  await sampling$;
  console.log(`ingest: ${summary.notes} notes, ${summary.concepts} concepts in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  console.log(`largest write transaction seen: ${(peak.bytes / 1024 / 1024).toFixed(2)} MiB tracked heap (${samples} samples) — ${peak.query}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await sampler.close();
  await db.close();
}
