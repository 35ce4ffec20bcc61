import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshots, seriousViolations, VIEWPORTS } from './browser';
import { startEmbeddedApp, type EmbeddedApp } from './embedded-app';

// Monitoring cases, a household's audit timeline and user administration in a browser, on a
// fresh embedded process of the demo county (平昌县 511923), which has no case: beforeAll makes
// three through the assistance API as the officials of each level would (the inspector takes the
// leads and records the field steps, the township accepts and reviews, the county decides), with
// known dates. The figures asserted on screen are computed here from those dates.

let app: EmbeddedApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

const VILLAGE = '511923101201'; // one of inspector.demo's villages, in 响滩镇
const PASSWORD: Record<string, string> = {
  'inspector.demo': 'xiangtan-inspector-cases-2026',
  'township.demo': 'xiangtan-township-cases-2026',
  'county.demo': 'pingchang-county-cases-2026',
  'auditor.demo': 'sichuan-auditor-cases-2026',
  'admin.demo': 'sichuan-admin-cases-2026',
};
const CONFIRMED = '核实属实 / confirmed';

// ---- dates, counted as the service counts them (民法典: the day of the act does not count) ----
// November and December 2026 hold no public holiday and no make-up working day in the State
// Council's schedule, so there a working day is a weekday.

const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoOf = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => isoOf(new Date(dayOf(iso).getTime() + days * 86_400_000));
const isWeekday = (iso: string) => ![0, 6].includes(dayOf(iso).getUTCDay());
/** `days` working days after `start`. */
function addWorkingDays(start: string, days: number): string {
  let day = start;
  for (let left = days; left > 0;) {
    day = addDays(day, 1);
    if (isWeekday(day)) left -= 1;
  }
  return day;
}
/** `days` calendar days after `start`, moved on to a working day. */
function addCalendarDays(start: string, days: number): string {
  let day = addDays(start, days);
  while (!isWeekday(day)) day = addDays(day, 1);
  return day;
}
/** Working days after `from` up to and including `to`; null where the shipped calendar ends (2026). */
function workingDaysLeft(from: string, to: string): number | null {
  if (from.slice(0, 4) > '2026' || to.slice(0, 4) > '2026') return null;
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWeekday(day)) count += 1;
  return count;
}
/** Today where the officials work (the service's clock is Beijing time). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** What the days-left cell reads for a deadline not done. */
function daysLeftText(dueOn: string): string {
  const now = today();
  if (now > dueOn) return '已超期';
  const left = workingDaysLeft(now, dueOn);
  return left === null ? '日历未收录该年' : `${left} 个工作日`;
}

// The national defaults (no Sichuan policy is set): accept within 2 calendar days, verify at home
// within 5 working days of acceptance, the whole procedure within 20 working days of acceptance.
const OVERDUE_LEAD_ON = '2026-11-02';
const OVERDUE_ACCEPT_BY = addCalendarDays(OVERDUE_LEAD_ON, 2);
const RUNNING_LEAD_ON = '2026-11-20';
const RUNNING_ACCEPTED_ON = '2026-11-23';
const RUNNING_PROCEDURE_BY = addWorkingDays(RUNNING_ACCEPTED_ON, 20);

// ---- the API, as the officials' own clients would call it ----

const tokens = new Map<string, string>();

async function call(method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>) };
}

/** Changes the demo user's one-time password and signs in: their access token. */
async function tokenOf(signInName: string): Promise<string> {
  const known = tokens.get(signInName);
  if (known !== undefined) return known;
  const changed = await call('POST', '/api/auth/password', {
    signInName,
    password: app.oneTimePasswords.get(signInName),
    newPassword: PASSWORD[signInName],
  });
  expect(changed.status).toBe(204);
  const signed = await call('POST', '/api/auth/sign-in', { signInName, password: PASSWORD[signInName] });
  expect(signed.status).toBe(200);
  tokens.set(signInName, signed.body!['access_token'] as string);
  return tokens.get(signInName)!;
}

async function as(signInName: string, method: string, path: string, body?: unknown) {
  const res = await call(method, path, body, await tokenOf(signInName));
  expect({ path, status: res.status, body: res.status < 300 ? null : res.body }).toEqual({
    path,
    status: method === 'GET' ? 200 : 201,
    body: null,
  });
  return res.body!;
}

async function lead(householdId: string, on: string, referenceId: string): Promise<string> {
  const opened = await as('inspector.demo', 'POST', '/api/assistance/leads', {
    householdId,
    source: 'cadre-inspection',
    referenceId,
    summary: '因病支出大 / large medical spending',
    on,
  });
  return opened['id'] as string;
}
const step = (who: string, caseId: string, path: string, body: Record<string, unknown>) =>
  as(who, 'POST', `/api/assistance/cases/${caseId}/${path}`, body);

