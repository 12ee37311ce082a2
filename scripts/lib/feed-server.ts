/**
 * A controllable update feed on 127.0.0.1 for tests and the update benchmark: serves files with
 * ETags (and 304 to a matching If-None-Match), and can misbehave on demand per path (error
 * status, HTML error page, redirect, a body that never ends, an answer that never comes, a
 * download that stalls half way). Records every request it gets. Sends no CORS headers, like
 * most static hosts: the extension must not need them.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { utf8 } from '../../src/update/bytes';
import { signFeed, type PublishedFeed, type SigningKey } from '../../src/update/feed-sign';

export type FeedBehaviour =
  /** Any status with a small body (HTML error pages, 500s). */
  | { kind: 'status'; status: number; body?: string; contentType?: string }
  | { kind: 'redirect'; location: string; status?: number }
  /** Accept the request and never answer: the client's timeout must fire. */
  | { kind: 'hang' }
  /** 200 with a chunked body of `bytes` bytes and no Content-Length. */
  | { kind: 'stream'; bytes: number }
  /** Send headers and the first `afterBytes` bytes of the file, then wait until `release()` or close. */
  | { kind: 'stall'; afterBytes: number };

export interface RecordedRequest {
  method: string;
  path: string;
  search: string;
  headers: IncomingHttpHeaders;
  at: number;
}

export interface FeedServer {
  origin: string;
  port: number;
  url(path: string): string;
  /** Serves `body` at `path` (with an ETag) until replaced. */
  put(path: string, body: string | Uint8Array, contentType?: string): void;
  /** Misbehaves at `path`; null serves the file again. */
  respond(path: string, behaviour: FeedBehaviour | null): void;
  /** Lets stalled downloads finish sending their file. */
  release(): void;
  /** Forgets every misbehaviour: all paths serve their files again. */
  reset(): void;
  readonly requests: readonly RecordedRequest[];
  /** Resolves at the next request for `path` (or the last one after `since`). */
  waitForRequest(path: string, options?: { since?: number; timeoutMs?: number }): Promise<RecordedRequest>;
  close(): Promise<void>;
}

interface StoredFile {
  body: Buffer;
  contentType: string;
  etag: string;
}

export async function startFeedServer(options: { port?: number } = {}): Promise<FeedServer> {
  const files = new Map<string, StoredFile>();
  const behaviours = new Map<string, FeedBehaviour>();
  const requests: RecordedRequest[] = [];
  const waiters: Array<{ path: string; since: number; resolve: (request: RecordedRequest) => void }> = [];
  let stalled: Array<() => void> = [];

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://feed');
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      search: url.search,
      headers: request.headers,
      at: Date.now(),
    };
    requests.push(recorded);
    for (const waiter of waiters.filter((w) => w.path === recorded.path && recorded.at >= w.since)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(recorded);
    }
    serve(url.pathname, request.headers, response);
  });

  const serve = (path: string, headers: IncomingHttpHeaders, response: ServerResponse) => {
    const behaviour = behaviours.get(path);
    const file = files.get(path);
    switch (behaviour?.kind) {
      case 'status':
        response
          .writeHead(behaviour.status, { 'content-type': behaviour.contentType ?? 'text/html; charset=utf-8' })
          .end(behaviour.body ?? '');
        return;
      case 'redirect':
        response.writeHead(behaviour.status ?? 302, { location: behaviour.location }).end();
        return;
      case 'hang':
        return;
      case 'stream': {
        response.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let left = behaviour.bytes;
        const pump = () => {
          while (left > 0) {
            const piece = chunk.subarray(0, Math.min(chunk.length, left));
            left -= piece.length;
            if (!response.write(piece)) return void response.once('drain', pump);
          }
          response.end();
        };
        response.on('error', () => undefined);
        pump();
        return;
      }
      case 'stall': {
        if (!file) break;
        response.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.body.length), etag: file.etag });
        response.write(file.body.subarray(0, behaviour.afterBytes));
        stalled.push(() => response.end(file.body.subarray(behaviour.afterBytes)));
        return;
      }
      case undefined:
        break;
    }
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (headers['if-none-match'] === file.etag) {
      response.writeHead(304, { etag: file.etag }).end();
      return;
    }
    response.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.body.length), etag: file.etag });
    response.end(file.body);
  };

  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('feed server has no port');
  const origin = `http://127.0.0.1:${address.port}`;

  return {
    origin,
    port: address.port,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    put(path, body, contentType = 'application/json') {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
      const etag = `"${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}"`;
      files.set(normalize(path), { body: bytes, contentType, etag });
    },
    respond(path, behaviour) {
      if (behaviour) behaviours.set(normalize(path), behaviour);
      else behaviours.delete(normalize(path));
    },
    release() {
      const pending = stalled;
      stalled = [];
      for (const finish of pending) finish();
    },
    reset() {
      behaviours.clear();
    },
    requests,
    waitForRequest(path, { since = 0, timeoutMs = 10_000 } = {}) {
      const wanted = normalize(path);
      const seen = requests.find((r) => r.path === wanted && r.at >= since);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no request for ${wanted} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ path: wanted, since, resolve: (r) => (clearTimeout(timer), resolve(r)) });
      });
    },
    close() {
      stalled = [];
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}

function normalize(path: string): string {
  return `/${path.replace(/^\//, '')}`;
}

/**
 * Signs a dataset text and puts it on the feed as the extension fetches it: the manifest at
 * `manifestPath`, the dataset file where the manifest points.
 */
export async function publishSignedDataset(
  feed: FeedServer,
  text: string,
  options: { key: SigningKey; published: Date; manifestPath: string },
): Promise<PublishedFeed> {
  const datasetBytes = utf8(text);
  const published = await signFeed({
    datasetBytes,
    datasetVersion: (JSON.parse(text) as { version: string }).version,
    minExtensionVersion: '0.1.0',
    key: options.key,
    published: options.published,
  });
  feed.put(`/feed/${published.manifest.file}`, datasetBytes);
  feed.put(options.manifestPath, published.envelopeText);
  return published;
}
