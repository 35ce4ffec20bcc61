import { describe, expect, it } from '@jest/globals';
import { homeReportUnit, isWithin, mayBrowse, mayReport, significantDigits } from './area';
import type { SignedInUser } from './claims';

const county: SignedInUser = { userId: 'c', role: 'county-official', unitCode: '511923000000', villageCodes: [] };
const inspector: SignedInUser = {
  userId: 'i',
  role: 'village-inspector',
  unitCode: '511923101000',
  villageCodes: ['511923101201', '511923101202', '511923101203'],
};

describe('the user’s area', () => {
  it('knows each tier by its significant digits', () => {
    expect(
      ['510000000000', '511900000000', '511923000000', '511923101000', '511923101201'].map(significantDigits),
    ).toEqual([2, 4, 6, 9, 12]);
  });

  it('places a unit within another by the code’s prefix', () => {
    expect(isWithin('511923101201', '511923000000')).toBe(true);
    expect(isWithin('511923000000', '511923000000')).toBe(true);
    expect(isWithin('511922101201', '511923000000')).toBe(false);
    expect(isWithin('510000000000', '511923000000')).toBe(false);
  });

  it('lets an official browse their unit and below, not above or beside', () => {
    expect(mayBrowse(county, '511923002200')).toBe(true);
    expect(mayBrowse(county, '511900000000')).toBe(false);
    expect(mayBrowse(county, '511921000000')).toBe(false);
  });

  it('lets an inspector browse the township and their team’s villages only', () => {
    expect(mayBrowse(inspector, '511923101000')).toBe(true);
    expect(mayBrowse(inspector, '511923101202')).toBe(true);
    expect(mayBrowse(inspector, '511923101002')).toBe(false);
    expect(mayBrowse(inspector, '511923002200')).toBe(false);
  });

  it('reports an official’s unit and below, an inspector’s villages only (not their township)', () => {
    expect(homeReportUnit(county)).toBe('511923000000');
    expect(homeReportUnit(inspector)).toBe('511923101201');
    expect(mayReport(county, '511923101201')).toBe(true);
    expect(mayReport(county, '511900000000')).toBe(false);
    expect(mayReport(inspector, '511923101203')).toBe(true);
    expect(mayReport(inspector, '511923101000')).toBe(false);
    expect(mayReport(inspector, '511923101204')).toBe(false);
  });
});
