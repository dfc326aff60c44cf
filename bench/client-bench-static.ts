/**
 * A static file server for the built client, for `bench:client --synthetic-only`: the synthetic graphs are
 * answered by the page's route handler, so no Neo4j and no API server are needed to compare rendering options.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

export async function serveStatic(root: string): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = path.join(root, path.normalize(pathname).replace(/^([/\\])+/, ''));
    const target = file.startsWith(root) && path.extname(file) ? file : path.join(root, 'index.html');
    readFile(target).then(
      (body) => response.writeHead(200, { 'content-type': types[path.extname(target)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
