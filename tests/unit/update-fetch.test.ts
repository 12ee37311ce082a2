// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchFeedFile } from '@/src/update/feed-fetch';
import { MANIFEST_URL, never, streamedBody, stubFeed } from './update-fixtures';

const ORIGIN = new URL(MANIFEST_URL).origin;
const options = { feedOrigin: ORIGIN, timeoutMs: 200, maxBytes: 1024 };
const get = (extra: Partial<typeof options & { etag: string | null }> = {}, url = MANIFEST_URL) =>
  fetchFeedFile(new URL(url), { ...options, ...extra });
const reasonOf = (result: Awaited<ReturnType<typeof get>>) => (result.ok ? 'ok' : result.failure.reason);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetching from the feed', () => {
  it('sends no credentials, no referrer, no cache, follows no redirect, and adds only If-None-Match', async () => {
    const feed = stubFeed();
    feed.routes.set(MANIFEST_URL, () => new Response('{}', { headers: { etag: '"e2"' } }));
    const result = await get({ etag: '"e1"' });
    expect(result).toMatchObject({ ok: true, notModified: false, etag: '"e2"' });
    expect(feed.requests).toHaveLength(1);
    const { url, init } = feed.requests[0]!;
    expect(url).toBe(MANIFEST_URL);
    expect(init).toMatchObject({ method: 'GET', credentials: 'omit', cache: 'no-store', redirect: 'manual', referrerPolicy: 'no-referrer' });
    expect(Object.fromEntries(new Headers(init.headers))).toEqual({ 'if-none-match': '"e1"' });
  });

  it('sends no If-None-Match without an ETag', async () => {
    const feed = stubFeed();
    feed.routes.set(MANIFEST_URL, () => new Response('{}'));
    await get();
    expect([...new Headers(feed.requests[0]!.init.headers)]).toEqual([]);
  });

  it('never contacts another origin, nor the feed with a query string', async () => {
    const feed = stubFeed();
    expect(reasonOf(await get({}, 'https://elsewhere.example/v1/manifest.json'))).toBe('redirect');
    expect(reasonOf(await get({}, `${MANIFEST_URL}?user=1`))).toBe('redirect');
    expect(feed.requests).toEqual([]);
  });

  it('treats 304 as not modified only when it sent an ETag', async () => {
    const feed = stubFeed();
    feed.routes.set(MANIFEST_URL, () => new Response(null, { status: 304 }));
    expect(await get({ etag: '"e1"' })).toEqual({ ok: true, notModified: true });
    expect(reasonOf(await get())).toBe('http-status');
  });

  it('rejects an error status (http-status)', async () => {
    stubFeed().routes.set(MANIFEST_URL, () => new Response('oops', { status: 500 }));
    const result = await get();
    expect(result.ok ? null : result.failure).toEqual({ reason: 'http-status', message: 'The feed answered with HTTP status 500.' });
  });

  it('refuses a redirect instead of following it (redirect)', async () => {
    const feed = stubFeed();
    feed.routes.set(MANIFEST_URL, () => new Response(null, { status: 302, headers: { location: 'https://evil.example/m.json' } }));
    expect(reasonOf(await get())).toBe('redirect');
    // What a browser hands back for redirect: 'manual'.
    feed.routes.set(MANIFEST_URL, () => ({ type: 'opaqueredirect', status: 0, url: '', ok: false }) as unknown as Response);
    expect(reasonOf(await get())).toBe('redirect');
    // And, should a browser ever follow one anyway, an answer from elsewhere is refused.
    feed.routes.set(MANIFEST_URL, () => {
      const response = new Response('{}');
      Object.defineProperty(response, 'url', { value: 'https://evil.example/m.json' });
      return response;
    });
    expect(reasonOf(await get())).toBe('redirect');
    expect(feed.requests.every((r) => r.url === MANIFEST_URL)).toBe(true);
  });

  it('refuses a body whose Content-Length is over the cap without reading it (too-large)', async () => {
    let pulled = 0;
    stubFeed().routes.set(MANIFEST_URL, () => {
      const body = new ReadableStream({ pull: (c) => void (pulled++, c.enqueue(new Uint8Array(10))) });
      return new Response(body, { headers: { 'content-length': '5000' } });
    });
    expect(reasonOf(await get())).toBe('too-large');
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('stops reading a streamed body once it passes the cap (too-large)', async () => {
    stubFeed().routes.set(MANIFEST_URL, () => streamedBody(50 * 1024 * 1024));
    const start = performance.now();
    expect(reasonOf(await get())).toBe('too-large');
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('gives up when no answer comes in time (timeout)', async () => {
    stubFeed().routes.set(MANIFEST_URL, never);
    const result = await get();
    expect(result.ok ? null : result.failure).toEqual({ reason: 'timeout', message: 'The feed did not answer completely within 0.2 s.' });
  });

  it('gives up when the body stalls half way (timeout)', async () => {
    stubFeed().routes.set(MANIFEST_URL, () => {
      const body = new ReadableStream<Uint8Array>({
        start: (c) => c.enqueue(new Uint8Array(10)),
        pull: () => new Promise(() => undefined),
      });
      return new Response(body);
    });
    expect(reasonOf(await get())).toBe('timeout');
  });

  it('reports an unreachable feed (network)', async () => {
    stubFeed().routes.set(MANIFEST_URL, () => Promise.reject(new TypeError('Failed to fetch')));
    expect(reasonOf(await get())).toBe('network');
  });
});
