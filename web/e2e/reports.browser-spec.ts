import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshots, seriousViolations, VIEWPORTS } from './browser';
import { startEmbeddedApp, type EmbeddedApp } from './embedded-app';

// The reports pages (issue 14): a province official's overview and drill-down province → village,
// key regions, exports; an inspector's 403 beyond their villages. The demo county (平昌县, 3,000
// households) has no campaign, so beforeAll runs one through the public API as the province's
// officials would — a line, a campaign, teams in two villages, whole visits on known days — and
// the figures on screen are held against those inputs and the registry's household counts.

const PROVINCE = '510000000000';
const CITY = '511900000000';
const COUNTY = '511923000000';
const TOWNSHIP = '511923101000';
const VILLAGES = ['511923101201', '511923101202'] as const;
const PASSWORD = 'sichuan-province-2026';
const INSPECTOR_PASSWORD = 'xiangtan-reports-2026';
// Sichuan's 2024 campaign: the rule set the inspection ships (51-2024.1) and DOMAIN.md's dates.
const YEAR = 2024;
const CAMPAIGN = {
  provinceCode: '51',
  year: YEAR,
  launchedOn: '2024-08-12',
  teamsInPlaceBy: '2024-08-16',
  inspectBy: '2024-08-30',
  checklistVersion: '2024.1',
  ruleSetVersion: '51-2024.1',
  keyGroupRuleIds: ['key-group.income-drop', 'key-group.new-severe-disability'],
};
const CAMPAIGN_ID = `51-${YEAR}`;
/** The visits the spec makes: per village, the days households were visited (one household each). */
const VISIT_DAYS: Readonly<Record<(typeof VILLAGES)[number], readonly string[]>> = {
  [VILLAGES[0]]: ['2024-08-19', '2024-08-19', '2024-08-21', '2024-08-28', '2024-09-02'],
  [VILLAGES[1]]: ['2024-08-21', '2024-08-30', '2024-09-03'],
};
const visitsIn = (village: string) => VISIT_DAYS[village as (typeof VILLAGES)[number]] ?? [];
const ALL_VISITS = VILLAGES.flatMap((v) => visitsIn(v));
const byDeadline = (days: readonly string[]) => days.filter((d) => d <= CAMPAIGN.inspectBy).length;

const FINDINGS = {
  'relapse-risk': { answers: { 'risk-present': false, 'sudden-hardship': false } },
  income: { answers: { 'per-capita-estimate': 1_500_000, 'income-dropped': false } },
  'assistance-measures': {
    answers: { 'measures-in-place': true, 'development-measure': 'yes', 'new-social-assistance': 'none' },
  },
  'elimination-stability': { answers: { 'monitoring-state': 'not-monitored' } },
  'latent-risks': {
    answers: { 'housing-safe': true, 'drinking-water-safe': true, 'child-dropped-out': false, 'all-insured': true },
  },
  'data-quality': { answers: { 'record-matches': true, 'ledger-matches': true } },
  'policy-awareness': { answers: { 'application-guide': true } },
};

let app: EmbeddedApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
let token = '';
/** Households per unit, as the registry lists them (not the reporting). */
const householdsIn = new Map<string, number>();

type Answer = { status: number; body: Record<string, unknown> };

