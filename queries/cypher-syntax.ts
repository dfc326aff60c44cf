import {
  BaseErrorListener,
  CharStream,
  CommonTokenStream,
  ParserRuleContext,
  type RecognitionException,
  type Recognizer,
  type Token,
  type ATNSimulator,
} from 'antlr4ng';
import { NotegraphError } from '../common/errors.js';
import type { CypherGrammar } from './cypher-grammar.js';

/**
 * What a Cypher text does, read from Neo4j's grammar: the statement kinds (clauses and commands) and procedures
 * in its parse tree. Comments, strings, line endings and names like `call` are the lexer's business, so they
 * cannot hide or fake a kind. A text that does not parse is refused (fail closed), never passed on.
 */
export interface StatementKind {
  /** Grammar rule, e.g. `matchClause`, `showSettings`, `loadCSVClause`. */
  rule: string;
  /** The words that start it in the query, e.g. `SHOW SETTINGS`, for messages. */
  keyword: string;
}

export interface CypherFacts {
  statements: number;
  kinds: StatementKind[];
  /** Each CALLed procedure's name parts, unescaped (`db`.`labels` → ['db', 'labels']). */
  procedures: string[][];
}

export interface AnalysisLimits {
  /** Deepest bracket nesting accepted (Neo4j's parser hangs on thousands). */
  maxNesting: number;
  /** Parsing stops with QUERY_TOO_COMPLEX after this long (nested CASE grows cubically in ANTLR). */
  parseBudgetMs: number;
}

class ParseBudgetExceeded extends Error {}

/** A token stream whose lookahead checks the clock: ANTLR's prediction loops run inside LA(), not in listeners. */
class DeadlineTokenStream extends CommonTokenStream {
  private calls = 0;
  constructor(
    source: ConstructorParameters<typeof CommonTokenStream>[0],
    private readonly deadline: number,
  ) {
    super(source);
  }
  override LA(k: number): number {
    this.calls += 1;
    if ((this.calls & 1023) === 0 && performance.now() > this.deadline) throw new ParseBudgetExceeded();
    return super.LA(k);
  }
}

interface SyntaxProblem {
  token: string;
  line: number;
  column: number;
  offset: number;
}

class FirstError extends BaseErrorListener {
  problem: SyntaxProblem | undefined;
  override syntaxError<S extends Token, T extends ATNSimulator>(
    _recognizer: Recognizer<T>,
    offending: S | null,
    line: number,
    column: number,
    _message: string,
    _error: RecognitionException | null,
  ): void {
    this.problem ??= { token: offending?.text ?? '', line, column: column + 1, offset: offending?.start ?? 0 };
  }
}

function syntaxError(problem: SyntaxProblem, query: string): NotegraphError {
  const offset = Math.min(Math.max(problem.offset, 0), query.length);
  const found = problem.token === '<EOF>' || offset >= query.length ? 'the end of the query' : `'${problem.token.slice(0, 40)}'`;
  return new NotegraphError(
    'CYPHER_SYNTAX',
    `Invalid input: unexpected ${found} (line ${problem.line}, column ${problem.column} (offset: ${offset}))`,
    { details: { position: { line: problem.line, column: problem.column, offset } } },
  );
}

function checkNesting(grammar: CypherGrammar, tokens: Token[], limit: number): void {
  let depth = 0;
  for (const token of tokens) {
    if (grammar.openingBrackets.has(token.type)) depth += 1;
    else if (grammar.closingBrackets.has(token.type)) depth -= 1;
    if (depth > limit) {
      throw new NotegraphError('QUERY_TOO_NESTED', `The query nests brackets deeper than ${limit} levels.`, { details: { limit: 'nesting', max: limit } });
    }
  }
}

