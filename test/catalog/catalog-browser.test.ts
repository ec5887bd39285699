import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { available, hasChromium, launchBrowser } from '../support/browser.js';
import { runCli } from '../support/cli.js';
import { corpusDir, repoRoot } from '../support/paths.js';

// The callbacks given to page.evaluate run in the page; the project compiles without the DOM library.
declare const document: any, location: any, Image: any;

const withBrowser = available('Chromium (/usr/bin/chromium; apt-get install -y chromium)', hasChromium);
const withCorpus = withBrowser && available(`the shared corpus (${corpusDir})`, existsSync(corpusDir));

interface Visit {
  url: string;
  kind: 'index' | 'action' | 'flow' | 'rules';
  consoleErrors: string[];
  links: string[];
}

/** Opens every page reachable from index.html, recording console errors, links and every request made. */
async function crawl(context: BrowserContext, site: string): Promise<{ visits: Visit[]; requests: string[] }> {
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  const visits: Visit[] = [];
  const queue = [pathToFileURL(join(site, 'index.html')).href];
  const seen = new Set(queue);
  while (queue.length) {
    const url = queue.shift()!;
    const consoleErrors: string[] = [];
    const onConsole = (message: { type(): string; text(): string }) => {
      if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
    };
    const onError = (error: Error) => consoleErrors.push(error.message);
    page.on('console', onConsole);
    page.on('pageerror', onError);
    await page.goto(url, { waitUntil: 'load' });
    const links = await page.evaluate(() =>
      [...document.querySelectorAll('a')]
        .map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href'))
        .filter((href): href is string => href !== null)
        .map((href) => new URL(href, location.href).href),
    );
    page.off('console', onConsole);
    page.off('pageerror', onError);
    const path = fileURLToPath(url);
    const kind = path.endsWith('index.html') ? 'index' : path.endsWith('rules.html') ? 'rules' : path.includes('/actions/') ? 'action' : 'flow';
    visits.push({ url, kind, consoleErrors, links });
    for (const link of links) {
      const target = link.split('#')[0]!;
      if (target.endsWith('.html') && target.startsWith('file:') && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  await page.close();
  return { visits, requests };
}

/** True when the link names a file in the site and, with a fragment, an element with that id in it. */
function resolves(link: string): boolean {
  if (!link.startsWith('file:')) return false;
  const [file, fragment] = link.split('#');
  const path = fileURLToPath(file!);
  if (!existsSync(path)) return false;
  if (!fragment) return true;
  return readFileSync(path, 'utf8').includes(`id="${decodeURIComponent(fragment)}"`);
}

/** Distinct colours and the share of pixels unlike the top-left one, measured on a canvas in the browser. */
async function inkOf(page: Page, png: Buffer): Promise<{ colours: number; ink: number }> {
  await page.goto('about:blank');
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    const colours = new Set<number>();
    let ink = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
      if (Math.abs(pixels[i]! - pixels[0]!) + Math.abs(pixels[i + 1]! - pixels[1]!) + Math.abs(pixels[i + 2]! - pixels[2]!) > 60) ink++;
    }
    return { colours: colours.size, ink: ink / (pixels.length / 4) };
  }, png.toString('base64'));
}

/** What the source file says the diagram must show, read from the YAML itself (not through the catalog's walker). */
function expectedNodes(file: string): { containers: Array<{ kind: string; name: string }>; calls: number } {
  const text = readFileSync(file, 'utf8').replace(/\{\{\s*([^{}]*?)\s*\}\}/g, 'placeholder_$1');
  const value = parse(text) as Record<string, unknown>;
  let calls = 0;
  // An action is an item of a list (`- callData: …`); `settingsActionDefaults.callData` is not a call.
  const count = (node: unknown, inList: boolean): void => {
    if (Array.isArray(node)) node.forEach((item) => count(item, true));
    else if (node && typeof node === 'object') {
      for (const [key, inner] of Object.entries(node)) {
        if (inList && (key === 'callData' || key === 'callAction')) calls++;
        count(inner, false);
      }
    }
  };
  count(value, false);
  const containers: Array<{ kind: string; name: string }> = [];
  if (!file.endsWith('.flow.yaml')) {
    const body = Object.values(value)[0] as Record<string, unknown>;
    for (const [list, item] of [['states', 'state'], ['tasks', 'task'], ['menus', 'menu']] as const) {
      for (const entry of (body[list] as Array<Record<string, { name: string }>> | undefined) ?? []) {
        containers.push({ kind: item, name: entry[item]!.name.replace(/placeholder_(\w+)/g, '{{$1}}') });
      }
    }
  }
  return { containers, calls };
}

