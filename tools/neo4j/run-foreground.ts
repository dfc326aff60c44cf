/** `npm run db`: the local Neo4j in the foreground, restarted if it exits unexpectedly, until Ctrl-C. */
import { loadConfig } from '../../common/config.js';
import { localNeo4jStarter } from './local-neo4j.js';
import { Neo4jSupervisor } from './supervise-neo4j.js';

const supervisor = new Neo4jSupervisor({
  start: localNeo4jStarter(loadConfig(), { root: process.cwd(), log: (line) => console.error(line) }),
  log: { info: console.error, warn: console.error, error: console.error },
  onGiveUp: () => process.exit(1),
});
const neo4j = await supervisor.start();
console.log(`ready ${neo4j.uri} (data ${neo4j.dataDir}); Ctrl-C stops it`);
const stop = () => void supervisor.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
