import { startContentController } from '@/src/extension/content-controller';
import '@/src/ui/highlight.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    startContentController(document, ctx.signal).catch((error: unknown) => {
      console.warn('Evidence Lens could not annotate this page:', error);
    });
  },
});
