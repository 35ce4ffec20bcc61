import { describe, expect, it } from '@jest/globals';
import { fileNameOf } from './client';

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
