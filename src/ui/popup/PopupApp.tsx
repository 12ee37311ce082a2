/**
 * The toolbar popup: what Evidence Lens found on the current tab. Flagged items first (what
 * the page says that the evidence contradicts), then the topics with their verdicts; a switch
 * for the site; the dataset's version, age and update status.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PageReport } from '../../engine/report';
import type { Settings } from '../../settings/settings';
import { isEnabledForHost, loadSettings, saveSettings, siteOf, withSiteEnabled } from '../../settings/settings';
import { DatasetStatus } from './DatasetStatus';
import { FlagList } from './FlagList';
import { EntryList, VerdictCounts } from './EntryList';
import { loadTabReport, resolveTabId, showOnPage, watchTabReport } from './popup-data';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; tabId: number | undefined; report: PageReport | null; settings: Settings };

export function PopupApp({ search }: { search: string }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const openedAsPage = new URLSearchParams(search).has('tabId');

  useEffect(() => {
    let stopWatching = () => {};
    (async () => {
      const [tabId, settings] = await Promise.all([resolveTabId(search), loadSettings()]);
      const report = tabId === undefined ? null : await loadTabReport(tabId);
      setState({ status: 'ready', tabId, report, settings });
      if (tabId !== undefined) {
        // The page reports again after the site switch (or as it loads more): follow it.
        stopWatching = watchTabReport(tabId, (next) =>
          setState((s) => (s.status === 'ready' ? { ...s, report: next } : s)),
        );
      }
    })().catch((error: unknown) =>
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => stopWatching();
  }, [search]);

  const show = async (targetId: number) => {
    if (state.status !== 'ready' || state.tabId === undefined) return;
    const shown = await showOnPage(state.tabId, targetId);
    // A real popup closes so the reader sees the page; opened as a page (tests), it stays.
    if (shown && !openedAsPage) window.close();
  };

  return (
    <main class="popup">
      <header class="header">
        <h1>Evidence Lens</h1>
        {state.status === 'ready' && state.report ? (
          <SiteSwitch
            site={siteOf(state.report.url)}
            settings={state.settings}
            onChange={(settings) => setState({ ...state, settings })}
          />
        ) : null}
      </header>
      <PopupBody state={state} onShow={show} />
      <DatasetStatus pageDatasetVersion={state.status === 'ready' ? state.report?.datasetVersion : undefined} />
      <footer class="footer">
        <a href="/options.html" target="_blank" rel="noopener">
          Settings
        </a>
        <span>Information, not medical advice.</span>
      </footer>
    </main>
  );
}

function SiteSwitch({
  site,
  settings,
  onChange,
}: {
  site: string;
  settings: Settings;
  onChange: (settings: Settings) => void;
}) {
  if (!site) return null;
  const enabled = isEnabledForHost(settings, site);
  const toggle = async () => {
    onChange(await saveSettings(withSiteEnabled(settings, site, !enabled)));
  };
  return (
    <label class="site-switch">
      <input type="checkbox" role="switch" checked={enabled} onChange={() => void toggle()} />
      <span>
        On for <strong>{site}</strong>
      </span>
    </label>
  );
}

function PopupBody({ state, onShow }: { state: State; onShow: (targetId: number) => void }) {
  if (state.status === 'loading') {
    return (
      <p class="state" role="status">
        Reading this page…
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <p class="state error" role="alert">
        Could not read this tab: {state.message}
      </p>
    );
  }
  const { report, settings } = state;
  if (!report) {
    return (
      <p class="state" role="status">
        Evidence Lens has not read this tab. It works on ordinary web pages (http and https); reload the page if it
        was open before the extension was installed.
      </p>
    );
  }
  if (!isEnabledForHost(settings, siteOf(report.url)) || report.disabled) {
    return (
      <p class="state" role="status">
        Evidence Lens is off for this site. Turn the switch on to see the evidence here.
      </p>
    );
  }
  const note = report.note ? (
    <p class="note" role="note">
      {report.note}
    </p>
  ) : null;
  if (report.mentions.length === 0) {
    return (
      <>
        {note}
        <p class="state empty" role="status">
          Nothing to annotate on this page: it mentions none of the treatments, supplements or conditions in the
          evidence dataset.
        </p>
      </>
    );
  }
  const total = report.mentions.length;
  return (
    <>
      {note}
      <h2 class="summary">
        {total} {total === 1 ? 'mention' : 'mentions'} of {report.entries.length}{' '}
        {report.entries.length === 1 ? 'topic' : 'topics'}
      </h2>
      <VerdictCounts counts={report.verdictCounts} />
      <FlagList flags={report.flags} onShow={onShow} />
      <EntryList entries={report.entries} onShow={onShow} />
    </>
  );
}
