import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshots, seriousViolations, VIEWPORTS } from './browser';
import { startEmbeddedApp, type EmbeddedApp } from './embedded-app';

// The data-quality and rectification lists in a browser (issue 14). The demo county has no
// campaign: beforeAll launches Sichuan's 2024 campaign and records visits through the public API
// as the officials would (the province official publishes the line and launches; the county
// official visits and accepts the rules' suggestions), in two villages of the inspector's
// township's village 511923101201 and three elsewhere in the county. Every figure checked on
// screen is counted from the PLAN below, not read back from the page.

let app: EmbeddedApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

const INSPECTOR_VILLAGE = '511923101201';
const CAMPAIGN = '51-2024';
const PASSWORDS = {
  'province.demo': 'quality-province-2026',
  'county.demo': 'quality-county-2026',
  'inspector.demo': 'quality-inspector-2026',
} as const;
const WHY = { reason: '入户核实属实 / confirmed at the visit' };

/** Each household visited: in the inspector's village or not, and which suggestions the county accepts. */
interface Planned {
  readonly inspectorVillage: boolean;
  readonly issue: boolean;
  readonly item: boolean;
  /** The issue is resolved through the API before the pages are opened. */
  readonly resolvedBefore: boolean;
}
const PLAN: readonly Planned[] = [
  { inspectorVillage: true, issue: true, item: true, resolvedBefore: false },
  { inspectorVillage: true, issue: false, item: true, resolvedBefore: false },
  { inspectorVillage: false, issue: true, item: true, resolvedBefore: false },
  { inspectorVillage: false, issue: true, item: false, resolvedBefore: false },
  { inspectorVillage: false, issue: true, item: false, resolvedBefore: true },
];
const count = (pick: (p: Planned) => boolean) => PLAN.filter(pick).length;
const EXPECTED = {
  issues: count((p) => p.issue),
  openIssues: count((p) => p.issue && !p.resolvedBefore),
  items: count((p) => p.item),
  inspectorIssues: count((p) => p.issue && p.inspectorVillage),
  inspectorItems: count((p) => p.item && p.inspectorVillage),
};
const itemIds: string[] = [];
/** Today in Beijing (the server's TIME_ZONE_OFFSET default, +08:00) plus the 15 days of rectification.data-quality. */
const DUE_ON = new Date(Date.now() + 8 * 3_600_000 + 15 * 86_400_000).toISOString().slice(0, 10);

type Answer = { status: number; body: Record<string, unknown> };

