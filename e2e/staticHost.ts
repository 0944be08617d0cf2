/** A bare static file server for dist/, like a class web space: any sub-path, no special headers. */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.gz': 'application/gzip',
  '.json': 'application/json',
};

export interface StaticHost {
  /** The app's address, ending in the sub-path. */
  url: string;
  /** Paths requested so far, relative to the sub-path. */
  requested: string[];
  close(): Promise<void>;
}

/** `replace` swaps a file's body, e.g. to serve a different service worker. */
export async function serveDist(subPath: string, replace: Record<string, string> = {}): Promise<StaticHost> {
  const requested: string[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    if (!path.startsWith(subPath)) return void response.writeHead(404).end();
    const relative = normalize(path.slice(subPath.length));
    if (relative.startsWith('..')) return void response.writeHead(403).end();
    const file = relative === '.' || relative === '' ? 'index.html' : relative;
    requested.push(file);
    const replaced = replace[file];
    const body =
      replaced !== undefined ? Promise.resolve(Buffer.from(replaced)) : readFile(join('dist', file));
    body.then(
      (content) =>
        response
          .writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(content),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the static host has no port');
  const { port } = address;
  return {
    url: `http://127.0.0.1:${port}${subPath}`,
    requested,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
