import { assertNever, formatYuan, type Fen, type IsoDate } from '@relapse-watch/domain-kernel';
import type { IncomeStability } from './risk-elimination.income';
import type {
  HousingGrade,
  IncomePeriod,
  LabourCapacity,
  RigidExpenditureKind,
  ThreePlusOneStatus,
} from './risk-elimination.input';

/** The 3+1 items, as the guard names them. */
export type ThreePlusOneItem = 'food-clothing' | 'compulsory-education' | 'medical' | 'housing' | 'drinking-water';

/** Why elimination is refused, with what shows it: one reason per failing condition (or item). */
export type EliminationReasonBody =
  | {
      readonly code: 'elimination.no-labour-capacity';
      readonly evidence: { readonly labourCapacities: readonly LabourCapacity[] };
    }
  | { readonly code: 'elimination.no-income-record'; readonly evidence: { readonly today: IsoDate } }
  | {
      readonly code: 'elimination.income-below-line';
      readonly evidence: {
        readonly period: IncomePeriod;
        readonly year: number;
        readonly perCapitaNetIncomeFen: Fen;
        readonly lineFen: Fen;
      };
    }
  | { readonly code: 'elimination.line-not-configured'; readonly evidence: { readonly year: number } }
  | { readonly code: 'elimination.income-not-stable'; readonly evidence: IncomeStability }
  | {
      readonly code: 'elimination.rigid-spending-unresolved';
      readonly evidence: { readonly itemId: string; readonly kind: RigidExpenditureKind; readonly amountFen: Fen };
    }
  | { readonly code: 'elimination.three-plus-one-not-assessed'; readonly evidence: Readonly<Record<string, never>> }
  | {
      readonly code: 'elimination.three-plus-one-not-secured';
      readonly evidence: { readonly item: ThreePlusOneItem; readonly housingGrade?: HousingGrade };
    }
  | { readonly code: 'elimination.risk-not-gone'; readonly evidence: { readonly riskType: string } };

/**
 * A reason as the guard returns it: a domain problem (code, field at fault, `中文 / English`
 * message) with its evidence, so a decider can refuse with the reasons as they are. Messages
 * carry policy figures (line, months), never the household's own figures: those stay in the
 * evidence, which the API shows only to officials allowed to see the household.
 */
export type EliminationReason = EliminationReasonBody & { readonly field: string; readonly message: string };

/** Every reason code of the guard. */
export type EliminationReasonCode = EliminationReason['code'];

const THREE_PLUS_ONE: Readonly<Record<ThreePlusOneItem, { field: keyof ThreePlusOneStatus; zh: string; en: string }>> =
  {
    'food-clothing': { field: 'foodAndClothingSecured', zh: '不愁吃、不愁穿', en: 'food and clothing' },
    'compulsory-education': {
      field: 'compulsoryEducationSecured',
      zh: '义务教育（有适龄儿童失学辍学）',
      en: 'compulsory education (a child out of school)',
    },
    medical: {
      field: 'medicalInsuranceCovered',
      zh: '基本医疗（有成员未参保）',
      en: 'basic medical care (a member uninsured)',
    },
    housing: { field: 'housingGrade', zh: '住房安全', en: 'safe housing' },
    'drinking-water': { field: 'drinkingWaterSafe', zh: '饮水安全', en: 'safe drinking water' },
  };

const RIGID: Readonly<Record<RigidExpenditureKind, { zh: string; en: string }>> = {
  medical: { zh: '医疗自付费用', en: 'self-paid medical cost' },
  education: { zh: '教育支出', en: 'education cost' },
  'disaster-loss': { zh: '灾害损失', en: 'disaster loss' },
};

/** The reason with its field and bilingual message. */
export function eliminationReason(body: EliminationReasonBody): EliminationReason {
  const { field, message } = describe(body);
  return { ...body, field, message };
}

function describe(body: EliminationReasonBody): { readonly field: string; readonly message: string } {
  switch (body.code) {
    case 'elimination.no-labour-capacity':
      return {
        field: 'members',
        message:
          '家庭无劳动能力：不标注风险消除，持续跟踪监测 / The household has no labour capacity: it is never marked eliminated, only kept under tracking',
      };
    case 'elimination.no-income-record':
      return {
        field: 'incomes',
        message:
          '没有已结束期间的收入记录，无法核实收入 / No income record of a period already ended: income cannot be verified',
      };
    case 'elimination.income-below-line': {
      const { year, lineFen } = body.evidence;
      const line = formatYuan(lineFen);
      return {
        field: 'incomes',
        message: `最新人均纯收入未高于${year}年监测线（${line}元） / The latest per-capita net income is not above the ${year} line (${line} yuan)`,
      };
    }
    case 'elimination.line-not-configured': {
      const { year } = body.evidence;
      return {
        field: 'monitoringLinesFen',
        message: `${year}年监测线尚未配置 / The monitoring line of ${year} is not configured`,
      };
    }
    case 'elimination.income-not-stable': {
      const { monthsStable, monthsRequired } = body.evidence;
      return {
        field: 'incomes',
        message: `收入稳定高于监测线仅连续${monthsStable}个月，须满${monthsRequired}个月 / Income stayed above the line for ${monthsStable} consecutive months; ${monthsRequired} are required`,
      };
    }
    case 'elimination.rigid-spending-unresolved': {
      const kind = RIGID[body.evidence.kind];
      return {
        field: 'rigidExpenditures',
        message: `大额刚性支出（${kind.zh}）尚未化解 / Large rigid spending (${kind.en}) is not resolved`,
      };
    }
    case 'elimination.three-plus-one-not-assessed':
      return {
        field: 'threePlusOne',
        message: '“两不愁三保障”及饮水安全尚未评估 / The 3+1 status has not been assessed',
      };
    case 'elimination.three-plus-one-not-secured': {
      const item = THREE_PLUS_ONE[body.evidence.item];
      const grade = body.evidence.housingGrade;
      const zh = grade === undefined ? item.zh : `${item.zh}（${grade}级危房）`;
      const en = grade === undefined ? item.en : `${item.en} (grade ${grade}, dangerous)`;
      return { field: `threePlusOne.${item.field}`, message: `${zh}未保障 / 3+1 not secured: ${en}` };
    }
    case 'elimination.risk-not-gone': {
      const { riskType } = body.evidence;
      return {
        field: 'riskTypes',
        message: `风险（${riskType}）尚未消除 / The risk (${riskType}) is not gone`,
      };
    }
    default:
      return assertNever(body, 'elimination reason');
  }
}
