/** Messages are checked at the boundary: well-formed ones pass as they are, others get a clear error. */
import { describe, expect, it } from 'vitest';
import { parseMessage, parseTabMessage } from '@/src/extension/messages';

describe('parseMessage', () => {
  it.each([
    { type: 'page:config', host: 'example.com' },
    { type: 'dataset:get' },
    { type: 'report:get', tabId: 4 },
    { type: 'module:load', name: 'ui' },
    { type: 'report:set', report: { url: 'https://a.example/', title: 't', mentions: [], flags: [], entries: [] } },
  ])('accepts %j', (message) => {
    expect(parseMessage(message)).toEqual({ ok: true, message });
  });

  it.each([
    [{ type: 'module:load', name: '../../evil.js' }, 'name'],
    [{ type: 'report:get', tabId: '4' }, 'tabId'],
    [{ type: 'page:config' }, 'host'],
    [{ type: 'report:set', report: { url: 1 } }, 'report'],
    [{ type: 'unknown' }, 'type'],
    [null, ''],
  ])('refuses %j with a clear error', (message, where) => {
    const parsed = parseMessage(message);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.answer.malformed).toMatch(new RegExp(`^Evidence Lens: malformed message.*${where}`));
  });
});

describe('parseTabMessage', () => {
  it('accepts the tab messages and refuses a mark id that is not a positive integer', () => {
    expect(parseTabMessage({ type: 'mark:show', markId: 3 }).ok).toBe(true);
    expect(parseTabMessage({ type: 'command', command: 'next-mention' }).ok).toBe(true);
    expect(parseTabMessage({ type: 'mark:show', markId: 0 }).ok).toBe(false);
    expect(parseTabMessage({ type: 'mark:show', markId: 1.5 }).ok).toBe(false);
    expect(parseTabMessage({ type: 'mention:show', mentionId: 3 }).ok).toBe(false);
  });
});
