import type { AnswerKind, Checklist, ChecklistQuestion } from '../checklist';

// Checklist 2024.1: the questions of the seven areas as Sichuan's 2024 concentrated inspection
// form (入户排查表) asks them. The ids are stable within the version (answers and rule sets name
// them); a changed question is a new checklist version, never an edit of this one.

const yesNo: AnswerKind = { kind: 'yes-no' };
const amountFen: AnswerKind = { kind: 'amount-fen' };
const count: AnswerKind = { kind: 'count' };
const choice = (...options: string[]): AnswerKind => ({ kind: 'choice', options });
const text = (maxLength: number): AnswerKind => ({ kind: 'text', maxLength });

function ask(id: string, zh: string, en: string, answer: AnswerKind, required: boolean): ChecklistQuestion {
  return { id, text: { 'zh-CN': zh, en }, answer, required };
}

/** The national risk types (the registry contract's words) a field worker picks the main one from. */
const RISK_KINDS = [
  'illness',
  'schooling-cost',
  'disability',
  'natural-disaster',
  'accident',
  'failed-industry-project',
  'unstable-work',
  'lack-of-labour',
  'housing-insecure',
  'drinking-water-insecure',
  'education-not-secured',
  'medical-not-secured',
  'other',
];

export const CHECKLIST_2024_1: Checklist = {
  version: '2024.1',
  areas: {
    'relapse-risk': [
      ask(
        'risk-present',
        '家庭是否有返贫致贫风险',
        'Is the household at risk of relapse into or onset of poverty?',
        yesNo,
        true,
      ),
      ask('main-risk-kind', '主要风险类型', 'Main risk type', choice(...RISK_KINDS), false),
      ask(
        'sudden-hardship',
        '是否因病、因灾、因意外等发生突发严重困难',
        'Has illness, a disaster or an accident brought sudden severe hardship?',
        yesNo,
        true,
      ),
    ],
    income: [
      ask(
        'per-capita-estimate',
        '家庭年人均纯收入估算',
        'Estimated per-capita net income for the year',
        amountFen,
        true,
      ),
      ask('income-dropped', '收入是否明显下降', 'Has income dropped markedly?', yesNo, true),
      ask(
        'drop-reason',
        '收入下降主要原因',
        'Main reason of the drop',
        choice('illness', 'disaster', 'job-loss', 'industry-failure', 'farm-price-drop', 'other'),
        false,
      ),
      ask('wage-earners', '外出务工人数', 'Members working away', count, false),
      ask('employment-stable', '务工就业是否稳定', 'Is the members’ employment stable?', yesNo, false),
    ],
    'assistance-measures': [
      ask('measures-in-place', '帮扶措施是否落实到位', 'Are the assistance measures in place?', yesNo, true),
      ask(
        'development-measure',
        '有劳动能力的家庭是否落实产业或就业帮扶',
        'Does a household with labour capacity have an industry or employment measure?',
        choice('yes', 'no', 'no-labour-capacity'),
        true,
      ),
      ask(
        'new-social-assistance',
        '是否新纳入低保、特困供养或获得大额临时救助',
        'Newly granted dibao, extreme-poverty support or large temporary assistance?',
        choice('none', 'dibao', 'extreme-poverty', 'large-temporary-assistance'),
        true,
      ),
      ask('knows-contact', '是否知晓帮扶责任人', 'Does the household know its assistance contact?', yesNo, false),
    ],
    'elimination-stability': [
      ask(
        'monitoring-state',
        '监测帮扶状态',
        'Monitoring state',
        choice('not-monitored', 'monitored-not-eliminated', 'eliminated-stable', 'eliminated-unstable'),
        true,
      ),
      ask(
        'income-stable-six-months',
        '收入是否持续稳定6个月以上',
        'Has income been stable for six months or more?',
        yesNo,
        false,
      ),
    ],
    'latent-risks': [
      ask('housing-safe', '住房是否安全', 'Is the housing safe?', yesNo, true),
      ask('drinking-water-safe', '饮水是否安全', 'Is the drinking water safe?', yesNo, true),
      ask(
        'child-dropped-out',
        '是否有义务教育阶段适龄儿童失学辍学',
        'Has a child of compulsory-school age dropped out?',
        yesNo,
        true,
      ),
      ask(
        'all-insured',
        '家庭成员是否全部参加基本医疗保险',
        'Are all members enrolled in basic medical insurance?',
        yesNo,
        true,
      ),
      ask('self-paid-medical', '年内自付医疗费用', 'Self-paid medical costs this year', amountFen, false),
      ask('other-latent-risk', '其他重大风险隐患', 'Other major latent risks', text(500), false),
    ],
    'data-quality': [
      ask('record-matches', '家庭信息与系统记录是否一致', 'Does the household’s record match reality?', yesNo, true),
      ask('ledger-matches', '村级台账与系统数据是否一致', 'Do the village ledgers match the system?', yesNo, true),
      ask('members-present', '实际家庭人口数', 'Members actually in the household', count, false),
      ask('mismatch-detail', '不一致的内容', 'What does not match', text(500), false),
    ],
    'policy-awareness': [
      ask(
        'application-guide',
        '是否收到申请指南明白纸',
        'Did the household get the “how to apply” leaflet?',
        yesNo,
        true,
      ),
      // Only monitored households must get it (DOMAIN.md), so it cannot be required of all.
      ask(
        'assistance-policy',
        '是否收到帮扶政策明白纸',
        'Did the household get the assistance policy leaflet?',
        yesNo,
        false,
      ),
      ask('knows-hotline', '是否知晓12317监督举报电话', 'Does the household know the 12317 hotline?', yesNo, false),
    ],
  },
};
