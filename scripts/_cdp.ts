import { launchWithExtension, waitForReport } from './lib/chromium';
import { startStaticServer } from './lib/static-server';
import { resolve } from 'node:path';
const server = await startStaticServer(resolve('bench-output/pages'));
const session = await launchWithExtension({ headless: true, extensionDir: resolve(process.env.EXT ?? '.output/chrome-mv3') });
const agg = new Map<string, number>();
for (let round = 0; round < 5; round++) {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const url = server.url('synthetic/blog-20k.html') + '?r=' + round;
  await page.goto(url);
  await waitForReport(session, url, { until: (r) => r.mentions.length > 0 && (r.modules ?? []).includes('nlp') });
  await new Promise((d) => setTimeout(d, 500));
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  profile.samples!.forEach((s, i) => {
    const n = byId.get(s)!;
    if (!n.callFrame.url.includes('content')) return;
    const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    agg.set(k, (agg.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  await page.close();
}
[...agg.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, t]) => console.log((t / 5).toFixed(2).padStart(7), k));
await session.close(); await server.close();
