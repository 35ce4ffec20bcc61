import { ApiProperty } from '@nestjs/swagger';
import { CASE_PHASES } from '../../domain/monitoring-case/monitoring-case.steps';
import { MONITORING_CATEGORIES, OVERDUE_STEPS } from '../../domain/monitoring-case/monitoring-case.values';

// The answers of the case reads as the API document shows them (the read model's and the case
// state's types, described). Nested records keep their own fields: they are the events' data.

const OBJECT = { type: 'object', additionalProperties: true } as const;
const DATE = { type: String, format: 'date' } as const;
const NULLABLE_DATE = { ...DATE, nullable: true } as const;

/** One case as the lists show it (the case list's document; more fields may follow). */
export class CaseSummaryDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ description: '村级区划代码 / village code' }) villageCode!: string;
  @ApiProperty() countyCode!: string;
  @ApiProperty() townshipCode!: string;
  @ApiProperty({ enum: CASE_PHASES, description: '所处阶段 / phase' }) phase!: string;
  @ApiProperty({ description: '在办（未终止、未消除、未返贫转案）/ still running' }) running!: boolean;
  @ApiProperty({ type: String, nullable: true, description: '待办步骤 / the step waited for' })
  waitingFor!: string | null;
  @ApiProperty({ description: '首条线索来源 / the opening lead’s source' }) leadSource!: string;
  @ApiProperty({ description: '线索数 / leads received' }) leads!: number;
  @ApiProperty({ ...DATE, description: '立案日期 / opened on' }) openedOn!: string;
  @ApiProperty({ ...DATE, description: '受理期限 / accept by' }) acceptBy!: string;
  @ApiProperty({ ...NULLABLE_DATE, description: '入户核实期限 / home verification by' })
  homeVerificationBy!: string | null;
  @ApiProperty({ ...NULLABLE_DATE, description: '整体程序期限 / procedure by' }) procedureBy!: string | null;
  @ApiProperty({ description: '有已标记超期且未办的步骤 / a marked step not done yet' }) overdue!: boolean;
  @ApiProperty({ type: [Object], description: '超期标记 / overdue marks' }) overdueSteps!: object[];
  @ApiProperty({
    type: String,
    enum: MONITORING_CATEGORIES,
    nullable: true,
    description: '认定类别 / category decided',
  })
  category!: string | null;
  @ApiProperty({ type: [String], description: '认定风险类型 / risk types decided' }) riskTypes!: string[];
  @ApiProperty({ ...NULLABLE_DATE, description: '认定日期 / identified on' }) identifiedOn!: string | null;
  @ApiProperty({ ...OBJECT, nullable: true, description: '规则建议（认定结论旁）/ the rules’ suggestion' })
  suggestion!: object | null;
  @ApiProperty({ description: '风险消除被校验拒绝的次数 / elimination requests the guard refused' })
  eliminationRefusals!: number;
  @ApiProperty({ ...NULLABLE_DATE, description: '风险消除日期 / eliminated on' }) eliminatedOn!: string | null;
  @ApiProperty({ type: [String], description: '帮扶计划提示 / the plan’s flags' }) planFlags!: string[];
}

/** A case as the lists answer it: the document and its deadlines as of today. */
export class CaseListItemDto extends CaseSummaryDto {
  @ApiProperty({
    type: () => [CaseDeadlineDto],
    description:
      '各期限（今天起算的剩余工作日；已结束或已转返贫案件视为已办）/ the deadlines, working days left from today; done once the case ended or relapsed',
  })
  deadlines!: CaseDeadlineDto[];
}

