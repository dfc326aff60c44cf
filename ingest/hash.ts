import { createHash } from 'node:crypto';

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A short stable id from content: the first 16 hex digits of its sha256, with a prefix. */
export function contentId(prefix: string, data: string): string {
  return `${prefix}-${sha256Hex(data).slice(0, 16)}`;
}

/**
 * A stable slug of a canonical name, used as concept id so deep links survive re-ingest:
 * "Open vSwitch" → "open-vswitch", "Nova API" → "nova-api". Chinese characters are kept as they are.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? contentId('c', name) : slug;
}
