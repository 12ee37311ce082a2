/**
 * The reader's own update feeds, like filter-list subscriptions: add one by its manifest URL and
 * Ed25519 public key, see its key fingerprint, status, last check and dataset version, remove it.
 * The background checks every field and every rule (src/update/user-feeds.ts, the same checkFeed
 * as the built-in feed); this page only shows what it answers.
 */
import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../extension/messages';
import type { FeedFieldProblem } from '../../update/user-feeds';
import type { UserFeedStatus } from '../../update/updater';
import { describeLastCheck } from '../popup/dataset-age';

export function FeedsSection() {
  const [feeds, setFeeds] = useState<UserFeedStatus[] | null>(null);
  const [url, setUrl] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [problems, setProblems] = useState<FeedFieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');

  useEffect(() => {
    void sendToBackground({ type: 'feeds:list' }).then((answer) => setFeeds(answer.feeds));
  }, []);

  const add = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setSaid('Adding and checking the feed…');
    try {
      const answer = await sendToBackground({ type: 'feeds:add', url, publicKey });
      setFeeds(answer.feeds);
      if (answer.ok) {
        setProblems([]);
        setUrl('');
        setPublicKey('');
        setSaid('Feed added.');
      } else {
        setProblems(answer.problems);
        setSaid('The feed was not added.');
      }
    } finally {
      setBusy(false);
    }
  };

  const remove = async (feedUrl: string) => {
    setBusy(true);
    try {
      setFeeds((await sendToBackground({ type: 'feeds:remove', url: feedUrl })).feeds);
      setSaid('Feed removed.');
    } finally {
      setBusy(false);
    }
  };

  const problemFor = (field: FeedFieldProblem['field']) => problems.filter((p) => p.field === field).map((p) => p.message).join(' ');
  const urlProblem = problemFor('url');
  const keyProblem = problemFor('publicKey');
  const now = Date.now();

  return (
    <fieldset class="feeds">
      <legend>Extra evidence feeds</legend>
      <p class="hint">
        A clinic or patient society can publish its own signed dataset. Add its feed here: it is held to every rule of
        Evidence Lens’s own feed (https, its signature, the dataset rules and size limits, never an older version, never
        older than the dataset built in). When feeds offer different versions, the newest valid one is used; on a tie,
        the dataset in use stays. Checking a feed sends a plain request for its files, nothing else.
      </p>
      {feeds === null ? (
        <p role="status">Loading feeds…</p>
      ) : feeds.length === 0 ? (
        <p class="empty">No extra feeds.</p>
      ) : (
        <ul class="feed-list">
          {feeds.map((feed) => (
            <li key={feed.url} class="feed" data-feed-url={feed.url}>
              <span class="feed-url">{feed.url}</span>
              <span class="feed-fingerprint">Key fingerprint: {feed.fingerprint}</span>
              <span class="feed-status" data-outcome={feed.lastCheck?.outcome ?? 'never'}>
                {feed.inUse ? 'In use. ' : ''}
                {describeLastCheck(feed.lastCheck, now)}
              </span>
              <span class="feed-version">Dataset: {feed.version ?? 'none offered yet'}</span>
              <button type="button" disabled={busy} onClick={() => void remove(feed.url)} aria-label={`Remove the feed ${feed.url}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="feed-form" onSubmit={(event) => void add(event)} noValidate>
        <label>
          Feed address (its manifest.json)
          <input
            type="url"
            name="feed-url"
            value={url}
            placeholder="https://example.org/evidence/manifest.json"
            aria-invalid={urlProblem ? 'true' : undefined}
            aria-describedby={urlProblem ? 'feed-url-problem' : undefined}
            onInput={(event) => setUrl((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        {urlProblem && (
          <p class="problem" id="feed-url-problem">
            {urlProblem}
          </p>
        )}
        <label>
          Public key (Ed25519, base64)
          <input
            type="text"
            name="feed-key"
            value={publicKey}
            spellcheck={false}
            autocomplete="off"
            aria-invalid={keyProblem ? 'true' : undefined}
            aria-describedby={keyProblem ? 'feed-key-problem' : undefined}
            onInput={(event) => setPublicKey((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        {keyProblem && (
          <p class="problem" id="feed-key-problem">
            {keyProblem}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Add feed
        </button>
      </form>
      <p class="feed-said" role="status">
        {said}
      </p>
    </fieldset>
  );
}