async function call(method: string, path: string, token: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

async function ok(answer: Promise<Answer>, what: string, expected = [200, 201]): Promise<Answer> {
  const done = await answer;
  if (!expected.includes(done.status)) throw new Error(`${what}: ${done.status} ${JSON.stringify(done.body)}`);
  return done;
}

/** Until `attempt` answers one of `statuses` (facts and policy reach the inspection over the bus). */
async function eventually(attempt: () => Promise<Answer>, what: string, statuses = [200, 201]): Promise<Answer> {
  let last: Answer | null = null;
  for (let i = 0; i < 300; i++) {
    last = await attempt();
    if (statuses.includes(last.status)) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what}: ${last?.status} ${JSON.stringify(last?.body)}`);
}

/** The demo user's first sign-in through the API: the one-time password changed, then a token. */
async function token(signInName: keyof typeof PASSWORDS): Promise<string> {
  const post = (path: string, body: unknown) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const password = app.oneTimePasswords.get(signInName)!;
  const changed = await post('/api/auth/password', { signInName, password, newPassword: PASSWORDS[signInName] });
  if (!changed.ok) throw new Error(`password ${signInName}: ${changed.status} ${await changed.text()}`);
  const signedIn = await post('/api/auth/sign-in', { signInName, password: PASSWORDS[signInName] });
  if (!signedIn.ok) throw new Error(`sign-in ${signInName}: ${signedIn.status}`);
  return ((await signedIn.json()) as { access_token: string }).access_token;
}

/** Findings of checklist 2024.1 for every area: the record does not match what the visit found. */
const MISMATCH = {
  'relapse-risk': { answers: { 'risk-present': false, 'sudden-hardship': false } },
  income: { answers: { 'per-capita-estimate': 1_500_000, 'income-dropped': false } },
  'assistance-measures': {
    answers: { 'measures-in-place': true, 'development-measure': 'yes', 'new-social-assistance': 'none' },
  },
  'elimination-stability': { answers: { 'monitoring-state': 'not-monitored' } },
  'latent-risks': {
    answers: { 'housing-safe': true, 'drinking-water-safe': true, 'child-dropped-out': false, 'all-insured': true },
  },
  'data-quality': { answers: { 'record-matches': false, 'ledger-matches': true } },
  'policy-awareness': { answers: { 'application-guide': true } },
};

beforeAll(async () => {
  [app, browser] = await Promise.all([startEmbeddedApp(300_000), launchChromium()]);
  const province = await token('province.demo');
  const county = await token('county.demo');
  await ok(
    call('PUT', '/api/registry/policies/51/2024/monitoring-threshold', province, {
      amountYuan: '7200',
      effectiveFrom: '2024-01-01',
      sourceDocument: '川乡振发〔2024〕1号',
    }),
    'threshold',
  );
  const terms = {
    provinceCode: '51',
    year: 2024,
    launchedOn: '2024-09-01',
    teamsInPlaceBy: '2024-09-15',
    inspectBy: '2024-11-30',
    checklistVersion: '2024.1',
    ruleSetVersion: '51-2024.1',
    keyGroupRuleIds: ['key-group.income-drop'],
  };
  await eventually(() => call('POST', '/api/inspection/campaigns', province, terms), 'campaign');

  type Listed = { household: { householdId: string; villageCode: string } };
  const list = async (division: string) =>
    (await ok(call('GET', `/api/registry/households?divisionCode=${division}&limit=100`, county), 'households')).body[
      'items'
    ] as Listed[];
  const inside = (await list(INSPECTOR_VILLAGE)).map((h) => h.household.householdId);
  const outside = (await list('511923000000'))
    .filter((h) => !h.household.villageCode.startsWith('511923101'))
    .map((h) => h.household.householdId);
  let nextInside = 0;
  let nextOutside = 0;
  for (const planned of PLAN) {
    const id = planned.inspectorVillage ? inside[nextInside++]! : outside[nextOutside++]!;
    const path = `/api/inspection/campaigns/${CAMPAIGN}/households/${id}`;
    const visit = { method: 'household-visit', contactedOn: '2024-10-14', findings: MISMATCH, complete: true };
    await eventually(() => call('POST', `${path}/visits`, county, visit), `visit ${id}`);
    const read = await ok(call('GET', path, county), 'inspection');
    const suggestions = read.body['suggestions'] as { suggestion: { suggestionId: string; ruleId: string } }[];
    const idOf = (ruleId: string) => suggestions.find((s) => s.suggestion.ruleId === ruleId)!.suggestion.suggestionId;
    if (planned.issue) {
      const issueId = idOf('data-quality.record-mismatch');
      await ok(call('POST', `${path}/suggestions/${issueId}/acceptance`, county, WHY), 'accept issue');
      if (planned.resolvedBefore)
        await ok(
          call('POST', `${path}/data-quality-issues/${issueId}/resolution`, county, { resolution: '已核对 / checked' }),
          'resolve',
        );
    }
    if (planned.item) {
      const itemId = idOf('rectification.data-quality');
      itemIds.push(itemId);
      await ok(call('POST', `${path}/suggestions/${itemId}/acceptance`, county, WHY), 'accept item');
    }
  }
}, 600_000);

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

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

describe('the data-quality and rectification lists in a browser', () => {
  it('shows the county official the county’s issues, resolves one, and it moves to closed', async () => {
    const page = await newPage();
    await page.goto('/data-quality');
    await signIn(page, 'county.demo', PASSWORDS['county.demo']);
    await page.getByRole('heading', { name: '数据质量问题 · 平昌县' }).waitFor();
    await page.getByText(`共 ${EXPECTED.issues} 条`).waitFor();
    expect(await page.getByRole('navigation', { name: '主菜单' }).getByRole('link').allTextContents()).toEqual([
      '农户档案',
      '排查总览',
      '分级统计',
      '重点区域',
      '监测对象认定',
      '数据质量问题',
      '整改台账',
    ]);
    expect(await page.getByRole('combobox', { name: '排查活动' }).locator('..').textContent()).toContain(
      '2024 年集中排查',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'data-quality');

    // Open only, chosen by keyboard.
    await page.getByRole('combobox', { name: '办理状态' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.ant-select-item-option-active[title="全部状态"]').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/status=open/);
    await page.getByText(`共 ${EXPECTED.openIssues} 条`).waitFor();

    // Resolve the first: an empty reason is refused by the form, then the issue is resolved.
    await rows(page).first().getByRole('button', { name: '解决' }).click();
    const dialog = page.getByRole('dialog', { name: '解决数据质量问题' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.getByText('请填写处理结果').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'data-quality-resolve');
    await dialog.getByLabel('处理结果').fill('已按实际更正档案 / record corrected');
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`共 ${EXPECTED.openIssues - 1} 条`).waitFor();

    await page.goto('/data-quality?status=closed');
    await signIn(page, 'county.demo', PASSWORDS['county.demo']);
    await page.getByText(`共 ${EXPECTED.issues - EXPECTED.openIssues + 1} 条`).waitFor();
    await page.getByText('已按实际更正档案 / record corrected').first().waitFor();
  });

  it('lists the rectification items, overdue after their deadline, and downloads them as XLSX', async () => {
    const page = await newPage();
    await page.goto('/rectification');
    await signIn(page, 'county.demo', PASSWORDS['county.demo']);
    await page.getByRole('heading', { name: '整改事项台账 · 平昌县' }).waitFor();
    await page.getByText(`共 ${EXPECTED.items} 条`).waitFor();
    // The rules found the mismatch today (the visit's upload): the township has 15 days from today.
    expect(await rows(page).count()).toBe(EXPECTED.items);
    for (const row of await rows(page).all()) {
      expect(await row.textContent()).toContain(DUE_ON);
      expect(await row.textContent()).toContain('未办结');
      expect(await row.textContent()).not.toContain('逾期');
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'rectification');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 XLSX' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('整改事项-51-2024-511923000000.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(EXPECTED.items + 1);
    const ids = [];
    for (let r = 2; r <= sheet.rowCount; r++) ids.push(String(sheet.getRow(r).getCell(1).value));
    expect(ids.sort()).toEqual([...itemIds].sort());
    expect(sheet.getRow(2).getCell(9).value).toBe(DUE_ON);
  });

  it('shows an inspector only their village’s issues and items, without the decisions, and 403 elsewhere', async () => {
    const page = await newPage();
    await page.goto('/data-quality');
    await signIn(page, 'inspector.demo', app.oneTimePasswords.get('inspector.demo')!);
    await page.getByRole('heading', { name: '首次登录：请修改一次性密码' }).waitFor();
    await page.getByLabel('新密码', { exact: true }).fill(PASSWORDS['inspector.demo']);
    await page.getByLabel('再次输入新密码').fill(PASSWORDS['inspector.demo']);
    await page.getByRole('button', { name: '修改密码并登录' }).click();
    await page.getByRole('heading', { name: '数据质量问题 · 响滩镇' }).waitFor();
    await page.getByText(`共 ${EXPECTED.inspectorIssues} 条`).waitFor();
    expect(await page.getByRole('button', { name: '解决' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'data-quality.inspector');

    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '整改台账' }).click();
    await page.getByRole('heading', { name: '整改事项台账 · 响滩镇' }).waitFor();
    await page.getByText(`共 ${EXPECTED.inspectorItems} 条`).waitFor();
    expect(await page.getByRole('button', { name: '销号' }).count()).toBe(0);

    await page.goto('/rectification?division=511923102000');
    await signIn(page, 'inspector.demo', PASSWORDS['inspector.demo']);
    await page.getByRole('heading', { name: '无权访问' }).waitFor();
  });
});
