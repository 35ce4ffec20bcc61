// Browser-spec support: Debian's chromium, installed by infra/chromium/install.sh when missing
// (the `playwright` package's own download cannot reach its host here), driven by playwright-core.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './embedded-app';

/** Desktop and phone, the two sizes every page is looked at in. */
export const VIEWPORTS = {
  desktop: { width: 1366, height: 768 },
  phone: { width: 375, height: 812 },
} as const;

/** Where the screenshots go (git-ignored, like all of reports/). */
export const SCREENSHOT_DIR = join(repoRoot, 'reports', 'screenshots');

/** Launches chromium, installing it first if needed. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = execFileSync('bash', [join(repoRoot, 'infra', 'chromium', 'install.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  // --no-sandbox: CI runs as root, where chromium refuses its sandbox.
  return chromium.launch({ executablePath, args: ['--no-sandbox'] });
}

/** The serious and critical accessibility violations axe-core finds on the page, as `rule: targets`. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Saves `<name>.desktop.png` and `<name>.phone.png`, leaving the page at desktop size. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const [size, viewport] of Object.entries(VIEWPORTS).reverse()) {
    await page.setViewportSize(viewport);
    // Let antd's responsive layout (breakpoint listeners) settle at the new width.
    await page.waitForFunction((width) => window.innerWidth === width, viewport.width);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.${size}.png`), fullPage: true });
  }
}
