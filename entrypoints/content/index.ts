import { startContentController } from '@/src/extension/content-controller';
import '@/src/ui/highlight.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Frames too (same-origin and cross-origin http(s) frames), and about:srcdoc / about:blank
  // frames of a matching page (docs/architecture.md, "Frames").
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    startContentController(document, ctx.signal).catch((error: unknown) => {
      console.warn('Evidence Lens could not annotate this page:', error);
    });
  },
});