async function call(method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token === '' ? {} : { authorization: `Bearer ${token}` }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

async function written(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const answer = await call(method, path, body);
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Polls `read` every 200 ms until `done` holds (the bus delivers asynchronously), for at most a minute. */
async function until(read: () => Promise<Answer>, done: (a: Answer) => boolean, what: string): Promise<Answer> {
  let answer = await read();
  for (let attempt = 0; attempt < 300 && !done(answer); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    answer = await read();
  }
  if (!done(answer)) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
}

async function householdCount(divisionCode: string): Promise<number> {
  const page = await written('GET', `/api/registry/households?divisionCode=${divisionCode}&limit=1&offset=0`);
  return page['total'] as number;
}

/** The province official's first sign-in through the API (the one-time password changed), then the campaign. */
async function runCampaign(): Promise<void> {
  await written('POST', '/api/auth/password', {
    signInName: 'province.demo',
    password: app.oneTimePasswords.get('province.demo'),
    newPassword: PASSWORD,
  });
  const tokens = await written('POST', '/api/auth/sign-in', { signInName: 'province.demo', password: PASSWORD });
  token = tokens['access_token'] as string;
  for (const unit of [PROVINCE, CITY, COUNTY, TOWNSHIP, ...VILLAGES])
    householdsIn.set(unit, await householdCount(unit));

  await written('PUT', `/api/registry/policies/51/${YEAR}/monitoring-threshold`, {
    amountYuan: '7600',
    effectiveFrom: `${YEAR}-01-01`,
    sourceDocument: '川乡振发〔2024〕1号',
  });
  await written('POST', `/api/registry/policies/51/${YEAR}/key-regions`, {
    kind: 'major-natural-disaster',
    divisionCodes: [TOWNSHIP],
    reason: '洪灾 / flood',
    effectiveFrom: `${YEAR}-07-01`,
  });
  // The line reaches the inspection over the bus: the launch is refused until it has.
  const launched = await until(
    () => call('POST', '/api/inspection/campaigns', CAMPAIGN),
    (a) => a.body['code'] !== 'campaign.threshold-not-published',
    'launch',
  );
  expect(launched.status).toBe(201);
  for (const village of VILLAGES) {
    await written('POST', `/api/inspection/campaigns/${CAMPAIGN_ID}/teams`, {
      name: `排查组 ${village.slice(9)}`,
      townshipCode: TOWNSHIP,
      villageCodes: [village],
      members: ['official', 'resident-work-team', 'grid-worker', 'monitoring-contact'].map((role) => ({
        userId: `reports-${village.slice(9)}-${role}`,
        role,
      })),
    });
    const page = await written('GET', `/api/registry/households?divisionCode=${village}&limit=20&offset=0`);
    const ids = (page['items'] as { household: { householdId: string } }[]).map((h) => h.household.householdId);
    for (const [i, contactedOn] of visitsIn(village).entries())
      await written('POST', `/api/inspection/campaigns/${CAMPAIGN_ID}/households/${ids[i]}/visits`, {
        method: 'household-visit',
        contactedOn,
        findings: FINDINGS,
        complete: true,
      });
  }
  // The reporting has caught up once the county counts every visit.
  await until(
    () => call('GET', `/api/reporting/units/${COUNTY}?year=${YEAR}`),
    (a) => (a.body['campaign'] as { inspected?: number } | null)?.inspected === ALL_VISITS.length,
    'reporting',
  );
}

beforeAll(async () => {
  // A shared machine may be slow to start the process: a generous wait, never a figure asserted.
  [app, browser] = await Promise.all([startEmbeddedApp(300_000), launchChromium()]);
  await runCampaign();
}, 480_000);

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await app?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    baseURL: app.url,
    viewport: VIEWPORTS.desktop,
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, signInName: string, password: string): Promise<void> {
  await page.getByLabel('登录名').fill(signInName);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** The text of a figure on screen, marked `figure-<name>`. */
async function figure(page: Page, name: string): Promise<string> {
  const element = page.getByTestId(`figure-${name}`);
  const value = element.locator('.ant-statistic-content-value');
  return ((await value.count()) > 0 ? await value.textContent() : await element.textContent())!.replace(/,/g, '');
}

/** The breadcrumb's units and which one is a link. */
async function crumbs(page: Page): Promise<{ names: string[]; links: string[] }> {
  const nav = page.getByRole('navigation', { name: '区划层级' });
  return {
    names: (await nav.locator('li').allTextContents()).map((t) => t.trim()).filter((t) => t !== '/' && t !== ''),
    links: await nav.getByRole('link').allTextContents(),
  };
}

/** The table row of a unit below, by its name. */
const rowOf = (page: Page, name: string) =>
  page.locator('.ant-table-tbody tr.ant-table-row').filter({ has: page.getByRole('link', { name, exact: true }) });

describe('the reports in a browser', () => {
  it('lands a province official on the province overview: progress by the deadlines, over time, the key figures', async () => {
    const page = await newPage();
    await page.goto(`/overview?year=${YEAR}`);
    await signIn(page, 'province.demo', PASSWORD);
    await page.getByRole('heading', { name: '排查总览 · 四川省' }).waitFor();
    await page.locator('[data-testid="overview-chart"] canvas').waitFor();
    expect(await figure(page, 'households')).toBe(String(householdsIn.get(PROVINCE)));
    expect(await figure(page, 'inspected')).toBe(String(ALL_VISITS.length));
    expect(await figure(page, 'inspectedByDeadline')).toBe(String(byDeadline(ALL_VISITS)));
    expect(await figure(page, 'villagesCovered')).toBe(String(VILLAGES.length));
    // Teams were formed today, long after the 16 Aug 2024 deadline.
    expect(await figure(page, 'villagesCoveredByDeadline')).toBe('0');
    expect(await page.getByTestId('method-household-visit').textContent()).toBe(`入户走访 ${ALL_VISITS.length}`);
    const share = (ALL_VISITS.length / householdsIn.get(PROVINCE)!) * 100;
    expect(await figure(page, 'inspectedShare')).toBe(`${share.toFixed(1)}%`);
    const chart = await page.getByTestId('overview-chart').getAttribute('aria-label');
    expect(chart).toContain(`累计排查 ${ALL_VISITS.length} 户，覆盖 ${VILLAGES.length} 个村`);
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
    await screenshots(page, 'reports-overview');
  });

  it('drills down province → city → county → township → village through the links, breadcrumbs right at each level, and exports', async () => {
    const page = await newPage();
    await page.goto(`/tiers?year=${YEAR}`);
    await signIn(page, 'province.demo', PASSWORD);
    await page.getByRole('heading', { name: '分级统计 · 四川省' }).waitFor();
    expect(await crumbs(page)).toEqual({ names: ['四川省'], links: [] });
    await page.locator('.rows-chart canvas').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'reports-tiers-province');

    const levels = [
      { name: '巴中市', code: CITY, path: ['四川省', '巴中市'] },
      { name: '平昌县', code: COUNTY, path: ['四川省', '巴中市', '平昌县'] },
      { name: '响滩镇', code: TOWNSHIP, path: ['四川省', '巴中市', '平昌县', '响滩镇'] },
    ];
    for (const level of levels) {
      const row = rowOf(page, level.name);
      // The row's households and inspections as the registry and the spec's visits give them.
      const cells = await row.locator('td').allTextContents();
      expect(cells.slice(0, 3)).toEqual([level.name, String(householdsIn.get(level.code)), String(ALL_VISITS.length)]);
      await row.getByRole('link', { name: level.name, exact: true }).click();
      await page.getByRole('heading', { name: `分级统计 · ${level.name}` }).waitFor();
      expect(await crumbs(page)).toEqual({ names: level.path, links: level.path.slice(0, -1) });
      await page.locator('.rows-chart canvas').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshots(page, `reports-tiers-${level.code}`);
      if (level.code === COUNTY) await checkExports(page);
    }

    // The township lists its villages; the first has the spec's visits.
    const village = rowOf(page, await villageName(page, VILLAGES[0]));
    const villageCells = await village.locator('td').allTextContents();
    expect(villageCells.slice(1, 3)).toEqual([
      String(householdsIn.get(VILLAGES[0])),
      String(visitsIn(VILLAGES[0]).length),
    ]);
    const name = villageCells[0]!;
    await village.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { name: `分级统计 · ${name}` }).waitFor();
    expect(await crumbs(page)).toEqual({
      names: ['四川省', '巴中市', '平昌县', '响滩镇', name],
      links: ['四川省', '巴中市', '平昌县', '响滩镇'],
    });
    expect(await figure(page, 'households')).toBe(String(householdsIn.get(VILLAGES[0])));
    expect(await figure(page, 'inspected')).toBe(String(visitsIn(VILLAGES[0]).length));
    expect(await figure(page, 'inspectedByDeadline')).toBe(String(byDeadline(visitsIn(VILLAGES[0]))));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'reports-tiers-village');
    // A village's page leads to its households.
    await page.getByRole('link', { name: '查看本村农户' }).click();
    await page.getByRole('heading', { name: `农户档案 · ${name}` }).waitFor();
    await page.getByText(`共 ${householdsIn.get(VILLAGES[0])} 户`).waitFor();

    // Back up through a breadcrumb.
    await page.goBack();
    await page.getByRole('navigation', { name: '区划层级' }).getByRole('link', { name: '平昌县' }).click();
    await page.getByRole('heading', { name: '分级统计 · 平昌县' }).waitFor();
  });

  it('shows the key regions of the province with their figures', async () => {
    const page = await newPage();
    await page.goto(`/key-regions?year=${YEAR}`);
    await signIn(page, 'province.demo', PASSWORD);
    await page.getByRole('heading', { name: '重点区域', exact: true }).waitFor();
    const row = page.locator('.ant-table-tbody tr.ant-table-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    const cells = await row.first().locator('td').allTextContents();
    expect(cells.slice(1, 4)).toEqual(['重大自然灾害地区', '响滩镇', String(householdsIn.get(TOWNSHIP))]);
    await page.locator('.rows-chart canvas').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'reports-key-regions');
  });

  it('refuses an inspector another village’s overview and the county’s reports (the 403 state)', async () => {
    const page = await newPage();
    await page.goto(`/overview?year=${YEAR}`);
    await signIn(page, 'inspector.demo', app.oneTimePasswords.get('inspector.demo')!);
    await page.getByRole('heading', { name: '首次登录：请修改一次性密码' }).waitFor();
    await page.getByLabel('新密码', { exact: true }).fill(INSPECTOR_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(INSPECTOR_PASSWORD);
    await page.getByRole('button', { name: '修改密码并登录' }).click();
    // Their own first village's overview.
    const name = await villageName(page, VILLAGES[0]);
    await page.getByRole('heading', { name: `排查总览 · ${name}` }).waitFor();
    expect(await figure(page, 'inspected')).toBe(String(visitsIn(VILLAGES[0]).length));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'reports-overview-inspector');

    for (const path of ['/overview?unit=511923002200', `/tiers/${COUNTY}`, `/tiers/${TOWNSHIP}`]) {
      await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '排查总览' }).waitFor();
      await page.evaluate((to) => {
        window.history.pushState(null, '', to);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, path);
      await page.getByRole('heading', { name: '无权访问' }).waitFor();
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'reports-forbidden');
  });
});

