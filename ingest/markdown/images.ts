/**
 * Images are not text: `![alt](src)`, `![[picture.png]]` (any embed of a non-Markdown file), HTML `<img>`, and
 * `data:` URIs of any length (a pasted screenshot is hundreds of KB of base64) are removed from a file before
 * it is split, so nothing downstream stores, indexes or scans them. Newlines inside a removed span are kept,
 * so every note keeps its true line range. Linear: every pattern is anchored on a literal and never rescans.
 */

const markdownImage = /!\[[^\]\n]*\]\((?:<[^>\n]*>|[^)\n]*)\)/g;
// Obsidian embeds of anything but a note: images, audio, video, PDFs, canvases (`![[diagram.png|300]]`).
const fileEmbed = /!\[\[[^\]\n|#]+\.(?!md\b)[A-Za-z0-9]{1,8}(?:[#|][^\]\n]*)?\]\]/g;
const htmlImage = /<img\b[^>]*>/gi;
// data:[<mime>][;params][;base64],<payload> — the payload runs to whitespace, a quote, `)` or `>`.
const dataUri = /data:[\w.+-]+\/[\w.+-]+(?:;[\w.+-]+=[\w.+-]+)*(?:;base64)?,[^\s"'<>)]*/gi;
// What an image inside a link leaves behind: `[](https://…)`.
const emptyLink = /\[\s*\]\([^)\n]*\)/g;

const keepNewlines = (match: string): string => match.replace(/[^\n]/g, '');

export function dropImages(text: string): string {
  if (!/!\[|<img|data:/i.test(text)) return text;
  return text
    .replace(markdownImage, keepNewlines)
    .replace(fileEmbed, keepNewlines)
    .replace(htmlImage, keepNewlines)
    .replace(dataUri, keepNewlines)
    .replace(emptyLink, keepNewlines);
}
