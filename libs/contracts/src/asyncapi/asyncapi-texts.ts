import { DEAD_LETTER_HEADER_NAMES } from '../contract-registry';

// Chinese first, English alongside, as every public document of the project.

/**
 * Corrections made in place while the contracts are 0.x (DESIGN.md "Messaging"), newest first,
 * each `中文 / English`. After the first release a change like these is a new version instead.
 */
export const CONTRACT_CHANGES: readonly string[] = [
  '0.x 议题 12：新增监测帮扶服务的集成事件（主题 `relapsewatch.assistance.events.v1`，来源 `/relapse-watch/assistance`）：`MonitoringCaseOpened.v1`、`LeadDismissed.v1`、`MonitoringSubjectIdentified.v1`、`IdentificationRejected.v1`、`MonitoringCaseOverdue.v1`、`EliminationProposed.v1`、`EliminationRefused.v1`、`EliminationRejected.v1`、`RiskEliminated.v1`、`MonitoringCaseReopened.v1`、`AssistanceMeasurePlanned.v1`、`AssistanceMeasureStarted.v1`、`AssistanceMeasureEnded.v1`、`AssistanceMeasureCancelled.v1`。消息键为农户编号（一户的各次监测及返贫新案例保持顺序），CloudEvents `subject` 为案例编号：首个键与主题不同的契约，契约的 `subject` 单独说明。办理人只发布角色；干部填写的理由、核实情况、成效说明等自由文本不发布。 / ' +
    '0.x, issue 12: assistance events added (topic `relapsewatch.assistance.events.v1`, source `/relapse-watch/assistance`): `MonitoringCaseOpened.v1`, `LeadDismissed.v1`, `MonitoringSubjectIdentified.v1`, `IdentificationRejected.v1`, `MonitoringCaseOverdue.v1`, `EliminationProposed.v1`, `EliminationRefused.v1`, `EliminationRejected.v1`, `RiskEliminated.v1`, `MonitoringCaseReopened.v1`, `AssistanceMeasurePlanned.v1`, `AssistanceMeasureStarted.v1`, `AssistanceMeasureEnded.v1`, `AssistanceMeasureCancelled.v1`. Keyed by the household id (a household’s episodes, a relapse’s new case included, stay in order); the CloudEvents `subject` is the case id: the first contracts whose subject is not their key, each stating its subject. The actor appears as a role only; the free texts officials type (reasons, findings, outcomes) are not published.',
  '0.x 议题 11：新增排查服务的集成事件（主题 `relapsewatch.inspection.events.v1`，来源 `/relapse-watch/inspection`）：`CampaignLaunched.v1`（键为排查活动编号 `<省级代码>-<年度>`）、`InspectionTeamFormed.v1` 与 `InspectionTeamChanged.v1`（键为工作队编号，载荷为完整工作队）、`HouseholdInspectionCompleted.v1`、`HouseholdFlaggedAtRisk.v1`、`DataQualityIssueRaised.v1`、`DataQualityIssueResolved.v1`、`RectificationItemRaised.v1`、`RectificationItemClosed.v1`（键为农户编号）。排查结论只发布固定答案，不发布备注和佐证材料；干部填写的理由和说明为自由文本，不得含个人信息。 / ' +
    '0.x, issue 11: inspection events added (topic `relapsewatch.inspection.events.v1`, source `/relapse-watch/inspection`): `CampaignLaunched.v1` (keyed by the campaign id `<provinceCode>-<year>`), `InspectionTeamFormed.v1` and `InspectionTeamChanged.v1` (keyed by the team id, carrying the whole team), `HouseholdInspectionCompleted.v1`, `HouseholdFlaggedAtRisk.v1`, `DataQualityIssueRaised.v1`, `DataQualityIssueResolved.v1`, `RectificationItemRaised.v1`, `RectificationItemClosed.v1` (keyed by the household id). Findings carry fixed answers only, never notes or evidence references; the reasons and resolutions officials type are free text that must not carry personal data.',
  '议题 10：`HouseholdMembersChanged.v1` 的 `personal` 不再含姓名和身份证号明文，改为取数地址 `ref`（需 `personal.read` 权限，每次取数记录在案）和每名成员身份证号的加盐哈希 `residentIdHash`（该户个人信息删除后重新发布时为 null）。Kafka 会保留消息数日，订阅方也会复制，只有这样删除密钥后才不留可读的个人信息。 / ' +
    'Issue 10: `HouseholdMembersChanged.v1` `personal` no longer carries names and ID numbers in plain text: it carries the path `ref` to fetch them (scope `personal.read`, every fetch recorded) and each member’s salted ID hash `residentIdHash` (null when republished after the household’s personal data was erased). Kafka keeps messages for days and subscribers copy them: only so does erasing the key leave nothing readable behind.',
  '议题 9：`HouseholdIncomeRecorded.v1` 的 `components` 改为 `grossBusinessFen`（生产经营性收入为毛收入）、`propertyFen`、`transferFen`，费用只扣一次；`residentMembers` 改为 `divisorRule` + `divisorMembers`（人均口径为省年度政策，默认家庭人口）；`perCapitaNetIncomeFen` 可为 null；新增 `reason`：成员变化使人均人数变化时以 `membership-changed` 再次发布（含 `effectiveOn` 与此前的人均值）。选择再次发布同一事件而非新事件：订阅方按“忽略未知类型”处理新事件时会保留过时的人均值。 / ' +
    'Issue 9: `HouseholdIncomeRecorded.v1` `components` renamed to `grossBusinessFen` (business income is gross), `propertyFen`, `transferFen`, costs subtracted once; `residentMembers` replaced by `divisorRule` + `divisorMembers` (the divisor is the province-year policy, household members by default); `perCapitaNetIncomeFen` may be null; new `reason`: republished as `membership-changed` (with `effectiveOn` and the previous figure) when a membership change moves the divisor. The same event rather than a new one, because a subscriber ignoring unknown types would otherwise keep a stale per-capita figure.',
  '议题 9：户类型不再有 `monitored`（监测对象是监测帮扶服务的监测案例，不是户类型），`yearLeftPoverty` 限 2014–2020（`HouseholdRegistered.v1`、`HouseholdStatusChanged.v1`）。 / ' +
    'Issue 9: the status has no `monitored` any more (being a monitoring subject is the assistance service’s monitoring case, not a status); `yearLeftPoverty` is 2014–2020 (`HouseholdRegistered.v1`, `HouseholdStatusChanged.v1`).',
  '议题 9：`HouseholdRiskReported.v1` 的 `kind` 由封闭枚举改为风险类型代码（全国清单见 schema 说明，省可增补 `<省级代码>.<词>`），订阅方不得拒绝未知代码。 / ' +
    'Issue 9: `HouseholdRiskReported.v1` `kind` is a risk type code instead of a closed enum (the national list in the schema’s description; provinces add `<province>.<words>`); subscribers must not refuse an unknown code.',
  '议题 9：`HouseholdMembersChanged.v1` 中 `livesInHousehold` 的说明更正：只有省定按常住人口计算人均时才决定人均人数。 / ' +
    'Issue 9: `HouseholdMembersChanged.v1` `livesInHousehold` description corrected: it decides the per-capita divisor only where the province divides by resident members.',
  '议题 9：新增 `HouseholdLegacyMonitoringRecordNoted.v1`：导入表中监测户行申报的监测信息，供监测帮扶服务导入。 / ' +
    'Issue 9: new `HouseholdLegacyMonitoringRecordNoted.v1`: the monitoring columns of imported 监测户 rows, for the assistance service to load.',
  '议题 9：新增 `HouseholdDataQualityWarningsChanged.v1`：登记事实时提出或消除的数据质量警告（身份证号前六位未知、6–15 岁儿童未在校而义务教育记为有保障、年龄与在校阶段不符、农户登记在居委会），附证据和全部未消除警告；规则是公开的代码而非封闭枚举。身份证号前六位未知不再拒绝，改为此警告。 / ' +
    'Issue 9: new `HouseholdDataQualityWarningsChanged.v1`: a data-quality warning raised or cleared when facts are recorded (unknown resident-ID prefix, a child of 6–15 out of school while compulsory education is recorded as secured, age against schooling stage, a rural household in an urban residents’ committee), with its evidence and every open warning; the rule is a documented, open code, not a closed enum. An unknown resident-ID prefix is no longer refused: it is this warning.',
];

