import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Who holds a local Neo4j store. Only one process may open a store directory, so whoever starts the bundled
 * Neo4j leaves a small file in its data directory saying where its Bolt port is; a second notegraph process
 * (`npm run ingest` while `npm start` runs) reads it and talks to that Neo4j instead of failing on the lock.
 */
export interface StoreOwner {
  /** The Node process that started Neo4j (npm start, npm run db, an ingest). */
  pid: number;
  /** The java process holding the store. */
  javaPid: number;
  uri: string;
  startedAt: string;
}

const ownerFileName = 'notegraph-owner.json';

export function ownerFile(dataDir: string): string {
  return path.join(dataDir, ownerFileName);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function writeStoreOwner(dataDir: string, owner: StoreOwner): void {
  writeFileSync(ownerFile(dataDir), `${JSON.stringify(owner)}\n`);
}

/** Removes the owner file if it still names this java process (a restart may already have replaced it). */
export function clearStoreOwner(dataDir: string, javaPid: number): void {
  const owner = readOwnerFile(dataDir);
  if (owner?.javaPid === javaPid) rmSync(ownerFile(dataDir), { force: true });
}

function readOwnerFile(dataDir: string): StoreOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(ownerFile(dataDir), 'utf8')) as Partial<StoreOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.javaPid !== 'number' || typeof parsed.uri !== 'string') return undefined;
    return { pid: parsed.pid, javaPid: parsed.javaPid, uri: parsed.uri, startedAt: String(parsed.startedAt ?? '') };
  } catch {
    return undefined;
  }
}

/** The live owner of the store in `dataDir`, or undefined when none is recorded or its java process is gone. */
export function readStoreOwner(dataDir: string): StoreOwner | undefined {
  const owner = readOwnerFile(dataDir);
  return owner && isAlive(owner.javaPid) ? owner : undefined;
}
