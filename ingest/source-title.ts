/** A readable title for a source file: its name without extension, separators as spaces. */
export function titleFromPath(filePath: string): string {
  const name = filePath.split('/').at(-1) ?? filePath;
  return name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim() || name;
}
