import { hanChar } from '../../common/script.js';
import type { ExtractionRules } from './extraction-rules.js';
import type { LanguagePack } from './language-pack.js';
import type { RedactionRules } from './redaction-rules.js';

// ---------------------------------------------------------------------------------------------------------------
// Extraction (concept discovery, relations)
// ---------------------------------------------------------------------------------------------------------------

const extraction: ExtractionRules = {
  stopwords: [],
  relationCues: [],
};

// ---------------------------------------------------------------------------------------------------------------
// Redaction (credential labels and layouts, personal identifiers)
// ---------------------------------------------------------------------------------------------------------------

const redaction: RedactionRules = {
  labels: [],
};

// ---------------------------------------------------------------------------------------------------------------

export const zh: LanguagePack = { code: 'zh', name: 'Chinese', script: hanChar, extraction, redaction };
