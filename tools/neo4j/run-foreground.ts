/** `npm run db`: the local Neo4j in the foreground, until Ctrl-C. */
import path from 'node:path';
import { loadConfig } from '../../common/config.js';
import { startLocalNeo4j } from './local-neo4j.js';

const config = loadConfig();
const neo4j = await startLocalNeo4j({
  dataDir: path.resolve(config.LOCAL_NEO4J_DATA),
  port: config.LOCAL_NEO4J_PORT,
  heapMb: config.LOCAL_NEO4J_HEAP_MB,
  pageCacheMb: config.LOCAL_NEO4J_PAGECACHE_MB,
  log: (line) => console.error(line),
});
console.log(`ready ${neo4j.uri} (data ${neo4j.dataDir}); Ctrl-C stops it`);
const stop = () => void neo4j.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
