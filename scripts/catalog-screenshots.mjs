// node scripts/catalog-screenshots.mjs: builds the catalog of the bundled definitions and writes the README's
// screenshots (docs/catalog-action.png, docs/catalog-flow.png) with the browser tests' headless Chromium.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const repo = fileURLToPath(new URL('..', import.meta.url));
const site = mkdtempSync(join(tmpdir(), 'dactl-site-'));
const profile = mkdtempSync(join(tmpdir(), 'dactl-chromium-'));
const built = spawnSync(process.execPath, [join(repo, 'dist', 'bin.js'), 'catalog', 'definitions', '-o', site], { cwd: repo, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.DACTL_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1200, height: 900 },
  deviceScaleFactor: 1,
});
try {
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(site, 'actions', 'find-external-contacts-by-dni.html')).href);
  await page.screenshot({ path: join(repo, 'docs', 'catalog-action.png') });
  await page.goto(pathToFileURL(join(site, 'flows', 'chat-customer-verification.html')).href);
  await page.addStyleTag({ content: '.diagram { max-height: none; }' });
  await page.locator('svg.flow-diagram').screenshot({ path: join(repo, 'docs', 'catalog-flow.png') });
} finally {
  await context.close();
  rmSync(site, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
