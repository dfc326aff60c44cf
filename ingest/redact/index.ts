/** The redaction stage of the ingest (issue "Redaction 2"): layered detection, careful propagation, an audit. */
export { formatAudit, type RedactionRecord } from './audit.js';
export { defaultLayers, redactText, type FileRedaction } from './engine.js';
export { redactedMark, redactedMarkPattern, redactionKinds, type RedactionKind } from './kinds.js';
export { redactFiles, type RedactFilesResult, type RedactionOptions, type TextFile } from './redact-files.js';
export { compileRules, type CompiledRules } from './rules.js';
export type { Finding, RedactionLayer, TextScan } from './types.js';
