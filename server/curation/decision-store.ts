import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NotegraphError } from '../../common/errors.js';
import type { Document } from 'yaml';
import {
  isEmptyDocument,
  parseDecisionDocument,
  readLexiconCuration,
  readRelationDecisions,
  serializeDecisionDocument,
  type DecisionDocuments,
  type DecisionFileKind,
  type Parsed,
} from '../../ingest/curation/decision-files.js';
import { lexiconFileName, relationsFileName } from '../../ingest/curation/decisions.js';
import { readOptionalText } from '../../ingest/optional-file.js';
import { sha256Hex } from '../../ingest/hash.js';

/**
 * The file edge of curation: reads the notes folder's two decision files and writes them back atomically (a
 * temporary file in the same folder, then rename), so a reader — an ingest, an editor, git — sees the old file
 * or the new one, never half of one. A file that does not parse or validate is never overwritten: the command
 * is refused and the owner fixes the file first. Writes are serialized by the caller (one queue per server).
 */
export const decisionFileNames: Record<DecisionFileKind, string> = { lexicon: lexiconFileName, relations: relationsFileName };

export type DecisionTexts = Record<DecisionFileKind, string | undefined>;

export interface StoredDecisions {
  docs: DecisionDocuments;
  texts: DecisionTexts;
}

function validDocument(file: string, text: string | undefined, check: (file: string, doc: Document) => Parsed<unknown>): Document {
  const refused = (problem: string) => new NotegraphError('CONFLICT', `${problem}. Fix the file first; nothing was changed.`);
  const parsed = parseDecisionDocument(file, text);
  if (!parsed.ok) throw refused(parsed.problem);
  const checked = check(file, parsed.value);
  if (!checked.ok) throw refused(checked.problem);
  return parsed.value;
}

export class DecisionStore {
  /** sha256 of the text this process last wrote to each file, so the watcher can tell our writes from the owner's. */
  private readonly written = new Map<string, string>();

  readonly notesDir: string;

  constructor(notesDir: string) {
    this.notesDir = path.resolve(notesDir);
  }

  private pathOf(kind: DecisionFileKind): string {
    return path.join(this.notesDir, decisionFileNames[kind]);
  }

  async read(): Promise<StoredDecisions> {
    const [lexicon, relations] = await Promise.all([readOptionalText(this.pathOf('lexicon')), readOptionalText(this.pathOf('relations'))]);
    return {
      docs: { lexicon: validDocument(lexiconFileName, lexicon, readLexiconCuration), relations: validDocument(relationsFileName, relations, readRelationDecisions) },
      texts: { lexicon, relations },
    };
  }

  /** Writes the given files in their stable order; a file left with nothing in it is removed. Returns the new texts. */
  async write(docs: DecisionDocuments, kinds: readonly DecisionFileKind[]): Promise<Partial<DecisionTexts>> {
    const texts: Partial<DecisionTexts> = {};
    for (const kind of kinds) texts[kind] = isEmptyDocument(docs[kind]) ? undefined : serializeDecisionDocument(docs[kind], kind);
    await this.restore(texts);
    return texts;
  }

  /** Puts exactly these texts back (undefined: no file), e.g. when the graph write after a file write failed. */
  async restore(texts: Partial<DecisionTexts>): Promise<void> {
    for (const [kind, text] of Object.entries(texts) as [DecisionFileKind, string | undefined][]) {
      const file = this.pathOf(kind);
      if (text === undefined) {
        this.written.set(file, '');
        await rm(file, { force: true });
        continue;
      }
      const temporary = path.join(this.notesDir, `.${decisionFileNames[kind]}.${randomBytes(6).toString('hex')}.tmp`);
      this.written.set(file, sha256Hex(text));
      try {
        await writeFile(temporary, text, { encoding: 'utf8', flush: true });
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw new NotegraphError('INTERNAL', `could not write ${decisionFileNames[kind]} in the notes folder`, { cause: error });
      }
    }
  }

  /** True when `text` is what this process last wrote to `file` (absolute path): not an edit by the owner. */
  isOwnWrite(file: string, text: string | undefined): boolean {
    const last = this.written.get(path.resolve(file));
    return last !== undefined && last === (text === undefined ? '' : sha256Hex(text));
  }
}