/** A village's name, as the registry gives it. */
async function villageName(_page: Page, code: string): Promise<string> {
  const unit = await written('GET', `/api/registry/divisions/${code}`);
  return unit['name'] as string;
}

/** The county page's XLSX and CSV downloads, opened and checked against the inputs. */
async function checkExports(page: Page): Promise<void> {
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Excel' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toBe(`平昌县-乡镇-全部报表-${YEAR}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsx.path())!);
  expect(workbook.worksheets.map((s) => s.name)).toEqual([
    '排查进度',
    '新识别监测对象',
    '监测对象',
    '收入',
    '帮扶',
    '风险消除',
    '数据质量',
    '政策知晓',
    '整改台账',
  ]);
  const sheet = workbook.getWorksheet('排查进度')!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  expect(headers.slice(0, 3)).toEqual(['区划代码 / Code', '名称 / Name', '层级 / Tier']);
  const column = (header: string) => headers.indexOf(header) + 1;
  // Row 2 is the county itself (its total), then its townships.
  const county = sheet.getRow(2);
  expect(county.getCell(1).value).toBe(COUNTY);
  expect(county.getCell(column('已排查户数 / Inspected')).value).toBe(ALL_VISITS.length);
  expect(county.getCell(column('在册户数 / Households in scope')).value).toBe(householdsIn.get(COUNTY));
  const township = [...Array(sheet.rowCount).keys()]
    .map((i) => sheet.getRow(i + 1))
    .find((r) => r.getCell(1).value === TOWNSHIP)!;
  expect(township.getCell(column('已排查户数 / Inspected')).value).toBe(ALL_VISITS.length);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`平昌县-乡镇-全部报表-${YEAR}.csv`);
  const text = readFileSync((await csv.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).split('\r\n').map(csvFields);
  const header = lines[0]!;
  expect(header.slice(0, 3)).toEqual(['区划代码 / Code', '名称 / Name', '层级 / Tier']);
  const countyLine = lines[1]!;
  expect(countyLine[0]).toBe(COUNTY);
  expect(countyLine[header.indexOf('排查进度：已排查户数 / Inspected')]).toBe(String(ALL_VISITS.length));
  expect(countyLine[header.indexOf('排查进度：在册户数 / Households in scope')]).toBe(String(householdsIn.get(COUNTY)));
}

/** The fields of one CSV line (RFC 4180: a quoted field may hold commas and doubled quotes). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields;
}
