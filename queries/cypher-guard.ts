import { NotegraphError } from '../common/errors.js';
import type { CypherFacts, StatementKind } from './cypher-syntax.js';

/**
 * The first gate for user Cypher: an allow-list of statement kinds and procedures, applied to the facts read
 * from the parse tree (cypher-syntax.ts). EXPLAIN reporting query type `r` and a READ transaction come after it;
 * Neo4j's own procedure allow-list and limits (tools/neo4j/Launcher.java) sit behind all three.
 */

/** Procedures a user query may call (all read-only). Compared case-insensitively, as Neo4j resolves them. */
export const allowedProcedures: readonly string[] = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'db.index.fulltext.listAvailableAnalyzers',
  'db.info',
  'db.ping',
];

const allowedProcedureNames = new Set(allowedProcedures.map((name) => name.toLowerCase()));

/** Clauses and commands that only read. Cypher 25 clauses are harmless here: Neo4j 5 refuses them as syntax. */
const readKinds = new Set([
  'matchClause',
  'withClause',
  'returnClause',
  'unwindClause',
  'orderBySkipLimitClause',
  'callClause',
  'subqueryClause',
  'finishClause',
  'filterClause',
  'letClause',
  'forListClause',
  'showIndexCommand',
  'showConstraintCommand',
]);

const writeKinds = new Set(['createClause', 'insertClause', 'mergeClause', 'setClause', 'removeClause', 'deleteClause', 'foreachClause']);

interface Refusal {
  rule: string;
  message: (kind: StatementKind) => string;
}

/** Why each refused kind is refused; anything neither here nor in readKinds falls to `statement-kind`. */
const refusals: Record<string, Refusal> = {
  loadCSVClause: { rule: 'no-load-csv', message: () => 'LOAD CSV is not allowed: queries here only read the graph.' },
  useClause: { rule: 'no-use', message: () => 'USE is not allowed: queries run against the notegraph database.' },
  subqueryInTransactionsParameters: {
    rule: 'no-in-transactions',
    message: () => 'CALL { … } IN TRANSACTIONS is not allowed: queries here only read the graph.',
  },
  preparserOption: { rule: 'no-explain', message: (kind) => `${kind.keyword} is not available here; send the query itself.` },
  cypherOption: { rule: 'no-cypher-options', message: () => 'CYPHER options (runtime, planner, …) are not available here.' },
  consoleCommand: { rule: 'no-console-command', message: () => 'Browser commands such as :param are not Cypher; send a query.' },
  localDefinition: { rule: 'statement-kind', message: () => 'DEFINE is not available here.' },
};

function refuse(rule: string, message: string): never {
  throw new NotegraphError('CYPHER_REFUSED', message, { details: { rule } });
}

function refusalFor(kind: StatementKind): [string, string] | undefined {
  if (readKinds.has(kind.rule)) return undefined;
  // `CYPHER 5` selects a language version; its options (runtime=…) are refused as cypherOption kinds.
  if (kind.rule === 'preparserOption' && kind.keyword.startsWith('CYPHER')) return undefined;
  if (writeKinds.has(kind.rule)) return ['read-only', `${kind.keyword || 'Writing'} is not allowed: queries here only read the graph.`];
  const known = refusals[kind.rule];
  if (known) return [known.rule, known.message(kind)];
  if (/Command$|^show|^create|^drop|^alter|^rename|^grant|^deny|^revoke|^start|^stop|^enable|^allocation/.test(kind.rule)) {
    return ['no-administration', `${kind.keyword || 'This command'} is not available here: queries here only read the graph.`];
  }
  return ['statement-kind', `${kind.keyword || kind.rule} is not available here: queries here only read the graph.`];
}

/** Throws CYPHER_REFUSED naming the first rule the facts break. */
export function checkCypherFacts(facts: CypherFacts): void {
  if (facts.statements > 1) refuse('single-statement', 'Only one statement per query: remove the ";" between statements.');
  for (const kind of facts.kinds) {
    const refusal = refusalFor(kind);
    if (refusal) refuse(...refusal);
  }
  for (const parts of facts.procedures) {
    const name = parts.join('.');
    const plain = parts.every((part) => !part.includes('.'));
    if (!plain || !allowedProcedureNames.has(name.toLowerCase())) {
      refuse(
        'procedure-allow-list',
        `Procedure ${name || '(unnamed)'} is not allowed; read-only procedures allowed here: ${allowedProcedures.join(', ')}.`,
      );
    }
  }
}
