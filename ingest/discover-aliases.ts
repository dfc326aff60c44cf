import type { NoteLayout } from './discover-layout.js';
import type { AliasPattern } from './languages/extraction-rules.js';

/**
 * Names the text itself says are one concept: "协程（Coroutine）", "ReplicationController（简称RC）",
 * "X, also called Y", "Replication Controller -- RC". Patterns come from the language packs (named groups
 * `term` and `alias`); only prose and heading lines count, never code or output.
 */
export interface AliasStatement {
  term: string;
  alias: string;
}

export interface CompiledAliasPattern {
  pattern: RegExp;
  /** What every match contains: a window without it is not searched. */
  requires?: RegExp;
}

export function compileAliasPatterns(sources: readonly AliasPattern[]): CompiledAliasPattern[] {
  return sources.map((source) =>
    typeof source === 'string' ? { pattern: new RegExp(source, 'gu') } : { pattern: new RegExp(source.pattern, 'gu'), requires: new RegExp(source.requires, 'u') },
  );
}

const aliasTrigger = /[（(]|--|\balso\b|\baka\b|a\.k\.a\.|\bshort for\b|\bor simply\b|\babbreviated\b|简称|又称|也叫|也称|俗称/g;

export function aliasStatements(layout: NoteLayout, patterns: readonly CompiledAliasPattern[]): AliasStatement[] {
  const found: AliasStatement[] = [];
  for (const line of layout.lines) {
    if (line.kind !== 'prose' && line.kind !== 'heading' && line.kind !== 'table') continue;
    const text = layout.text.slice(line.start, line.end);
    // Every alias form has a bracket, a dash pair or one of a few words: the patterns run only in a window
    // around those (on long lines, running them over the whole line backtracks for nothing).
    const seen = new Set<string>();
    for (const trigger of text.matchAll(aliasTrigger)) {
      const window = text.slice(Math.max(0, trigger.index - 60), trigger.index + 50);
      for (const { pattern, requires } of patterns) {
        if (requires && !requires.test(window)) continue;
        pattern.lastIndex = 0;
        for (const match of window.matchAll(pattern)) {
          const term = match.groups?.term?.trim();
          const alias = match.groups?.alias?.trim();
          const key = `${term}\u0000${alias}`;
          if (term && alias && term.toLowerCase() !== alias.toLowerCase() && !seen.has(key)) {
            seen.add(key);
            found.push({ term, alias });
          }
        }
      }
    }
  }
  return found;
}

/** Union–find over term keys: every statement joins two keys into one group. */
export class KeyGroups {
  private readonly parent = new Map<string, string>();
  private readonly roots = new Set<string>();

  /** Whether other keys joined this one. */
  hasMembers(key: string): boolean {
    return this.roots.has(key);
  }

  find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    let node = key;
    while (this.parent.has(node) && this.parent.get(node) !== root) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  join(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return;
    this.parent.set(rootB, rootA);
    this.roots.add(rootA);
  }
}
