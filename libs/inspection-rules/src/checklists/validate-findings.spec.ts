import type { Findings } from '../findings';
import { checklistOf } from './checklist-registry';
import { validateFindings } from './validate-findings';

const checklist = checklistOf('2024.1');
const area = (answers: Record<string, unknown>, note: unknown = null, evidence: unknown = []) => ({
  answers,
  note,
  evidence,
});
const validate = (findings: unknown) => validateFindings(checklist, findings as Findings);

describe('validating findings against checklist 2024.1', () => {
  it('given answers of the right kinds, a note and evidence, when validating, then no problems', () => {
    const findings = {
      'relapse-risk': area({ 'risk-present': true, 'main-risk-kind': 'illness' }, '户主住院 / head in hospital', [
        'photo-1',
      ]),
      income: area({ 'per-capita-estimate': 0, 'wage-earners': 2 }),
      'latent-risks': area({ 'other-latent-risk': '房屋后山有滑坡隐患' }),
    };
    expect(validate(findings)).toEqual([]);
  });

  it('given seven different mistakes, when validating, then all seven problems at once, each at its field', () => {
    const findings = {
      'relapse-risk': area({ 'risk-present': 'yes', 'main-risk-kind': 'bad-luck', 'favourite-colour': 'red' }),
      income: area({ 'per-capita-estimate': -1, 'wage-earners': 1.5 }),
      'latent-risks': area({ 'other-latent-risk': 'x'.repeat(501) }),
      weather: area({}),
    };
    expect(validate(findings).map(({ field, code }) => ({ field, code }))).toEqual([
      { field: 'findings.relapse-risk.answers.risk-present', code: 'findings.answer-kind' },
      { field: 'findings.relapse-risk.answers.main-risk-kind', code: 'findings.option-not-allowed' },
      { field: 'findings.relapse-risk.answers.favourite-colour', code: 'findings.unknown-question' },
      { field: 'findings.income.answers.per-capita-estimate', code: 'findings.negative-amount' },
      { field: 'findings.income.answers.wage-earners', code: 'findings.answer-kind' },
      { field: 'findings.latent-risks.answers.other-latent-risk', code: 'findings.text-too-long' },
      { field: 'findings.weather', code: 'findings.unknown-area' },
    ]);
  });

  it('given a note of 1,001 characters, 21 evidence references and an empty reference, when validating, then each is refused', () => {
    const evidence = [...Array.from({ length: 20 }, (_, i) => `photo-${i}`), ''];
    const problems = validate({ income: area({}, 'x'.repeat(1001), evidence) });
    expect(problems.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: 'findings.income.note', code: 'findings.text-too-long' },
      { field: 'findings.income.evidence', code: 'findings.too-many-evidence' },
      { field: 'findings.income.evidence.20', code: 'findings.evidence-invalid' },
    ]);
  });

  it('given a note of exactly 1,000 characters and 20 references, when validating, then no problems', () => {
    const evidence = Array.from({ length: 20 }, (_, i) => `photo-${i}`);
    expect(validate({ income: area({}, 'x'.repeat(1000), evidence) })).toEqual([]);
  });

  it('given an area that is not an object with answers, when validating, then findings.malformed', () => {
    expect(validate({ income: 'fine' })).toEqual([
      expect.objectContaining({ field: 'findings.income', code: 'findings.malformed' }),
    ]);
  });

  it('never puts an answer into a message (answers may be personal data)', () => {
    const [problem] = validate({ 'latent-risks': area({ 'other-latent-risk': '张三'.repeat(300) }) });
    expect(problem?.message).not.toContain('张三');
    expect(problem?.message).toMatch(/ \/ /);
  });
});