/** Polls until `check` holds (the read models catch up with the writes). */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const value = await read();
    if (check(value) || attempt >= 100) return value;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

const cases = { overdue: '', running: '', identified: '' };
let identifiedHousehold = '';

beforeAll(async () => {
  // The deadline watcher every second, so the case past its deadline is marked (the overdue filter).
  [app, browser] = await Promise.all([
    startEmbeddedApp(150_000, { DEADLINE_WATCH_INTERVAL_MS: '1000' }),
    launchChromium(),
  ]);
  const households = await as(
    'inspector.demo',
    'GET',
    `/api/registry/households?divisionCode=${VILLAGE}&limit=3&offset=0`,
  );
  const [h1, h2, h3] = (households['items'] as { household: { householdId: string } }[]).map(
    (row) => row.household.householdId,
  );

  // 1. A lead nobody accepted: overdue since the day after its accept-by day.
  cases.overdue = await lead(h1!, OVERDUE_LEAD_ON, 'cadre-report-1');

  // 2. Accepted and verified at home: the whole procedure's limit runs.
  cases.running = await lead(h2!, RUNNING_LEAD_ON, 'cadre-report-2');
  await step('township.demo', cases.running, 'acceptance', { on: RUNNING_ACCEPTED_ON, reason: CONFIRMED });
  await step('inspector.demo', cases.running, 'home-verification', {
    on: '2026-11-25',
    consentSigned: true,
    findings: '住院自付费用高 / high self-paid hospital costs',
  });

  // 3. Identified by the county after every step, with a measure planned.
  identifiedHousehold = h3!;
  cases.identified = await lead(h3!, OVERDUE_LEAD_ON, 'cadre-report-3');
  const id = cases.identified;
  await step('township.demo', id, 'acceptance', { on: '2026-11-02', reason: CONFIRMED });
  await step('inspector.demo', id, 'home-verification', {
    on: '2026-11-03',
    consentSigned: true,
    findings: '住院自付费用高 / high self-paid hospital costs',
  });
  await step('township.demo', id, 'department-comparison', {
    on: '2026-11-04',
    results: [{ department: 'civil-affairs', finding: 'consistent' }],
  });
  await step('inspector.demo', id, 'village-review', {
    on: '2026-11-05',
    outcome: 'approved',
    minutesRef: '村评〔2026〕12号',
    vote: { inFavour: 9, against: 1, abstained: 0 },
    reason: CONFIRMED,
  });
  await step('inspector.demo', id, 'public-notice', { on: '2026-11-05' });
  await step('inspector.demo', id, 'public-notice/closure', { on: '2026-11-12' });
  await step('township.demo', id, 'township-review', { on: '2026-11-13', outcome: 'approved', reason: CONFIRMED });
  await step('county.demo', id, 'identification', {
    on: '2026-11-16',
    category: 'marginal-prone-to-poverty',
    riskTypes: ['illness'],
    reason: '因病支出大 / large medical spending',
  });
  await step('inspector.demo', id, 'measures', {
    category: 'health',
    kind: '医疗救助 / medical assistance',
    responsibleDepartment: '县医保局 / county health insurance bureau',
    plannedStart: '2026-11-20',
    plannedEnd: '2026-12-31',
    amountFen: 500_000,
  });

  // The list has caught up with all three, and the watcher has marked the first.
  const county = await tokenOf('county.demo');
  const listed = await eventually(
    () => call('GET', '/api/assistance/cases?divisionCode=511923000000&limit=20', undefined, county),
    (res) => (res.body?.['items'] as { phase: string }[] | undefined)?.some((c) => c.phase === 'identified') ?? false,
  );
  expect(listed.body!['total']).toBe(3);
  const marked = await eventually(
    () => call('GET', '/api/assistance/overdue?divisionCode=511923000000', undefined, county),
    (res) => (res.body?.['total'] as number | undefined) === 1,
  );
  expect((marked.body!['items'] as { caseId: string }[]).map((c) => c.caseId)).toEqual([cases.overdue]);
}, 420_000);

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await app?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.url, viewport: VIEWPORTS.desktop, locale: 'zh-CN' });
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, signInName: string, password: string): Promise<void> {
  await page.getByLabel('登录名').fill(signInName);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page
    .getByRole('button', { name: '登 录' })
    .or(page.getByRole('button', { name: '登录' }))
    .click();
}

/** A first sign-in in the browser: the one-time password, then the change form. */
async function firstSignIn(page: Page, signInName: string, oneTimePassword: string, newPassword: string) {
  await signIn(page, signInName, oneTimePassword);
  await page.getByRole('heading', { name: '首次登录：请修改一次性密码' }).waitFor();
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('再次输入新密码').fill(newPassword);
  await page.getByRole('button', { name: '修改密码并登录' }).click();
}

