import { en } from './en.js';
import type { LanguagePack } from './language-pack.js';
import { zh } from './zh.js';

export type { LanguagePack } from './language-pack.js';

/** Every language pack the engines read. Adding a language: write `<code>.ts` and list it here. */
export const languagePacks: readonly LanguagePack[] = [en, zh];
