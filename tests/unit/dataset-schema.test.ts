import { describe, expect, it } from 'vitest';
import bundled from '@/src/dataset/generated/dataset.json';
import { compareDatasetVersions, parseDataset } from '@/src/dataset/schema';

describe('dataset schema', () => {
  it('accepts the bundled dataset', () => {
    const result = parseDataset(bundled);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('rejects markup in text fields', () => {
    const hostile = structuredClone(bundled);
    hostile.entries[0]!.summary = '<img src=x onerror=alert(1)>';
    const result = parseDataset(hostile);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors.join('\n')).toMatch(/entries\.0\.summary/);
  });

  it('orders calendar versions', () => {
    expect(compareDatasetVersions('2026.11.22.1', '2026.11.22')).toBeGreaterThan(0);
    expect(compareDatasetVersions('2026.01.02', '2026.11.22')).toBeLessThan(0);
    expect(compareDatasetVersions('2026.11.22', '2026.11.22')).toBe(0);
  });
});