const rowOf = (page: Page, caseId: string) =>
  page.locator('.ant-table-tbody tr.ant-table-row').filter({ has: page.locator(`a[href="/cases/${caseId}"]`) });

describe('monitoring cases, the audit timeline and user administration in a browser', () => {
  it('shows a county official the cases with their step, working days left and a red tag where a deadline passed', async () => {
    const page = await newPage();
    await page.goto('/cases');
    await signIn(page, 'county.demo', PASSWORD['county.demo']!);
    await page.getByRole('heading', { name: '监测对象认定 · 平昌县' }).waitFor();
    await page.getByText('共 3 件').waitFor();
    expect(await page.getByRole('navigation', { name: '主菜单' }).getByRole('link').allTextContents()).toEqual([
      '农户档案',
      '排查总览',
      '分级统计',
      '重点区域',
      '监测对象认定',
      '数据质量问题',
      '整改台账',
    ]);

    const overdue = rowOf(page, cases.overdue);
    expect(await overdue.locator('td').nth(1).textContent()).toBe('线索待受理待办: 线索受理');
    expect(await overdue.locator('td').nth(2).textContent()).toBe(`受理期限：${OVERDUE_ACCEPT_BY} 前`);
    await overdue.locator('.overdue-tag', { hasText: '已超期' }).waitFor();

    const running = rowOf(page, cases.running);
    expect(await running.locator('td').nth(1).textContent()).toBe('已入户核实待办: 部门信息比对');
    expect(await running.locator('td').nth(2).textContent()).toBe(`认定程序期限：${RUNNING_PROCEDURE_BY} 前`);
    expect(await running.locator('td').nth(3).textContent()).toBe(daysLeftText(RUNNING_PROCEDURE_BY));

    const identified = rowOf(page, cases.identified);
    expect(await identified.locator('td').nth(1).textContent()).toBe('已认定待办: 提出风险消除');
    expect(await identified.locator('td').nth(2).textContent()).toBe('无待办期限');
    expect(await identified.locator('td').nth(4).textContent()).toBe('边缘易致贫户');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'cases');

    // Only the overdue ones, from the server: the case the watcher marked.
    await page.getByRole('checkbox', { name: '仅看已超期' }).click();
    await page.waitForURL(/overdue=1/);
    await page.getByText('共 1 件').waitFor();
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await rowOf(page, cases.overdue).waitFor();

    // By step: the identified case alone.
    await page.getByRole('checkbox', { name: '仅看已超期' }).click();
    await page.getByText('共 3 件').waitFor();
    // By keyboard: focus, type to search, Enter.
    await page.getByRole('combobox', { name: '办理环节' }).focus();
    await page.keyboard.type('已认定');
    await page.keyboard.press('Enter');
    await page.waitForURL(/phase=identified/);
    await page.getByText('共 1 件').waitFor();
    await rowOf(page, cases.identified).getByRole('link').click();

    // The case: its steps with who and why, its deadlines, its plan.
    await page.getByRole('heading', { name: /^案件详情 · / }).waitFor();
    await page.getByRole('heading', { name: '办理过程' }).waitFor();
    const history = page.locator('.ant-card', { has: page.getByRole('heading', { name: '办理过程' }) });
    const historyRows = history.locator('.ant-table-tbody tr.ant-table-row');
    expect(await historyRows.count()).toBe(9);
    expect(await historyRows.first().locator('td').allTextContents()).toEqual([
      '2026-11-02',
      '立案（收到线索）',
      '村级排查员',
      '—',
    ]);
    expect(await historyRows.nth(1).locator('td').allTextContents()).toEqual([
      '2026-11-02',
      '受理',
      '乡镇干部',
      CONFIRMED,
    ]);
    expect(await historyRows.last().locator('td').allTextContents()).toEqual([
      '2026-11-16',
      '县级认定',
      '县级干部',
      '因病支出大 / large medical spending',
    ]);
    const deadlines = page.locator('.ant-card', { has: page.getByRole('heading', { name: '办理期限' }) });
    expect(await deadlines.locator('.ant-table-tbody tr.ant-table-row td:first-child').allTextContents()).toEqual([
      '受理期限',
      '入户核实期限',
      '认定程序期限',
    ]);
    expect(await deadlines.getByText('已办').count()).toBe(3);
    const plan = page.locator('.ant-card', { has: page.getByRole('heading', { name: '帮扶计划' }) });
    expect(await plan.locator('.ant-table-tbody tr.ant-table-row td').allTextContents()).toEqual([
      '医疗救助 / medical assistance',
      '健康',
      '县医保局 / county health insurance bureau',
      '2026-11-20',
      '计划中',
      '5,000.00',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'case');
  });

  it('shows an auditor a household’s timeline with the changes the officials made: who, role, why', async () => {
    const page = await newPage();
    await page.goto(`/households/${identifiedHousehold}`);
    await firstSignIn(page, 'auditor.demo', app.oneTimePasswords.get('auditor.demo')!, PASSWORD['auditor.demo']!);
    await page.getByRole('heading', { name: '变更记录' }).waitFor();
    const timeline = page.locator('.audit-timeline');
    await timeline.locator('.ant-timeline-item').first().waitFor();
    // Never inspected: the inspection has no part, and says so.
    await timeline.getByText('集中排查：无记录').waitFor();
    const entries = timeline.locator('.audit-entry');
    const texts = await entries.allTextContents();
    const accepted = texts.find((text) => text.includes('受理线索（2026-11-02）'));
    expect(accepted).toContain('经办人: 乡镇干部');
    expect(accepted).toContain(`理由: ${CONFIRMED}`);
    expect(accepted).toMatch(/关联ID: [0-9a-f-]{36}/);
    const identifiedEntry = texts.find((text) => text.includes('县级审定为监测对象'));
    expect(identifiedEntry).toContain('经办人: 县级干部');
    expect(identifiedEntry).toContain('理由: 因病支出大 / large medical spending');
    // The registry's part (the household's own record) comes before the case, by time.
    expect(texts.findIndex((t) => t.includes('农户档案'))).toBeLessThan(texts.indexOf(accepted!));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'household-audit');
  });

  it('lets an administrator add a user, the server’s refusal beside its field, and the user signs in with the one-time password', async () => {
    const page = await newPage();
    await page.goto('/users');
    await firstSignIn(page, 'admin.demo', app.oneTimePasswords.get('admin.demo')!, PASSWORD['admin.demo']!);
    await page.getByRole('heading', { name: '用户管理' }).waitFor();
    await page.getByText('共 7 个用户').waitFor();
    expect(await page.getByRole('navigation', { name: '主菜单' }).getByRole('link').allTextContents()).toEqual([
      '农户档案',
      '排查总览',
      '分级统计',
      '重点区域',
      '监测对象认定',
      '数据质量问题',
      '整改台账',
      '用户管理',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'users');

    await page.getByRole('button', { name: '新增用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新增用户' });
    // The browser's own checks first: nothing filled in.
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByText('请填写原因').waitFor();
    // A name already taken: the server's 409, shown under the sign-in name.
    await dialog.getByLabel('登录名').fill('county.demo');
    await dialog.getByLabel('角色').click();
    await page.locator('.ant-select-item-option', { hasText: '县级干部' }).click();
    await dialog.getByLabel('所属单位（区划代码）').fill('511923000000');
    await dialog.getByLabel('原因（记入记录）').fill('新任 / newly appointed');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog
      .locator('.ant-form-item', { has: page.getByLabel('登录名') })
      .getByText('该登录名已被使用')
      .waitFor();
    // The message fades in: judge its colours once the motion has ended.
    await page.waitForFunction(() => document.querySelector('[class*="show-help-appear"]') === null);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'users-add-refused');

    await dialog.getByLabel('登录名').fill('county.newcomer');
    await dialog.getByRole('button', { name: '确定' }).click();
    const shown = page.getByRole('dialog', { name: '一次性密码（仅显示这一次）' });
    await shown.waitFor();
    const oneTimePassword = (await shown.locator('.one-time-password code').textContent())!;
    expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{16}$/);
    await shown.getByRole('button', { name: '复制' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'users-one-time-password');
    await shown.getByRole('button', { name: '确定' }).click();
    await page.getByText('共 8 个用户').waitFor();

    const newcomer = await newPage();
    await newcomer.goto('/');
    await firstSignIn(newcomer, 'county.newcomer', oneTimePassword, 'pingchang-newcomer-2026');
    // The landing page, the county's campaign overview.
    await newcomer.getByRole('heading', { name: '排查总览 · 平昌县' }).waitFor();
  });

  it('shows an inspector no users page in the menu, and the 403 state at its address', async () => {
    const page = await newPage();
    await page.goto('/users');
    await signIn(page, 'inspector.demo', PASSWORD['inspector.demo']!);
    await page.getByRole('heading', { name: '无权访问' }).waitFor();
    expect(await page.getByRole('navigation', { name: '主菜单' }).getByRole('link').allTextContents()).toEqual([
      '农户档案',
      '排查总览',
      '分级统计',
      '重点区域',
      '监测对象认定',
      '数据质量问题',
      '整改台账',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'users-forbidden');
  });
});
