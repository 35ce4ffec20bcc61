import { describe, expect, it } from '@jest/globals';
import { MENU_PAGES, menuFor } from '../auth/pages';
import { formatMessage, inLanguage, languageFrom, MESSAGES } from './messages';

describe('the message catalogue', () => {
  it('has every key in both languages, none left empty', () => {
    expect(Object.keys(MESSAGES['en-US']).sort()).toEqual(Object.keys(MESSAGES['zh-CN']).sort());
    for (const catalogue of Object.values(MESSAGES))
      expect(Object.entries(catalogue).filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('zh-CN', 'households.total', { total: 3000 })).toBe('共 3000 户');
    expect(formatMessage('en-US', 'households.total', { total: 48 })).toBe('48 households');
    expect(formatMessage('en-US', 'households.total')).toBe('{total} households');
  });

  it('picks the reader’s half of the API’s `中文 / English` text', () => {
    const text = '该区划不在您的管辖范围内 / this division is outside your area';
    expect(inLanguage(text, 'zh-CN')).toBe('该区划不在您的管辖范围内');
    expect(inLanguage(text, 'en-US')).toBe('this division is outside your area');
    expect(inLanguage('仅中文', 'en-US')).toBe('仅中文');
  });

  it('starts in Chinese unless English was chosen before', () => {
    expect(languageFrom(null)).toBe('zh-CN');
    expect(languageFrom('fr-FR')).toBe('zh-CN');
    expect(languageFrom('en-US')).toBe('en-US');
  });
});

describe('the menu', () => {
  it('shows every role the households page first', () => {
    expect(MENU_PAGES[0]!.key).toBe('households');
    expect(menuFor('village-inspector')[0]!.path).toBe('/households');
    expect(menuFor('auditor')[0]!.path).toBe('/households');
  });

  it('shows the cases to every role that reads them, the users to the administrator only', () => {
    const paths = (role: Parameters<typeof menuFor>[0]) => menuFor(role).map((p) => p.path);
    for (const role of ['county-official', 'village-inspector', 'auditor', 'administrator'] as const)
      expect(paths(role)).toContain('/cases');
    expect(paths('administrator')).toContain('/users');
    for (const role of ['province-official', 'county-official', 'village-inspector', 'auditor'] as const)
      expect(paths(role)).not.toContain('/users');
  });

  it('shows every role the households and the reports pages (every role reads reports in its area)', () => {
    const reports = ['/overview', '/tiers', '/key-regions'];
    for (const role of ['province-official', 'village-inspector', 'auditor', 'administrator'] as const)
      expect(
        menuFor(role)
          .filter((p) => reports.includes(p.path))
          .map((p) => p.path),
      ).toEqual(reports);
  });

  it('shows every role the data-quality and rectification lists (inspection.read), in that order', () => {
    for (const role of ['province-official', 'county-official', 'village-inspector', 'auditor'] as const)
      expect(
        menuFor(role)
          .map((p) => p.path)
          .filter((path) => path === '/data-quality' || path === '/rectification'),
      ).toEqual(['/data-quality', '/rectification']);
  });
});
