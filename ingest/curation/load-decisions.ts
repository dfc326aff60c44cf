import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../types.js';
import { parseDecisionDocument, readLexiconCuration, readRelationDecisions } from './decision-files.js';
import { lexiconFileName, noCurationDecisions, relationsFileName, type CurationDecisions } from './decisions.js';

/**
 * The decisions an ingest applies, from the two files' texts (undefined: no such file). A file that does not
 * parse or validate contributes nothing and says why; the other file still applies.
 */
export function curationFromTexts(lexiconText: string | undefined, relationsText: string | undefined): { decisions: CurationDecisions; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const decisions: CurationDecisions = { ...noCurationDecisions };
  const problem = (file: string, stage: Diagnostic['stage'], message: string) =>
    diagnostics.push({ file, stage, message: `curation decisions ignored: ${message}` });
  const lexicon = parseDecisionDocument(lexiconFileName, lexiconText);
  const lexiconCuration = lexicon.ok ? readLexiconCuration(lexiconFileName, lexicon.value) : lexicon;
  if (lexiconCuration.ok) Object.assign(decisions, { stopwords: lexiconCuration.value.stopwords, concepts: lexiconCuration.value.concepts });
  else if (lexiconText !== undefined) problem(lexiconFileName, 'concepts', lexiconCuration.problem);
  const relations = parseDecisionDocument(relationsFileName, relationsText);
  const relationDecisions = relations.ok ? readRelationDecisions(relationsFileName, relations.value) : relations;
  if (relationDecisions.ok) decisions.relations = relationDecisions.value;
  else if (relationsText !== undefined) problem(relationsFileName, 'relations', relationDecisions.problem);
  return { decisions, diagnostics };
}

export async function readOptionalText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The file edge: both decision files of a notes folder. */
export async function loadCurationDecisions(notesDir: string): Promise<{ decisions: CurationDecisions; diagnostics: Diagnostic[] }> {
  const [lexiconText, relationsText] = await Promise.all([
    readOptionalText(path.join(notesDir, lexiconFileName)),
    readOptionalText(path.join(notesDir, relationsFileName)),
  ]);
  return curationFromTexts(lexiconText, relationsText);
}
