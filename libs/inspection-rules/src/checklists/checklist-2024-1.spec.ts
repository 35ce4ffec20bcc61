import { DomainError } from '@relapse-watch/domain-kernel';
import { INSPECTION_AREAS } from '../checklist';
import { answeredAreas } from './answered-areas';
import { checklistOf } from './checklist-registry';

describe('checklist 2024.1', () => {
  const checklist = checklistOf('2024.1');

  it('asks questions in all seven areas, with ids unique within each area', () => {
    for (const area of INSPECTION_AREAS) {
      const ids = checklist.areas[area].map((question) => question.id);
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('asks the form’s questions: the relapse risk, the income drop, both leaflets', () => {
    const question = (area: (typeof INSPECTION_AREAS)[number], id: string) =>
      checklist.areas[area].find((q) => q.id === id);
    expect(question('relapse-risk', 'risk-present')).toMatchObject({
      text: { 'zh-CN': '家庭是否有返贫致贫风险' },
      answer: { kind: 'yes-no' },
      required: true,
    });
    expect(question('income', 'income-dropped')).toMatchObject({
      text: { 'zh-CN': '收入是否明显下降' },
      required: true,
    });
    expect(question('income', 'per-capita-estimate')).toMatchObject({ answer: { kind: 'amount-fen' } });
    expect(question('policy-awareness', 'application-guide')).toMatchObject({
      text: { 'zh-CN': '是否收到申请指南明白纸' },
      required: true,
    });
    expect(question('policy-awareness', 'assistance-policy')).toMatchObject({
      text: { 'zh-CN': '是否收到帮扶政策明白纸' },
      required: false,
    });
  });

  it('refuses an unknown version with checklist.unknown-version at checklistVersion', () => {
    expect(() => checklistOf('2023.9')).toThrow(DomainError);
    expect(() => checklistOf('2023.9')).toThrow(
      expect.objectContaining({ code: 'checklist.unknown-version', field: 'checklistVersion' }),
    );
  });
});

describe('answered areas', () => {
  const checklist = checklistOf('2024.1');

  it('given policy awareness with its one required answer and income missing one required answer, when checking, then only policy awareness is answered', () => {
    const latest = {
      'policy-awareness': { 'application-guide': false },
      income: { 'per-capita-estimate': 800_000 },
    };
    expect(answeredAreas(checklist, latest)).toEqual(['policy-awareness']);
  });

  it('given every required question of the seven areas answered, when checking, then all seven in checklist order', () => {
    const latest = Object.fromEntries(
      INSPECTION_AREAS.map((area) => [
        area,
        Object.fromEntries(
          checklist.areas[area].filter((question) => question.required).map((question) => [question.id, true]),
        ),
      ]),
    );
    expect(answeredAreas(checklist, latest)).toEqual([...INSPECTION_AREAS]);
  });

  it('given an answer of false, when checking, then it counts as an answer', () => {
    expect(answeredAreas(checklist, { 'policy-awareness': { 'application-guide': false } })).toEqual([
      'policy-awareness',
    ]);
  });
});
