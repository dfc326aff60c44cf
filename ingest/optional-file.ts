import { readFile } from 'node:fs/promises';

/** A file's text, or undefined when it does not exist (the notes folder's own files are all optional). */
export async function readOptionalText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
