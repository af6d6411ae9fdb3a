import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from './html-report.js';
import { LONG_COLUMN_NAME, LONG_INPUT_PATH, longNamesResult } from '../../test/fixtures.js';
import { contentCredentialsResult } from '../../test/fixture-content-credentials.js';
import {
  findChromium,
  findClippedChartText,
  findTextOverlaps,
  launchHeadless,
  runAxe,
  type HeadlessBrowser,
} from '../../test/headless-browser.js';

const chromium = findChromium();
const NO_CHROMIUM =
  '(skipped: no Chromium binary on PATH or in $CHROMIUM_PATH; install it, e.g. apt-get install chromium, as CI does)';
const WIDTHS = [800, 1280] as const;

describe.skipIf(chromium === undefined)(
  `the HTML report in headless Chromium ${chromium === undefined ? NO_CHROMIUM : ''}`,
  () => {
    let browser: HeadlessBrowser;
    const reports: Record<string, string> = {};
    beforeAll(async () => {
      browser = await launchHeadless(chromium ?? '');
      const bias = await renderHtmlReport(longNamesResult());
      expect(bias).toContain(LONG_INPUT_PATH);
      expect(bias).toContain(LONG_COLUMN_NAME);
      reports.bias = bias;
      reports.assets = await renderHtmlReport(contentCredentialsResult());
    });
    afterAll(async () => {
      await browser?.close();
    });

    for (const width of WIDTHS) {
      for (const name of ['bias', 'assets']) {
        it(`${name} report at ${width} px: no two text boxes intersect`, async () => {
          const page = await browser.open(reports[name] ?? '', width);
          const overlaps = await findTextOverlaps(page);
          await page.close();
          expect(overlaps.slice(0, 10)).toEqual([]);
        });
        it(`${name} report at ${width} px: no chart cuts off a label`, async () => {
          const page = await browser.open(reports[name] ?? '', width);
          const clipped = await findClippedChartText(page);
          await page.close();
          expect(clipped.slice(0, 10)).toEqual([]);
        });
        it(`${name} report at ${width} px: axe-core finds no violation`, async () => {
          const page = await browser.open(reports[name] ?? '', width);
          const violations = await runAxe(page);
          await page.close();
          expect(violations).toEqual([]);
        });
      }
    }

    it('prints headings with their content, whole check cards, and charts without their data tables', async () => {
      const page = await browser.open(reports.bias ?? '', 800);
      await page.emulateMediaType('print');
      const styles = await page.evaluate(() => {
        const style = (selector: string) => {
          const element = document.querySelector(selector);
          return element === null ? null : getComputedStyle(element);
        };
        return {
          heading: style('h3')?.breakAfter,
          card: style('article.check')?.breakInside,
          data: style('details.chart-data')?.display,
          chart: style('figure.chart .chart-image')?.display,
          caption: style('figure.chart figcaption')?.display,
        };
      });
      const pdf = await page.pdf({ format: 'A4' });
      await page.close();
      expect(styles).toEqual({
        heading: 'avoid',
        card: 'avoid',
        data: 'none',
        chart: 'block',
        caption: 'block',
      });
      expect(pdf.length).toBeGreaterThan(0);
    });
  },
);
