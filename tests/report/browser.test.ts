/**
 * The report as a reader sees it: headless Chromium (Debian's chromium
 * package, driven by playwright-core) opens the pages of a real run from the
 * file system and checks the highlights against the table rows.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentPagePath } from '../../src/report/file-names.ts';
import type { ClaimRow, DateRow, DocumentRow, FigureRow, MentionRow } from '../../src/schemas/index.ts';
import { readTable, ROOT, runOn } from '../helpers/run.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
// The flags keep Chromium off the network (this machine's is closed) and quiet; --no-sandbox because tests may run as root.
const CHROMIUM_ARGUMENTS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The part of a page element these tests read (the project compiles without the DOM library). */
interface PageElement {
  readonly classList: Iterable<string>;
  readonly textContent: string | null;
  readonly tabIndex: number;
  getAttribute(name: string): string | null;
}

// Globals of the page, for the functions that run in it.
declare const document: { readonly activeElement: PageElement | null };
declare function getComputedStyle(
  element: PageElement,
  pseudoElement?: string,
): { readonly display: string; readonly content: string; readonly textDecorationLine: string };

/** A CSS string value as the browser serialises it ("a\a b") back to the text. */
function cssStringText(value: string): string {
  return value.slice(1, -1).replace(/\\a ?/g, '\n').replace(/\\(.)/g, '$1');
}

/** What the page shows for one row: its highlight type and the text of all its fragments. */
interface ShownHighlight {
  type: string;
  text: string;
}

async function shownHighlights(page: Page): Promise<Map<string, ShownHighlight>> {
  const fragments = await page.$$eval('article .hl', (elements: PageElement[]) =>
    elements.map((element) => ({
      id: element.getAttribute('data-id') ?? '',
      type: [...element.classList].find((name) => /^hl-[a-z]+$/.test(name))?.slice(3) ?? '',
      text: element.textContent ?? '',
    })),
  );
  const shown = new Map<string, ShownHighlight>();
  for (const fragment of fragments) {
    const earlier = shown.get(fragment.id);
    shown.set(fragment.id, { type: fragment.type, text: (earlier?.text ?? '') + fragment.text });
  }
  return shown;
}

describe.skipIf(!hasChromium)(
  hasChromium ? 'the report in headless Chromium' : `the report in headless Chromium (skipped: ${CHROMIUM} is missing; install Debian's chromium package)`,
  () => {
    let browser: Browser;
    let output: string;
    let documentRows: DocumentRow[];
    const requests: string[] = [];

    beforeAll(async () => {
      ({ output } = await runOn([path.join(ROOT, 'data', 'raw')]));
      documentRows = await readTable<DocumentRow>(output, 'documents');
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGUMENTS });
    });

    afterAll(async () => {
      await browser?.close();
    });

    async function open(relativePath: string): Promise<Page> {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(path.join(output, 'report', relativePath)).href);
      return page;
    }

    it('shows every document in the corpus view, with the charts drawn', async () => {
      const page = await open('index.html');
      expect(await page.locator('section[aria-labelledby="documents"] tbody tr').count()).toBe(documentRows.length);
      expect(await page.locator('section[aria-labelledby="entities"] svg rect').count()).toBeGreaterThan(0);
      expect(await page.locator('section[aria-labelledby="timeline"] svg a').count()).toBeGreaterThan(0);
      await page.close();
    });

    it('highlights exactly the rows of each document: same ids, types and texts', async () => {
      const [mentions, dates, figures, claims] = await Promise.all([
        readTable<MentionRow>(output, 'mentions'),
        readTable<DateRow>(output, 'dates'),
        readTable<FigureRow>(output, 'figures'),
        readTable<ClaimRow>(output, 'claims'),
      ]);
      for (const { doc_id } of documentRows) {
        const page = await open(documentPagePath(doc_id));
        const shown = await shownHighlights(page);
        const expected = new Map<string, ShownHighlight>([
          ...mentions.filter((row) => row.doc_id === doc_id).map((row) => [row.mention_id, { type: row.type, text: row.text }] as const),
          ...dates.filter((row) => row.doc_id === doc_id).map((row) => [row.date_id, { type: 'date', text: row.text }] as const),
          ...figures.filter((row) => row.doc_id === doc_id).map((row) => [row.figure_id, { type: 'figure', text: row.text }] as const),
          ...claims.filter((row) => row.doc_id === doc_id).map((row) => [row.claim_id, { type: 'claim', text: row.text }] as const),
        ]);
        expect(new Map([...shown].toSorted(([a], [b]) => a.localeCompare(b))), doc_id).toEqual(
          new Map([...expected].toSorted(([a], [b]) => a.localeCompare(b))),
        );
        const mentionMarks = await page
          .locator('article mark.hl-person[tabindex], article mark.hl-place[tabindex], article mark.hl-organization[tabindex]')
          .count();
        expect(mentionMarks, `${doc_id} mention highlights`).toBe(mentions.filter((row) => row.doc_id === doc_id).length);
        await page.close();
      }
    });

    it('shows a tooltip with the values on hover and when a highlight gets keyboard focus, and filters a type', async () => {
      const longest = documentRows.reduce((best, candidate) => (candidate.chars > best.chars ? candidate : best));
      const page = await open(documentPagePath(longest.doc_id));
      const firstMark = page.locator('article .hl[tabindex="0"]').first();
      const tooltip = () =>
        firstMark.evaluate((element: PageElement) => ({
          display: getComputedStyle(element, '::after').display,
          content: getComputedStyle(element, '::after').content,
          tip: element.getAttribute('data-tip') ?? '',
        }));
      // On hover too: hovering a mark inside a claim shows that mark's tooltip, not the claim's as well.
      const inner = page.locator('article .hl-claim > mark.hl[tabindex]').first();
      await inner.hover();
      expect(await inner.evaluate((element: PageElement) => getComputedStyle(element, '::after').display)).toBe('block');
      expect(await inner.locator('xpath=..').evaluate((element: PageElement) => getComputedStyle(element, '::after').display)).toBe('none');
      await page.mouse.move(0, 0);
      expect((await tooltip()).display).toBe('none');
      // Tab past the link back and the six filter boxes to the first highlight.
      for (let step = 0; step < 8; step++) await page.keyboard.press('Tab');
      expect(await firstMark.evaluate((element: PageElement) => element === document.activeElement)).toBe(true);
      const focused = await tooltip();
      expect(focused.display).toBe('block');
      expect(focused.tip).toMatch(/^(Person|Place|Organization|Date|Figure|Claim): /);
      expect(cssStringText(focused.content)).toBe(focused.tip);
      const screenshot = path.join(output, 'report-document.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      expect((await stat(screenshot)).size).toBeGreaterThan(10_000);
      console.info(`report screenshot: ${screenshot}`);

      await page.locator('#show-claim').uncheck();
      const claim = page.locator('article .hl-claim[tabindex]').first();
      expect(await claim.evaluate((element: PageElement) => [getComputedStyle(element).textDecorationLine, element.tabIndex])).toEqual(['none', -1]);
      await page.close();
    });

    it('loads nothing but its own files', () => {
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    });
  },
);
