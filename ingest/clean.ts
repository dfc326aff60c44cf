import type { Lang } from './types.js';

/** Normalises stray HTML line breaks and whitespace; the result is the text stored and highlighted. */
export function cleanText(text: string): string {
  return text
    .replace(/<br\s*\/?>[ \t]*/gi, '\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** zh, en or mixed, from the share of CJK characters against Latin letters (about 3 letters per CJK char). */
export function detectLang(text: string): Lang {
  // Counted in one pass (matching every character into an array cost more than the rest of the note's cleaning).
  let chinese = 0;
  let letters = 0;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) chinese += 1;
    else if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) letters += 1;
  }
  const share = chinese / Math.max(1, chinese + letters / 3);
  if (share >= 0.8) return 'zh';
  if (share <= 0.15) return 'en';
  return 'mixed';
}

/** Comparison key for duplicates: full-width forms folded (NFKC), whitespace removed, case folded. */
export function dedupeKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}
