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

const cjk = /[\u3400-\u9fff\uf900-\ufaff]/g;
const latin = /[A-Za-z]/g;

/** zh, en or mixed, from the share of CJK characters against Latin letters (about 3 letters per CJK char). */
export function detectLang(text: string): Lang {
  const chinese = text.match(cjk)?.length ?? 0;
  const letters = text.match(latin)?.length ?? 0;
  const share = chinese / Math.max(1, chinese + letters / 3);
  if (share >= 0.8) return 'zh';
  if (share <= 0.15) return 'en';
  return 'mixed';
}

/** Comparison key for duplicates: full-width forms folded (NFKC), whitespace removed, case folded. */
export function dedupeKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}
