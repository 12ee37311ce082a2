/** Parses an HTML string with happy-dom (no scripts, no network) and audits it with the engine. */
import { Window } from 'happy-dom';
import bundled from '../../src/dataset/generated/dataset.json';
import { parseDataset, type Dataset } from '../../src/dataset/schema';
import { auditDocument, type AuditReport } from '../../src/engine/audit';

let dataset: Dataset | undefined;

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

export function auditFile(html: string, url: string): AuditReport {
  const page = parsePage(html, url);
  try {
    return auditDocument(page.document, bundledDataset(), url);
  } finally {
    page.close();
  }
}
