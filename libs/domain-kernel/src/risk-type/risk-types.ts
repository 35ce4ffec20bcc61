/**
 * A risk type code (风险类型): a national code such as `illness`, or a province's own,
 * prefixed with its two-digit province code (`51.farm-price-drop`), so a province's addition can
 * never collide with a national code added later. Reference data, not a closed union: the list
 * grows without a new contract version (DOMAIN.md "Monitoring subjects").
 */
export type RiskTypeCode = string;

/** Lower-case words joined by hyphens, optionally after `<province>.`; at most 64 characters. */
export const RISK_TYPE_CODE_PATTERN = /^(?:[1-9][0-9]\.)?[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The part of a province's code after its `<province>.` prefix. */
export const RISK_TYPE_LOCAL_CODE_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Longest risk type code accepted. */
export const RISK_TYPE_CODE_MAX_LENGTH = 64;

/** A risk type with its labels: national, or added by a province for a year. */
export interface RiskType {
  readonly code: RiskTypeCode;
  readonly label: { readonly 'zh-CN': string; readonly en: string };
  /** Null for a national type; the two-digit province code for a province's own. */
  readonly provinceCode: string | null;
  /** One of the "3+1" guarantees (住房、饮水、义务教育、基本医疗) is at risk. */
  readonly threePlusOne: boolean;
}

interface NationalRiskType extends RiskType {
  /** Other spellings officials' sheets use for the label (the import reads them). */
  readonly aliases: readonly string[];
}

const national = (
  code: string,
  zh: string,
  en: string,
  aliases: readonly string[] = [],
  threePlusOne = false,
): NationalRiskType => ({ code, label: { 'zh-CN': zh, en }, provinceCode: null, threePlusOne, aliases });

/**
 * The national list of risk types of the monitoring system (DOMAIN.md "Monitoring subjects",
 * the national monitoring information system's 风险类型): the codes are ours, the labels and
 * their order the national system's.
 */
export const NATIONAL_RISK_TYPES: readonly NationalRiskType[] = [
  national('illness', '因病', 'Illness'),
  national('schooling-cost', '因学', 'Schooling cost'),
  national('disability', '因残', 'Disability'),
  national('natural-disaster', '因自然灾害', 'Natural disaster', ['因灾']),
  national('accident', '因意外事故', 'Accident', ['因意外']),
  national('failed-industry-project', '因产业项目失败', 'Failed industry project', ['因产业失败']),
  national('unstable-work', '因务工就业不稳', 'Unstable work', ['因就业不稳', '务工就业不稳']),
  national('lack-of-labour', '缺劳动力', 'Lack of labour', ['缺劳力']),
  national('housing-insecure', '住房出现安全问题', '3+1: housing not safe', ['住房安全问题', '住房不安全'], true),
  national('drinking-water-insecure', '饮水安全问题', '3+1: drinking water not safe', ['饮水不安全'], true),
  national(
    'education-not-secured',
    '义务教育保障问题',
    '3+1: compulsory education not secured (a child out of school)',
    ['家庭成员中有义务教育阶段适龄儿童少年失学辍学', '失学辍学'],
    true,
  ),
  national(
    'medical-not-secured',
    '基本医疗保障问题',
    '3+1: basic medical care not secured (a member uninsured)',
    ['家庭成员未参加城乡居民基本医疗保险', '未参加基本医疗保险'],
    true,
  ),
  national('other', '其他', 'Other'),
];

const NATIONAL_CODES: ReadonlySet<string> = new Set(NATIONAL_RISK_TYPES.map((t) => t.code));

/** Whether a code is on the national list. */
export function isNationalRiskType(code: string): boolean {
  return NATIONAL_CODES.has(code);
}

/** Whether a value is a well-formed risk type code (national or province), whatever lists know it. */
export function isRiskTypeCode(value: unknown): value is RiskTypeCode {
  return typeof value === 'string' && value.length <= RISK_TYPE_CODE_MAX_LENGTH && RISK_TYPE_CODE_PATTERN.test(value);
}

/** A province's full code from its local part: `51` and `farm-price-drop` give `51.farm-price-drop`. */
export function provinceRiskTypeCode(provinceCode: string, localCode: string): RiskTypeCode {
  return `${provinceCode}.${localCode}`;
}

/** The national list plus a province's own types, national first; what a household of that province may report. */
export function riskTypesFor(provinceTypes: readonly RiskType[]): readonly RiskType[] {
  return [
    ...NATIONAL_RISK_TYPES.map(({ code, label, provinceCode, threePlusOne }) => ({
      code,
      label,
      provinceCode,
      threePlusOne,
    })),
    ...provinceTypes,
  ];
}

/**
 * The code of a label as a sheet writes it (`因病`, `因灾`), the code itself (`illness`), or a
 * province type's label; undefined when nothing matches.
 */
export function riskTypeCodeOf(text: string, provinceTypes: readonly RiskType[]): RiskTypeCode | undefined {
  const value = text.trim();
  const found =
    NATIONAL_RISK_TYPES.find((t) => t.code === value || t.label['zh-CN'] === value || t.aliases.includes(value)) ??
    provinceTypes.find((t) => t.code === value || t.label['zh-CN'] === value);
  return found?.code;
}
