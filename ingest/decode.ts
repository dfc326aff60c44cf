import type { Diagnostic } from './types.js';

export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16' | 'gb18030'; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

function isBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control += 1;
  }
  return control > sample.length * 0.1;
}

/** Text decoded from GB18030 is plausible when it is mostly ASCII, common CJK and CJK punctuation. */
function looksLikeChinese(text: string): boolean {
  let plausible = 0;
  let cjk = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x4e00 && code <= 0x9fff) cjk += 1;
    if (code < 0x80 || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef)) {
      plausible += 1;
    }
  }
  return cjk > 0 && plausible >= text.length * 0.97;
}

/**
 * Decodes a note file: UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK (common for Chinese notes
 * written on Windows). Empty, binary and undecodable files come back as diagnostics, never as exceptions.
 */
export function decodeNoteFile(file: string, bytes: Buffer): DecodeResult {
  const fail = (message: string): DecodeResult => ({ ok: false, diagnostics: [{ file, stage: 'decode', message }] });
  if (bytes.length === 0 || bytes.toString('latin1').trim() === '') return fail('empty file: skipped');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16', diagnostics: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16', diagnostics: [] };
  if (isBinary(bytes)) return fail('binary file (NUL or control bytes): skipped');
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: utf8.decode(body), encoding: 'utf-8', diagnostics: [] };
  } catch {
    // not UTF-8: try the Chinese legacy encoding before giving up
  }
  try {
    const text = gb18030.decode(body);
    if (looksLikeChinese(text)) {
      return { ok: true, text, encoding: 'gb18030', diagnostics: [{ file, stage: 'decode', message: 'decoded as GB18030/GBK (not UTF-8)' }] };
    }
  } catch {
    // not GB18030 either
  }
  return fail('invalid UTF-8 and not GB18030/GBK text: skipped');
}
