/**
 * The extension's only network code: one GET to the feed's origin, with a time limit, a size
 * cap, no credentials, no referrer and no redirects. Nothing about the reader or the page they
 * are on is sent: the URL is the fixed feed URL (or a file name signed into its manifest).
 */
import { failure, type UpdateFailure } from './status';

export interface FeedFetchOptions {
  /** The only origin we talk to. */
  feedOrigin: string;
  timeoutMs: number;
  maxBytes: number;
  /** The ETag of the last manifest we processed, sent as If-None-Match. */
  etag?: string | null;
}

export type FeedFetchResult =
  | { ok: true; notModified: false; bytes: Uint8Array<ArrayBuffer>; etag: string | null; contentType: string }
  | { ok: true; notModified: true }
  | { ok: false; failure: UpdateFailure };

export async function fetchFeedFile(url: URL, options: FeedFetchOptions): Promise<FeedFetchResult> {
  if (url.origin !== options.feedOrigin || url.search !== '' || url.username !== '' || url.password !== '') {
    return fail('redirect', `Refused to fetch ${url.href}: only the feed's own origin is contacted.`);
  }
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    const headers: Record<string, string> = {};
    if (options.etag) headers['If-None-Match'] = options.etag;
    const response = await fetch(url.href, {
      method: 'GET',
      headers,
      credentials: 'omit',
      // Our own If-None-Match does the revalidation; the HTTP cache must not answer for the feed.
      cache: 'no-store',
      // 'manual' rather than 'error', so a redirect is reported as one; it is never followed.
      redirect: 'manual',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304)) {
      return fail('redirect', 'The feed answered with a redirect. Redirects are refused: the feed URL must be its final address.');
    }
    if (response.url && new URL(response.url).origin !== options.feedOrigin) {
      return fail('redirect', `The answer came from ${new URL(response.url).origin}, not the feed's origin.`);
    }
    if (response.status === 304) {
      if (!options.etag) return fail('http-status', 'The feed answered 304 Not Modified to a request that had no ETag.');
      return { ok: true, notModified: true };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return fail('http-status', `The feed answered with HTTP status ${response.status}.`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return tooLarge(options.maxBytes);
    }
    const bytes = await readCapped(response, options.maxBytes, controller.signal);
    if (!bytes) return tooLarge(options.maxBytes);
    return {
      ok: true,
      notModified: false,
      bytes,
      etag: response.headers.get('etag'),
      contentType: response.headers.get('content-type') ?? '',
    };
  } catch (error) {
    if (timedOut) return fail('timeout', `The feed did not answer completely within ${options.timeoutMs / 1000} s.`);
    return fail('network', `The feed could not be reached (${describe(error)}).`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads the body, giving up (and cancelling the download) once it passes `maxBytes`. Cancels on
 * abort itself too, rather than trusting every body stream to notice its fetch was aborted.
 */
async function readCapped(response: Response, maxBytes: number, signal: AbortSignal): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    // A cancelled read ends like a finished one: never mistake that for the whole body.
    signal.throwIfAborted();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  signal.removeEventListener('abort', cancel);
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(maxBytes: number): FeedFetchResult {
  return fail('too-large', `The answer is larger than the ${formatBytes(maxBytes)} limit.`);
}

function fail(reason: UpdateFailure['reason'], message: string): FeedFetchResult {
  return { ok: false, failure: failure(reason, message) };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
