/** The toolbar popup: what Evidence Lens found on the current tab. */
import { useEffect, useState } from 'preact/hooks';
import type { PageReport, ReportEntry } from '../../engine/report';
import { VERDICT_LOOKS } from '../verdicts';
import { loadTabReport, resolveTabId } from './popup-data';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'no-report' }
  | { status: 'ready'; report: PageReport };

export function PopupApp() {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    (async () => {
      const tabId = await resolveTabId(location.search);
      if (tabId === undefined) return setState({ status: 'no-report' });
      const report = await loadTabReport(tabId);
      setState(report ? { status: 'ready', report } : { status: 'no-report' });
    })().catch((error: unknown) =>
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, []);

  return (
    <main class="popup">
      <header class="header">
        <h1>Evidence Lens</h1>
      </header>
      <PopupBody state={state} />
      <footer class="footer">Information, not medical advice.</footer>
    </main>
  );
}

function PopupBody({ state }: { state: State }) {
  switch (state.status) {
    case 'loading':
      return <p class="state" role="status">Reading this page…</p>;
    case 'error':
      return (
        <p class="state error" role="alert">
          Could not read this tab: {state.message}
        </p>
      );
    case 'no-report':
      return (
        <p class="state" role="status">
          Evidence Lens has not read this tab. It works on ordinary web pages (http and https); reload the page if it
          was open before the extension was installed.
        </p>
      );
    case 'ready':
      return <ReportView report={state.report} />;
  }
}

function ReportView({ report }: { report: PageReport }) {
  const note = report.note ? (
    <p class="note" role="note">
      {report.note}
    </p>
  ) : null;
  if (report.mentions.length === 0) {
    return (
      <>
        <p class="state empty" role="status">
          Nothing to annotate on this page: it mentions none of the treatments, supplements or conditions in the
          evidence dataset.
        </p>
        {note}
      </>
    );
  }
  const total = report.mentions.length;
  return (
    <section aria-labelledby="found-heading">
      {note}
      <h2 id="found-heading" class="summary">
        {total} {total === 1 ? 'mention' : 'mentions'} of {report.entries.length}{' '}
        {report.entries.length === 1 ? 'topic' : 'topics'}
      </h2>
      <ul class="entries">
        {report.entries.map((entry) => (
          <EntryRow key={entry.id} entry={entry} />
        ))}
      </ul>
      <p class="dataset">Dataset {report.datasetVersion}</p>
    </section>
  );
}

function EntryRow({ entry }: { entry: ReportEntry }) {
  const look = VERDICT_LOOKS[entry.verdict];
  return (
    <li class={`entry tone-${look.tone}`} data-entry={entry.id}>
      <span class="icon" aria-hidden="true">
        {look.icon}
      </span>
      <span class="entry-text">
        <span class="entry-name">{entry.name}</span>
        <span class="entry-verdict">{look.label}</span>
      </span>
      <span class="count" aria-label={`${entry.count} ${entry.count === 1 ? 'mention' : 'mentions'}`}>
        {entry.count}
      </span>
    </li>
  );
}