/** Title of the AsyncAPI document. */
export const ASYNCAPI_TITLE = '防止返贫动态监测系统 集成事件 · Relapse Watch integration events';

const dlqHeaders = Object.values(DEAD_LETTER_HEADER_NAMES)
  .map((name) => `\`${name}\``)
  .join('、');

/** Description of the AsyncAPI document (Markdown). */
export const ASYNCAPI_DESCRIPTION = [
  '防止返贫动态监测和帮扶系统向其他政府系统（民政、医保、教育、人社等）发布的集成事件。',
  '',
  '- **格式**：CloudEvents 1.0 结构化模式（`content-type: application/cloudevents+json`），Kafka 消息值即完整事件；`data` 的结构由 `dataschema` 指向的 JSON Schema（2020-12）规定，且不允许多余字段。',
  '- **主题与顺序**：每个业务上下文一个主题 `relapsewatch.<context>.events.v1`；消息键为聚合编号（农户编号；排查工作队编号；省级政策和排查活动为 `<省级代码>-<年度>`），同一键的事件按发生顺序投递。监测帮扶事件的键为农户编号、`subject` 为案例编号。',
  '- **投递**：至少一次。订阅方须按 CloudEvents `id` 幂等处理，并与处理结果在同一次写入中记录已处理的 `id`。',
  `- **死信**：订阅方多次重试仍无法处理的消息转入 \`<topic>.dlq\`，保留原键、值和头，并附加 ${dlqHeaders}；订阅方随后继续处理后续消息。`,
  '- **版本**：不兼容的变更（删改字段、增加必填字段、扩充枚举）发布为新版本（`type` 以 `.v2` 结尾、新的 `dataschema`），旧版本在过渡期内并行发布。',
  '- **个人信息**：事件不含姓名、公民身份号码、电话明文；载荷顶层的 `personal` 对象只有取数地址和加盐哈希。有 `personal.read` 权限的订阅方凭访问令牌（OAuth 2.0 客户端凭证，`POST /api/auth/token`）取数，每次取数记录为事件。',
  '',
  '**0.x 更正记录**（首次发布前可原地更正）：',
  '',
  '- 新增 `HouseholdDataQualityWarningsChanged.v1`（农户数据质量预警已变化）：记录事实时产生或消除的数据质量预警（身份证地址码未知、适龄儿童失学而义务教育记为有保障、年龄与在校状况不符、农户登记在城镇居委会），含依据和全部未消除的预警；规则代码为文档列明的开放代码，不是封闭枚举。身份证号码地址码未知不再拒收，改为预警。',
  '',
  'Integration events the poverty-relapse monitoring system publishes to other government systems (civil affairs, health insurance, education, human resources…).',
  '',
  '- **Format**: CloudEvents 1.0 in structured mode (`content-type: application/cloudevents+json`): the Kafka message value is the whole event; `data` follows the closed JSON Schema (2020-12) its `dataschema` names.',
  '- **Topics and order**: one topic per context, `relapsewatch.<context>.events.v1`, keyed by the aggregate id (the household id; the team id; `<provinceCode>-<year>` for province policy and the campaign), so events with one key arrive in order. Assistance events are keyed by the household id, their `subject` is the case id.',
  '- **Delivery**: at least once. Consumers are idempotent on the CloudEvents `id`, stored in the same write as their effects.',
  `- **Dead letters**: a message a consumer cannot handle after bounded retries goes to \`<topic>.dlq\` with its key, value and headers plus ${dlqHeaders.replace(/、/g, ', ')}; the consumer moves on.`,
  '- **Versions**: a breaking change (removing or changing a field, a new required field, a new enum word) is a new version (`type` ending `.v2`, a new `dataschema`), published alongside the old one during the transition.',
  '- **Personal data**: no names, resident ID numbers or phone numbers in plain text; the payload’s top-level `personal` object holds only the path to fetch them and salted hashes. A subscriber with the `personal.read` scope fetches them with its access token (OAuth 2.0 client credentials, `POST /api/auth/token`); every fetch is recorded as an event.',
  '',
  '## 变更记录 / Changes',
  '',
  '0.x 期间的就地更正 / Corrections in place while the contracts are 0.x:',
  '',
  ...CONTRACT_CHANGES.map((change) => `- ${change}`),
].join('\n');

/** Description of a dead-letter channel. */
export function deadLetterDescription(topic: string): string {
  return (
    `\`${topic}\` 的死信主题：订阅方重试后仍无法处理的消息，原键、值和头不变，另加 ${dlqHeaders}。 / ` +
    `Dead-letter topic of \`${topic}\`: messages a consumer could not handle after bounded retries, with their key, value and headers unchanged plus the dead-letter headers.`
  );
}
