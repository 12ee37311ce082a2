/** Parses an HTML string with happy-dom (no scripts, no network) and audits it with the engine. */
import { Window } from 'happy-dom';
import bundled from '../../src/dataset/generated/dataset.json';
import { parseDataset, type Dataset } from '../../src/dataset/schema';
import type { Analyzer } from '../../src/engine/annotator';
import { auditDocument, type AuditReport } from '../../src/engine/audit';
import { createAnalyzer } from '../../src/nlp/analyze';

let dataset: Dataset | undefined;
let analyzer: Analyzer | undefined;

export function bundledDataset(): Dataset {
  if (!dataset) {
    const result = parseDataset(bundled);
    if (!result.ok) throw new Error(`Bundled dataset is invalid:\n${result.errors.join('\n')}`);
    dataset = result.dataset;
  }
  return dataset;
}

/** Parses a page as a browser would read it, with scripts and network switched off. */
export function parsePage(html: string, url: string): { document: Document; close: () => void } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { document, close: () => void window.happyDOM.close() };
}

/** Audits a saved page: mentions, and (unless `analysis` is false) claims and doses. */
export function auditFile(html: string, url: string, options: { analysis?: boolean } = {}): AuditReport {
  const page = parsePage(html, url);
  try {
    if (options.analysis !== false) analyzer ??= createAnalyzer(bundledDataset());
    return auditDocument(page.document, bundledDataset(), url, options.analysis === false ? undefined : analyzer);
  } finally {
    page.close();
  }
}
