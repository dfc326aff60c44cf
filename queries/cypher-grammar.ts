import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CharStream, Lexer, Parser, ParserRuleContext, TokenStream } from 'antlr4ng';

/**
 * Neo4j's own Cypher grammar (the ANTLR parser behind its editor tooling, @neo4j-cypher/language-support).
 *
 * The package keeps its generated lexer and parser out of its `exports` map (only a debug tree and editor
 * services are public), so they are loaded from their file in the installed package. The package version is
 * pinned exactly in package.json; if a release moves these files, loading fails loudly here and in the unit
 * tests. Its grammar is the union of Cypher 5 and Cypher 25 (version differences are semantic checks).
 */
export interface CypherParser extends Parser {
  statementsOrCommands(): ParserRuleContext;
}

export interface CypherGrammar {
  Lexer: new (input: CharStream) => Lexer;
  Parser: new (input: TokenStream) => CypherParser;
  ruleNames: readonly string[];
  /** Token types of the brackets, for the nesting limit. */
  openingBrackets: ReadonlySet<number>;
  closingBrackets: ReadonlySet<number>;
}

const packageMain = createRequire(import.meta.url).resolve('@neo4j-cypher/language-support');
// dist/cjs/index.cjs → package root → the ESM build's generated parser.
const generatedDir = path.join(path.dirname(packageMain), '..', 'esm', 'project', 'language-support', 'src', 'generated-parser');

type TokenTypes = Record<string, number>;

async function loadGrammar(): Promise<CypherGrammar> {
  const lexerModule = (await import(pathToFileURL(path.join(generatedDir, 'CypherCmdLexer.js')).href)) as {
    CypherCmdLexer: CypherGrammar['Lexer'] & TokenTypes;
  };
  const parserModule = (await import(pathToFileURL(path.join(generatedDir, 'CypherCmdParser.js')).href)) as {
    CypherCmdParser: CypherGrammar['Parser'] & { ruleNames: string[] };
  };
  const lexer = lexerModule.CypherCmdLexer;
  const types = (...names: string[]) => new Set(names.map((name) => lexer[name]!));
  return {
    Lexer: lexer,
    Parser: parserModule.CypherCmdParser,
    ruleNames: parserModule.CypherCmdParser.ruleNames,
    openingBrackets: types('LPAREN', 'LBRACKET', 'LCURLY'),
    closingBrackets: types('RPAREN', 'RBRACKET', 'RCURLY'),
  };
}

let loading: Promise<CypherGrammar> | undefined;

/** The grammar, loaded once per thread (about 100 ms). */
export function cypherGrammar(): Promise<CypherGrammar> {
  loading ??= loadGrammar();
  return loading;
}
