import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Newest modification time (ms) among the files under the given paths. */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (entry: string): void => {
    if (!existsSync(entry)) return;
    const stats = statSync(entry);
    if (stats.isDirectory()) {
      for (const child of readdirSync(entry)) {
        if (child !== 'node_modules') visit(path.join(entry, child));
      }
    } else {
      newest = Math.max(newest, stats.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

/** The client build is stale when it is missing or older than any client source or the Vite config. */
export function clientBuildIsStale(root: string, outDir: string): boolean {
  const builtIndex = path.join(outDir, 'index.html');
  if (!existsSync(builtIndex)) return true;
  const sources = [path.join(root, 'client'), path.join(root, 'common'), path.join(root, 'vite.config.ts')];
  return newestMtime(sources) > statSync(builtIndex).mtimeMs;
}

/** Builds the client with Vite (imported lazily: the API alone never needs Vite). */
export async function buildClient(root: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