function siteChecks(name: string, enabled: boolean, paths: () => string[], filterWord: string) {
  describe.skipIf(!enabled)(`the catalog of ${name} in Chromium`, () => {
    let site: string;
    let browser: Awaited<ReturnType<typeof launchBrowser>>;
    let crawled: Awaited<ReturnType<typeof crawl>>;

    beforeAll(async () => {
      site = mkdtempSync(join(tmpdir(), 'dactl-site-'));
      const run = await runCli(['catalog', ...paths(), '-o', site], { cwd: repoRoot });
      expect(run.code, run.stderr).toBe(0);
      browser = await launchBrowser();
      await browser.context.route(/^(?!file:|data:|about:)/, (route) => route.abort());
      crawled = await crawl(browser.context, site);
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      if (site) rmSync(site, { recursive: true, force: true });
    });

    it('opens every page without a console error', () => {
      expect(crawled.visits.length).toBeGreaterThan(3);
      for (const visit of crawled.visits) expect(visit.consoleErrors, visit.url).toEqual([]);
    });

    it('has no link that does not resolve inside the site', () => {
      const broken = crawled.visits.flatMap((visit) => visit.links.filter((link) => !resolves(link)).map((link) => `${visit.url} → ${link}`));
      expect(broken).toEqual([]);
    });

    it('makes no request outside file://', () => {
      expect(crawled.requests.length).toBeGreaterThan(0);
      expect(crawled.requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    });

    it('draws a node for every state, task, menu and data-action call of each flow', async () => {
      const page = await browser.context.newPage();
      const flows = crawled.visits.filter((v) => v.kind === 'flow');
      expect(flows.length).toBeGreaterThan(0);
      for (const flow of flows) {
        await page.goto(flow.url);
        const source = await page.locator('#source-file').textContent();
        const expected = expectedNodes(resolve(repoRoot, source!));
        const drawn = await page.evaluate(() =>
          [...document.querySelectorAll('svg.flow-diagram g.node')].map((g) => ({ kind: g.getAttribute('class')!.replace('node kind-', ''), title: g.querySelector('title')!.textContent! })),
        );
        expect(drawn.filter((n) => n.kind === 'data-action').length, flow.url).toBe(expected.calls);
        for (const container of expected.containers) {
          expect(drawn.some((n) => n.kind === container.kind && n.title.startsWith(container.name)), `${flow.url}: ${container.kind} ${container.name}`).toBe(true);
        }
      }
      await page.close();
    }, 120_000);

    it('narrows the index with the filter', async () => {
      const page = await browser.context.newPage();
      await page.goto(pathToFileURL(join(site, 'index.html')).href);
      const visible = () => page.locator('tr[data-filter]:visible').count();
      const all = await visible();
      await page.getByLabel('Filter actions and flows').fill(filterWord);
      const narrowed = await visible();
      expect(narrowed).toBeGreaterThan(0);
      expect(narrowed).toBeLessThan(all);
      await page.getByLabel('Filter actions and flows').fill('');
      expect(await visible()).toBe(all);
      await page.close();
    });

    it('starts keyboard navigation at a skip link, and reaches diagram links with Tab', async () => {
      const page = await browser.context.newPage();
      await page.goto(pathToFileURL(join(site, 'index.html')).href);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#main');
      // From a diagram's scrolling region, Tab reaches its data-action links.
      const flow = crawled.visits.find((v) => v.kind === 'flow' && v.links.some((link) => link.includes('/actions/')));
      if (flow) {
        await page.goto(flow.url);
        await page.focus('.diagram');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.closest('svg') !== null && document.activeElement?.getAttribute('xlink:href'))).toMatch(/^\.\.\/actions\/.+\.html$/);
      }
      await page.close();
    });

    it('shows something on a screenshot of each kind of page, in light and dark', async () => {
      const page = await browser.context.newPage();
      for (const kind of ['index', 'action', 'flow', 'rules'] as const) {
        const visit = crawled.visits.find((v) => v.kind === kind)!;
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          await page.goto(visit.url);
          const ink = await inkOf(page, await page.screenshot());
          expect(ink.colours, `${kind} ${colorScheme}`).toBeGreaterThan(8);
          expect(ink.ink, `${kind} ${colorScheme}`).toBeGreaterThan(0.01);
        }
      }
      await page.close();
    }, 120_000);
  });
}

