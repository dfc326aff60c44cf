import type { ExtractionRules } from './extraction-rules.js';
import type { RedactionRules } from './redaction-rules.js';

/**
 * A language pack: everything the ingest engines know about one language, as data. Adding a language is one
 * file (`ingest/languages/<code>.ts`) and one line in `index.ts`. Each concern has its own section so the
 * extraction and redaction engines evolve their rules independently.
 */
export interface LanguagePack {
  /** BCP 47 code, as stored in Note.lang. */
  code: string;
  name: string;
  /** Matches one character of the script this language is written in; text runs are assigned to packs by it. */
  script: RegExp;
  extraction: ExtractionRules;
  redaction: RedactionRules;
}
