/**
 * The options page: where Evidence Lens runs, which kinds of topic it annotates, how the
 * tooltip opens, and whether the dataset updates itself. Every change is saved at once and
 * reaches open tabs without a reload.
 */
import { useEffect, useState } from 'preact/hooks';
import { ENTRY_KINDS, type EntryKind } from '../../dataset/schema';
import { loadSettings, saveSettings, settingsItem, siteOf, type Settings } from '../../settings/settings';
import { FeedsSection } from './FeedsSection';

export const KIND_LABELS: Record<EntryKind, string> = {
  condition: 'Conditions (RLS and related conditions)',
  complication: 'Treatment complications (such as augmentation)',
  supplement: 'Supplements (magnesium, iron, vitamins)',
  drug: 'Medicines',
  device: 'Devices',
  food: 'Foods',
  lifestyle: 'Lifestyle measures (exercise, yoga, massage)',
  aggravator: 'Things that can make RLS worse',
};

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void loadSettings().then(setSettings);
    // Another window (the popup's site switch) may change them meanwhile.
    return settingsItem.watch(() => void loadSettings().then(setSettings));
  }, []);

  if (!settings) return <p role="status">Loading settings…</p>;

  const update = async (change: Partial<Settings>, what: string) => {
    setSettings(await saveSettings(change));
    setSaved(`Saved: ${what}.`);
  };

  return (
    <main class="options">
      <h1>Evidence Lens settings</h1>
      <p class="intro">Changes apply at once to open tabs. Nothing here leaves your browser.</p>

      <SiteSettings settings={settings} update={update} />

      <fieldset>
        <legend>What to highlight</legend>
        {ENTRY_KINDS.map((kind) => (
          <label key={kind} class="check">
            <input
              type="checkbox"
              name="kind"
              value={kind}
              checked={!settings.hiddenKinds.includes(kind)}
              onChange={(event) => {
                const shown = (event.currentTarget as HTMLInputElement).checked;
                const hiddenKinds = shown
                  ? settings.hiddenKinds.filter((k) => k !== kind)
                  : [...settings.hiddenKinds, kind];
                void update({ hiddenKinds }, `${KIND_LABELS[kind]} ${shown ? 'shown' : 'hidden'}`);
              }}
            />
            {KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Open the evidence tooltip</legend>
        <label class="check">
          <input
            type="radio"
            name="trigger"
            value="hover"
            checked={settings.tooltipTrigger === 'hover'}
            onChange={() => void update({ tooltipTrigger: 'hover' }, 'tooltips open on hover')}
          />
          When I point at a highlight
        </label>
        <label class="check">
          <input
            type="radio"
            name="trigger"
            value="click"
            checked={settings.tooltipTrigger === 'click'}
            onChange={() => void update({ tooltipTrigger: 'click' }, 'tooltips open on click')}
          />
          When I click a highlight
        </label>
        <p class="hint">Keyboard focus always opens it; Escape closes it.</p>
      </fieldset>

      <fieldset>
        <legend>Evidence updates</legend>
        <label class="check">
          <input
            type="checkbox"
            name="updates"
            checked={settings.automaticUpdates}
            onChange={(event) => {
              const on = (event.currentTarget as HTMLInputElement).checked;
              void update({ automaticUpdates: on }, `automatic updates ${on ? 'on' : 'off'}`);
            }}
          />
          Check for corrected evidence once a day
        </label>
        <p class="hint">
          Updates are signed; Evidence Lens refuses any that do not verify. The check sends no information about you
          or the pages you read.
        </p>
      </fieldset>

      <FeedsSection />

      <p class="saved" role="status" aria-live="polite">
        {saved}
      </p>
    </main>
  );
}

function SiteSettings({
  settings,
  update,
}: {
  settings: Settings;
  update: (change: Partial<Settings>, what: string) => Promise<void>;
}) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const allowedOnly = settings.siteMode === 'allowed-only';
  const listKey = allowedOnly ? 'allowedSites' : 'blockedSites';
  const list = settings[listKey];

  const add = (event: Event) => {
    event.preventDefault();
    const site = siteOf(draft);
    if (!site) return setError('Enter a site such as example.com.');
    setError('');
    setDraft('');
    void update({ [listKey]: [...list, site] }, `${site} added`);
  };

  return (
    <fieldset>
      <legend>Where Evidence Lens runs</legend>
      <label class="check">
        <input
          type="radio"
          name="site-mode"
          value="everywhere"
          checked={!allowedOnly}
          onChange={() => void update({ siteMode: 'everywhere' }, 'runs on every site except those listed')}
        />
        On every site, except the ones listed below
      </label>
      <label class="check">
        <input
          type="radio"
          name="site-mode"
          value="allowed-only"
          checked={allowedOnly}
          onChange={() => void update({ siteMode: 'allowed-only' }, 'runs only on the sites listed')}
        />
        Only on the sites listed below
      </label>
      <h2 class="list-title">{allowedOnly ? 'Sites where it runs' : 'Sites where it is off'}</h2>
      {list.length === 0 ? (
        <p class="hint">No sites yet. You can also use the switch in the toolbar popup on any page.</p>
      ) : (
        <ul class="sites">
          {list.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button
                type="button"
                onClick={() => void update({ [listKey]: list.filter((s) => s !== site) }, `${site} removed`)}
                aria-label={`Remove ${site}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={add}>
        <label for="new-site">Add a site</label>
        <input
          id="new-site"
          type="text"
          inputMode="url"
          placeholder="example.com"
          value={draft}
          onInput={(event) => setDraft((event.currentTarget as HTMLInputElement).value)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'new-site-error' : undefined}
        />
        <button type="submit">Add</button>
      </form>
      {error ? (
        <p id="new-site-error" class="error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