siteChecks('the bundled definitions', withBrowser, () => ['definitions'], 'contact');
siteChecks('the real flows and exports', withCorpus, () => ['real-flows', 'archy-flows', 'real-actions'].map((d) => join(corpusDir, d)), 'workflow');

describe.skipIf(!withBrowser)('a catalog page without JavaScript', () => {
  it('still lists every action and flow, with the filter hidden', async () => {
    const site = mkdtempSync(join(tmpdir(), 'dactl-site-'));
    const { context, close } = await launchBrowser({ javaScriptEnabled: false });
    try {
      expect((await runCli(['catalog', 'definitions', '-o', site], { cwd: repoRoot })).code).toBe(0);
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(site, 'index.html')).href);
      const bundled = ['actions', 'flows'].flatMap((dir) => readdirSync(join(repoRoot, 'definitions', dir)));
      expect(await page.locator('tr[data-filter]:visible').count()).toBe(bundled.length);
      expect(await page.locator('#filter-box').isVisible()).toBe(false);
      await page.goto(pathToFileURL(join(site, 'flows', 'chat-customer-verification.html')).href);
      expect(await page.locator('svg.flow-diagram g.node').count()).toBeGreaterThan(10);
      await page.close();
    } finally {
      await close();
      rmSync(site, { recursive: true, force: true });
    }
  }, 60_000);
});

describe.skipIf(!withBrowser)('the review page of dactl diff --format html', () => {
  it('opens without a console error or any request beyond the file, with the replace marked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dactl-diff-'));
    const { context, close } = await launchBrowser();
    try {
      const action = JSON.parse(readFileSync(join(repoRoot, 'out', 'actions', 'Find-External-Contacts-by-DNI.custom.json'), 'utf8'));
      const changed = structuredClone(action);
      changed.contract.input.inputSchema.properties.dni.type = 'integer';
      changed.config.request.requestUrlTemplate += '&sortOrder=asc';
      for (const [side, value] of [['left', action], ['right', changed]] as const) {
        mkdirSync(join(dir, side));
        writeFileSync(join(dir, side, 'action.json'), JSON.stringify(value));
      }
      const run = await runCli(['diff', 'left', 'right', '--format', 'html'], { cwd: dir });
      expect(run.code).toBe(1);
      writeFileSync(join(dir, 'review.html'), run.stdout);
      const requests: string[] = [];
      const errors: string[] = [];
      context.on('request', (request) => requests.push(request.url()));
      const page = await context.newPage();
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.goto(pathToFileURL(join(dir, 'review.html')).href);
      expect(errors).toEqual([]);
      expect(requests).toEqual([pathToFileURL(join(dir, 'review.html')).href]);
      expect(await page.getByText('What breaks:').isVisible()).toBe(true);
    } finally {
      await close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
