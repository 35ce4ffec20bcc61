import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshots, seriousViolations, VIEWPORTS } from './browser';
import { startEmbeddedApp, type EmbeddedApp } from './embedded-app';

// One embedded process and one browser for the whole file: the demo county (平昌县 511923, 3,000
// households) and its users, signed in through the pages as an official would.

let app: EmbeddedApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startEmbeddedApp(), launchChromium()]);
}, 360_000);

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

/** Fills the sign-in form in Chinese. */
async function signIn(page: Page, signInName: string, password: string): Promise<void> {
  await page.getByLabel('登录名').fill(signInName);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page
    .getByRole('button', { name: '登 录' })
    .or(page.getByRole('button', { name: '登录' }))
    .click();
}

/** First sign-in: the one-time password, then the change form, then the page asked for. */
async function firstSignIn(page: Page, signInName: string, newPassword: string): Promise<void> {
  await signIn(page, signInName, app.oneTimePasswords.get(signInName)!);
  await page.getByRole('heading', { name: '首次登录：请修改一次性密码' }).waitFor();
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('再次输入新密码').fill(newPassword);
  await page.getByRole('button', { name: '修改密码并登录' }).click();
}

const COUNTY_PASSWORD = 'pingchang-county-2026';
const INSPECTOR_PASSWORD = 'xiangtan-inspector-2026';
let otherVillageHousehold = '';

describe('the dashboard in a browser', () => {
  it('signs a county official in with the one-time password changed, and lists the county’s households page by page', async () => {
    const page = await newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: '登录', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'sign-in');

    await signIn(page, 'county.demo', app.oneTimePasswords.get('county.demo')!);
    await page.getByRole('heading', { name: '首次登录：请修改一次性密码' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'sign-in-change-password');
    await page.getByLabel('新密码', { exact: true }).fill(COUNTY_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(COUNTY_PASSWORD);
    await page.getByRole('button', { name: '修改密码并登录' }).click();

    // Signed in, the campaign overview is the landing page; the households are in the menu.
    await page.getByRole('heading', { name: '排查总览 · 平昌县' }).waitFor();
    const menu = page.getByRole('navigation', { name: '主菜单' });
    // The households first, then the reports; the cases follow (cases.browser-spec checks those).
    const reportPages = ['农户档案', '排查总览', '分级统计', '重点区域'];
    expect((await menu.getByRole('link').allTextContents()).filter((name) => reportPages.includes(name))).toEqual(
      reportPages,
    );
    await menu.getByRole('link', { name: '农户档案' }).click();
    await page.getByRole('heading', { name: '农户档案 · 平昌县' }).waitFor();
    await page.getByText('共 3000 户').waitFor();
    const menuNames = await menu.getByRole('link').allTextContents();
    expect(menuNames[0]).toBe('农户档案');
    expect(menuNames).toEqual(expect.arrayContaining(['数据质量问题', '整改台账']));
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.count()).toBe(20);
    await page.locator('.status-chart canvas').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'households');
    otherVillageHousehold = (await rows.first().getByRole('link').getAttribute('href'))!;
    expect(otherVillageHousehold).toMatch(/^\/households\/[0-9a-f-]{36}$/);

    // The second page comes from the server: other households, the same total.
    const firstOnPage1 = await rows.first().textContent();
    await page.getByRole('listitem', { name: '2' }).click();
    await page.waitForURL(/page=2/);
    await page.getByText('共 3000 户').waitFor();
    // The URL changes first; the rows when the second page has come.
    await page.waitForFunction(
      (before) => document.querySelector('.ant-table-tbody tr.ant-table-row')?.textContent !== before,
      firstOnPage1,
    );
    await expect(rows.first().textContent()).resolves.not.toBe(firstOnPage1);

    // Drill down to a township through the units below; the breadcrumbs lead back up.
    // By keyboard: focus, type to search, Enter.
    await page.getByRole('combobox', { name: '下级区划' }).focus();
    await page.keyboard.type('响滩');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '农户档案 · 响滩镇' }).waitFor();
    const crumbs = page.getByRole('navigation', { name: '农户档案' });
    expect(await crumbs.getByRole('link').allTextContents()).toEqual(['平昌县']);
    expect(await crumbs.textContent()).toContain('四川省');
    await crumbs.getByRole('link', { name: '平昌县' }).click();
    await page.getByRole('heading', { name: '农户档案 · 平昌县' }).waitFor();
  });

  it('switches to English and keeps the choice in this browser', async () => {
    const page = await newPage();
    await page.goto('/households');
    await signIn(page, 'county.demo', COUNTY_PASSWORD);
    await page.getByRole('heading', { name: '农户档案 · 平昌县' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Households · 平昌县' }).waitFor();
    await page.getByText('3000 households').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'households.en');

    // A new page load of the same browser (the session lives in memory: it signs in again) stays English.
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '登录', exact: true }).waitFor();
  });

  it('opens a household: facts, members with masked ID numbers, warnings', async () => {
    const page = await newPage();
    await page.goto('/households?warnings=1');
    await signIn(page, 'county.demo', COUNTY_PASSWORD);
    await page.getByRole('heading', { name: '农户档案 · 平昌县' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('link').click();
    await page.getByRole('heading', { name: /^农户详情 · / }).waitFor();
    await page.getByRole('heading', { name: '家庭成员' }).waitFor();
    const ids = await page.locator('.id-number').allTextContents();
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    expect(await page.locator('.ant-alert-warning').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'household');
  });

  it('shows an inspector their villages only, and the 403 state for another village or its household', async () => {
    const page = await newPage();
    await page.goto('/households?division=511923002200');
    await firstSignIn(page, 'inspector.demo', INSPECTOR_PASSWORD);
    await page.waitForURL(/division=511923002200/);
    await page.getByRole('heading', { name: '无权访问' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'forbidden');

    await page.getByRole('link', { name: '返回农户列表' }).click();
    await page.getByRole('heading', { name: '农户档案 · 响滩镇' }).waitFor();
    await page.getByText('共 48 户').waitFor();
    await page.getByRole('combobox', { name: '下级区划' }).click();
    // The team's three villages of the township, not its others.
    expect(await page.locator('.ant-select-item-option').allTextContents()).toHaveLength(3);

    await page.goto(otherVillageHousehold);
    await signIn(page, 'inspector.demo', INSPECTOR_PASSWORD);
    await page.getByRole('heading', { name: '无权访问' }).waitFor();
  });
});
