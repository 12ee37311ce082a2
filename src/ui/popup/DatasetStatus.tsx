/**
 * Which dataset is in use, how old it is, and how the last update check went, with a button to
 * check now. Builds without an update feed say so instead.
 */
import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../extension/messages';
import type { UpdateStatus } from '../../update/status';
import { describeAge, describeLastCheck } from './dataset-age';

type State = { status: 'loading' } | { status: 'ready'; update: UpdateStatus } | { status: 'error'; message: string };

export function DatasetStatus({ pageDatasetVersion }: { pageDatasetVersion: string | undefined }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    sendToBackground({ type: 'update:status' }).then(
      (update) => setState({ status: 'ready', update }),
      (error: unknown) => setState({ status: 'error', message: String(error) }),
    );
  }, []);

  const checkNow = async () => {
    setChecking(true);
    try {
      setState({ status: 'ready', update: await sendToBackground({ type: 'update:check' }) });
    } catch (error) {
      setState({ status: 'error', message: String(error) });
    } finally {
      setChecking(false);
    }
  };

  if (state.status === 'loading') return <p class="dataset">Evidence dataset…</p>;
  if (state.status === 'error') return <p class="dataset">Evidence dataset: status unavailable.</p>;
  const { update } = state;
  const now = Date.now();
  return (
    <section class="dataset" aria-label="Evidence dataset">
      <p
        data-dataset-version={update.version}
        title={
          update.source === 'update' && update.feedUrl && update.installedAt !== null
            ? `Updated from ${update.feedUrl} at ${new Date(update.installedAt).toLocaleString()}`
            : undefined
        }
      >
        Evidence dataset {update.version} · {describeAge(update, now)}
        {pageDatasetVersion && pageDatasetVersion !== update.version
          ? ` (this page was read with ${pageDatasetVersion}; reload it for the newer one)`
          : ''}
      </p>
      {update.enabled ? (
        <p class="update-line">
          <span class="update-status" data-outcome={update.lastCheck?.outcome ?? 'never'} role="status">
            {describeLastCheck(update.lastCheck, now)}
          </span>{' '}
          <button type="button" class="link-button" onClick={() => void checkNow()} disabled={checking}>
            {checking ? 'Checking…' : 'Check now'}
          </button>
        </p>
      ) : (
        <p class="update-line">Automatic updates are not set up in this build.</p>
      )}
    </section>
  );
}
