import { describe, expect, it } from '@jest/globals';
import { apiGet, fileNameOf, PRIMED_FOR_MS, primeGet } from './client';

describe('a download’s file name', () => {
  it('reads the Chinese name of RFC 5987’s filename* before the ASCII fallback', () => {
    const disposition =
      'attachment; filename="511923000000-township-all-2024.xlsx"; filename*=UTF-8\'\'%E5%B9%B3%E6%98%8C%E5%8E%BF-%E4%B9%A1%E9%95%87-%E5%85%A8%E9%83%A8%E6%8A%A5%E8%A1%A8-2024.xlsx';
    expect(fileNameOf(disposition)).toBe('平昌县-乡镇-全部报表-2024.xlsx');
  });

  it('falls back to the plain name, and to none without a header', () => {
    expect(fileNameOf('attachment; filename="a.csv"')).toBe('a.csv');
    expect(fileNameOf("attachment; filename*=UTF-8''%E5%B9%B3%ZZ; filename=b.csv")).toBe('b.csv');
    expect(fileNameOf(null)).toBeNull();
  });
});

describe('a primed GET', () => {
  /** fetch answering each path with a count of how often it was asked (the browser's fetch in the app). */
  function countingFetch() {
    const asked = new Map<string, number>();
    const original = globalThis.fetch;
    globalThis.fetch = (async (path: string) => {
      asked.set(path, (asked.get(path) ?? 0) + 1);
      return new Response(JSON.stringify({ path, n: asked.get(path) }), {
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    return { asked, restore: () => (globalThis.fetch = original) };
  }

  it('answers the next GET of its path without asking again, once', async () => {
    const server = countingFetch();
    try {
      primeGet('/api/reporting/units/511923000000');
      expect(await apiGet('/api/reporting/units/511923000000')).toEqual({
        path: '/api/reporting/units/511923000000',
        n: 1,
      });
      expect(server.asked.get('/api/reporting/units/511923000000')).toBe(1);
      expect(await apiGet('/api/reporting/units/511923000000')).toEqual({
        path: '/api/reporting/units/511923000000',
        n: 2,
      });
    } finally {
      server.restore();
    }
  });

  it('is asked again when it waited longer than PRIMED_FOR_MS', async () => {
    const server = countingFetch();
    try {
      primeGet('/api/registry/divisions/511923000000', Date.now() - PRIMED_FOR_MS - 1);
      expect(await apiGet('/api/registry/divisions/511923000000')).toEqual({
        path: '/api/registry/divisions/511923000000',
        n: 2,
      });
    } finally {
      server.restore();
    }
  });
});