/** A page of cases. */
export class CaseListPageDto {
  @ApiProperty({ type: [CaseListItemDto] }) items!: CaseListItemDto[];
  @ApiProperty({ description: '符合条件的总数 / how many match in all' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

/** A page of a review list, with what it was computed for. */
export class ReviewListPageDto extends CaseListPageDto {
  @ApiProperty({ ...DATE, description: '截至日期 / as of' }) asOf!: string;
  @ApiProperty({ type: Number, enum: [1, 2], description: '监测满几年 / full years monitored' }) years!: number;
}

/** One deadline of a case. */
export class CaseDeadlineDto {
  @ApiProperty({ enum: OVERDUE_STEPS, description: '受理、入户核实、整体程序 / accept, home verification, procedure' })
  step!: string;
  @ApiProperty({ ...DATE, description: '期限 / due on' }) dueOn!: string;
  @ApiProperty({ description: '已办 / done' }) done!: boolean;
  @ApiProperty({ description: '已过期限未办 / past its day, not done' }) overdue!: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      '剩余工作日（按法定节假日和调休日历；已办或日历未收录该年份时为空）/ working days left by the holiday calendar; null when done or the year has no schedule',
  })
  workingDaysLeft!: number | null;
}

/** A case's assistance plan. */
export class CasePlanDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ description: '已有措施 / a measure was planned' }) opened!: boolean;
  @ApiProperty({
    type: [String],
    description:
      '计划提示：有劳动能力缺发展类措施、无劳动能力缺兜底保障 / flags: development measure or social-security support missing',
  })
  flags!: string[];
  @ApiProperty({
    type: 'array',
    items: OBJECT,
    description: '各项措施（计划、状态、实际起止、成效、取消、延续）/ every measure as it stands',
  })
  measures!: object[];
}

/** The procedure as the case's stream knows it: each step's record carries who (actor), when (on) and why (reason). */
export class CaseProcedureDto {
  @ApiProperty({ ...OBJECT, description: '立案（线索、规则建议、受理期限）/ the opening' }) opening!: object;
  @ApiProperty({ type: 'array', items: OBJECT, description: '全部线索 / every lead' }) leads!: object[];
  @ApiProperty({ type: 'array', items: OBJECT, description: '超期标记 / overdue marks' }) overdue!: object[];
  @ApiProperty({ ...DATE, description: '最近步骤日期 / the latest step’s day' }) lastOn!: string;
  @ApiProperty({ ...OBJECT, description: '识别程序各步骤 / the identification’s steps' }) identification!: object;
  @ApiProperty({ type: 'array', items: OBJECT, description: '公示 / notices' }) notices!: object[];
  @ApiProperty({ type: 'array', items: OBJECT, description: '异议及处理 / objections' }) objections!: object[];
  @ApiProperty({ type: 'array', items: OBJECT, description: '风险消除被拒及原因 / refused eliminations with reasons' })
  eliminationRefusals!: object[];
  @ApiProperty({ ...OBJECT, nullable: true, description: '风险消除程序 / the elimination under way or granted' })
  elimination!: object | null;
  @ApiProperty({ type: 'array', items: OBJECT, description: '未通过的风险消除 / eliminations turned down' })
  rejectedEliminations!: object[];
  @ApiProperty({ type: 'array', items: OBJECT, description: '消除后回访 / follow-up visits' })
  followUpVisits!: object[];
  @ApiProperty({ ...OBJECT, nullable: true, description: '返贫转入的新案件 / the relapse link' }) relapse!:
    object | null;
}

/** One case with its procedure, deadlines and plan. */
export class CaseDetailDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty() villageCode!: string;
  @ApiProperty({ enum: CASE_PHASES }) phase!: string;
  @ApiProperty({ type: String, nullable: true, description: '待办步骤 / the step waited for' }) waitingFor!:
    string | null;
  @ApiProperty({ ...DATE, description: '今天（剩余工作日的起算日）/ today, what days left count from' }) today!: string;
  @ApiProperty({
    ...OBJECT,
    nullable: true,
    description:
      '列表文档；读模型尚未更新到该案件时为空 / the list’s document; null while the read model has not reached the case',
  })
  summary!: object | null;
  @ApiProperty({ type: CaseProcedureDto }) procedure!: CaseProcedureDto;
  @ApiProperty({ type: [CaseDeadlineDto] }) deadlines!: CaseDeadlineDto[];
  @ApiProperty({ type: CasePlanDto }) plan!: CasePlanDto;
}