/** Lexes and parses one query; throws CYPHER_SYNTAX, QUERY_TOO_NESTED or QUERY_TOO_COMPLEX. */
export function analyseCypher(grammar: CypherGrammar, query: string, limits: AnalysisLimits): CypherFacts {
  const deadline = performance.now() + limits.parseBudgetMs;
  const errors = new FirstError();
  const lexer = new grammar.Lexer(CharStream.fromString(query));
  lexer.removeErrorListeners();
  lexer.addErrorListener(errors);
  const stream = new DeadlineTokenStream(lexer, deadline);
  stream.fill();
  checkNesting(grammar, stream.getTokens(), limits.maxNesting);
  const parser = new grammar.Parser(stream);
  parser.removeErrorListeners();
  parser.addErrorListener(errors);
  let tree: ParserRuleContext;
  try {
    tree = parser.statementsOrCommands();
  } catch (error) {
    if (error instanceof ParseBudgetExceeded || error instanceof RangeError) {
      throw new NotegraphError('QUERY_TOO_COMPLEX', `The query is too complex to check within ${limits.parseBudgetMs} ms; simplify it.`, {
        details: { limit: 'parse-time', max: limits.parseBudgetMs },
      });
    }
    throw error;
  }
  if (errors.problem) throw syntaxError(errors.problem, query);
  return collectFacts(grammar, tree, stream);
}

/** Kinds recorded for a rule whose parent is one of these rules. */
const kindParents = new Set(['clause', 'command', 'composableCommandClauses', 'composableShowCommandClauses', 'showAdminCommand']);
/** Rules that are a kind wherever they appear. */
const kindsAnywhere = new Set(['useClause', 'consoleCommand', 'localDefinition', 'subqueryInTransactionsParameters', 'preparserOption', 'cypherOption']);
/** Wrappers whose child is the real kind. */
const wrappers = new Set(['composableCommandClauses', 'composableShowCommandClauses', 'showAdminCommand']);

function collectFacts(grammar: CypherGrammar, tree: ParserRuleContext, stream: CommonTokenStream): CypherFacts {
  const ruleOf = (ctx: ParserRuleContext) => grammar.ruleNames[ctx.ruleIndex] ?? String(ctx.ruleIndex);
  const kinds = new Map<string, StatementKind & { at: number }>();
  const procedures: string[][] = [];
  let statements = 0;
  const pending: ParserRuleContext[] = [tree];
  while (pending.length > 0) {
    const ctx = pending.pop()!;
    const rule = ruleOf(ctx);
    const parentRule = ctx.parent instanceof ParserRuleContext ? ruleOf(ctx.parent) : '';
    if (rule === 'statementOrCommand') statements += 1;
    const isKind = kindsAnywhere.has(rule) || (kindParents.has(parentRule) && !wrappers.has(rule) && rule !== 'useClause');
    if (isKind && !kinds.has(rule)) kinds.set(rule, { rule, keyword: keywordOf(ctx, parentRule, stream), at: ctx.start?.tokenIndex ?? 0 });
    if (rule === 'procedureName') procedures.push(nameParts(ctx, grammar));
    for (const child of ctx.children) if (child instanceof ParserRuleContext) pending.push(child);
  }
  // In source order, so a refusal names the first offending kind the user wrote.
  const ordered = [...kinds.values()].sort((a, b) => a.at - b.at).map(({ rule, keyword }) => ({ rule, keyword }));
  return { statements, kinds: ordered, procedures };
}

/** The first words of a kind, e.g. `LOAD CSV`; commands under SHOW get the SHOW. */
function keywordOf(ctx: ParserRuleContext, parentRule: string, stream: CommonTokenStream): string {
  const start = wrappers.has(parentRule) && ctx.parent instanceof ParserRuleContext ? ctx.parent.start : ctx.start;
  if (!start || !ctx.stop) return '';
  const words: string[] = [];
  for (let index = start.tokenIndex; index <= ctx.stop.tokenIndex && words.length < 2; index += 1) {
    const token = stream.get(index);
    if (token.channel === 0 && /^[A-Za-z]+$/.test(token.text ?? '')) words.push(token.text!.toUpperCase());
    else if (token.channel === 0) break;
  }
  return words.join(' ');
}

function nameParts(procedureName: ParserRuleContext, grammar: CypherGrammar): string[] {
  const parts: string[] = [];
  const pending: ParserRuleContext[] = [procedureName];
  while (pending.length > 0) {
    const ctx = pending.pop()!;
    if (grammar.ruleNames[ctx.ruleIndex] === 'symbolicNameString') {
      const text = ctx.getText();
      parts.push(text.startsWith('`') ? text.slice(1, -1).replaceAll('``', '`') : text);
      continue;
    }
    // Children in reverse, so the stack yields them in source order (namespace parts first).
    for (const child of [...ctx.children].reverse()) if (child instanceof ParserRuleContext) pending.push(child);
  }
  return parts;
}
