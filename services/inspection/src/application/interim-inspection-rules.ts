import { isWithin, type DomainProblem } from '@relapse-watch/domain-kernel';
import {
  INSPECTION_AREAS,
  type AnswerKind,
  type AnswerValue,
  type Checklist,
  type Findings,
  type InspectionArea,
  type KeyGroupSelection,
  type Suggestion,
} from '@relapse-watch/inspection-rules';
import type { LatestAnswers } from '../domain/household-inspection/household-inspection.state';
import type { CampaignKeyRegion, HouseholdEvaluation, InspectionRules } from './household-inspection.ports';

// Interim: until libs/inspection-rules ships its checklists, rule sets and evaluation (issue 11
// item 5, another change), the service runs on this small stand-in so that the household
// inspection works end to end. Swapping it for the lib is the one binding in the module.

const yesNo = (id: string, zh: string, en: string) =>
  ({ id, text: { 'zh-CN': zh, en }, answer: { kind: 'yes-no' }, required: true }) as const;

/** A minimal 2024.1 checklist: one required yes-no question per area, plus an income estimate. */
const INTERIM_CHECKLIST: Checklist = {
  version: '2024.1',
  areas: {
    'relapse-risk': [yesNo('has-relapse-risk', '家庭是否有返贫致贫风险', 'Is the household at risk of poverty')],
    income: [
      yesNo('income-dropped', '收入是否明显下降', 'Has the income dropped markedly'),
      {
        id: 'per-capita-estimate-fen',
        text: { 'zh-CN': '人均纯收入估算（分）', en: 'Per-capita net income estimate (fen)' },
        answer: { kind: 'amount-fen' },
        required: false,
      },
    ],
    'assistance-measures': [yesNo('measures-in-place', '帮扶措施是否落实', 'Are the assistance measures in place')],
    'elimination-stability': [yesNo('elimination-stable', '风险消除是否稳定', 'Is the elimination of risk stable')],
    'latent-risks': [yesNo('major-hazard', '是否存在重大风险隐患', 'Is there a major latent risk')],
    'data-quality': [yesNo('record-matches', '档案信息是否与实际一致', 'Does the record match reality')],
    'policy-awareness': [yesNo('guide-received', '是否收到申请指南明白纸', 'Was the application guide received')],
  },
};

const MAX_NOTE = 2000;
const MAX_EVIDENCE = 20;

const problem = (code: string, field: string, message: string): DomainProblem => ({ code, field, message });

function answerFits(kind: AnswerKind, value: AnswerValue): boolean {
  switch (kind.kind) {
    case 'yes-no':
      return typeof value === 'boolean';
    case 'choice':
      return typeof value === 'string' && kind.options.includes(value);
    case 'amount-fen':
    case 'count':
      return Number.isSafeInteger(value) && (value as number) >= 0;
    case 'text':
      return typeof value === 'string' && value.length <= kind.maxLength;
  }
}

function validateFindings(checklist: Checklist, findings: Findings): readonly DomainProblem[] {
  const problems: DomainProblem[] = [];
  for (const [area, found] of Object.entries(findings)) {
    const at = `findings.${area}`;
    const questions = checklist.areas[area as InspectionArea];
    if (questions === undefined) {
      problems.push(problem('findings.area-unknown', at, '清单中没有该方面 / The checklist has no such area'));
      continue;
    }
    for (const [id, value] of Object.entries(found?.answers ?? {})) {
      const question = questions.find((q) => q.id === id);
      if (question === undefined)
        problems.push(
          problem(
            'findings.question-unknown',
            `${at}.answers.${id}`,
            '清单中没有该问题 / The checklist has no such question',
          ),
        );
      else if (!answerFits(question.answer, value))
        problems.push(
          problem(
            'findings.answer-kind',
            `${at}.answers.${id}`,
            '答案与问题类型不符 / The answer does not fit the question',
          ),
        );
    }
    if (found?.note != null && found.note.length > MAX_NOTE)
      problems.push(
        problem('findings.note-too-long', `${at}.note`, '备注最多2000个字符 / A note has at most 2000 characters'),
      );
    if ((found?.evidence.length ?? 0) > MAX_EVIDENCE)
      problems.push(
        problem('findings.evidence-too-many', `${at}.evidence`, '佐证材料最多20项 / At most 20 evidence references'),
      );
  }
  return problems;
}

function answeredAreas(checklist: Checklist, answers: LatestAnswers): readonly InspectionArea[] {
  return INSPECTION_AREAS.filter((area) => {
    const given = answers[area];
    return given !== undefined && checklist.areas[area].every((q) => !q.required || given[q.id] !== undefined);
  });
}

/** Interim at-risk rule: the visit found a relapse risk. */
function evaluateHousehold(evaluation: HouseholdEvaluation): readonly Suggestion[] {
  if (evaluation.answers['relapse-risk']?.['has-relapse-risk'] !== true) return [];
  const alleviated = evaluation.facts.status.kind === 'poverty-alleviated';
  return [
    {
      kind: 'at-risk',
      ruleId: 'at-risk.findings-relapse-risk',
      ruleSetVersion: evaluation.ruleSetVersion,
      category: alleviated ? 'unstable-poverty-alleviated' : 'marginal',
      riskTypes: [],
      evidence: [{ fact: 'findings.relapse-risk.has-relapse-risk', value: true }],
    },
  ];
}

/** Interim key-group rule: a member with a grade 1–2 disability. */
function selectKeyGroups(evaluation: Omit<HouseholdEvaluation, 'answers'>): readonly KeyGroupSelection[] {
  const severe = evaluation.facts.members.find((m) => m.health.kind === 'disabled' && m.health.grade <= 2);
  if (severe === undefined) return [];
  return [
    { ruleId: 'key-group.severe-disability', evidence: [{ fact: 'members.health', value: 'disabled', threshold: 2 }] },
  ];
}

function inKeyRegions(villageCode: string, keyRegions: readonly CampaignKeyRegion[]): readonly string[] {
  return keyRegions.filter((r) => r.divisionCodes.some((unit) => isWithin(villageCode, unit))).map((r) => r.regionId);
}

/** The interim rules (see the note above). */
export const interimInspectionRules: InspectionRules = {
  checklistOf: (version) => (version === INTERIM_CHECKLIST.version ? INTERIM_CHECKLIST : null),
  validateFindings,
  answeredAreas,
  evaluateHousehold,
  selectKeyGroups,
  inKeyRegions,
};
