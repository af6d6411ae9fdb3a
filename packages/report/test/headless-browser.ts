/**
 * Headless Chromium for the report's browser test (not shipped): finds a Chromium binary that is already installed
 * (nothing is downloaded; CI installs the Debian package), opens an HTML string in a page of a given width, measures
 * where text boxes intersect and runs axe-core in the page.
 */
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium binary: `$CHROMIUM_PATH`, else the first of the usual names on PATH; undefined when none exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env.CHROMIUM_PATH;
  if (explicit !== undefined && explicit !== '') return isExecutable(explicit) ? explicit : undefined;
  const dirs = (env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const name of CHROMIUM_NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** A running headless Chromium with a throw-away profile. */
export interface HeadlessBrowser {
  readonly browser: Browser;
  open(html: string, width: number): Promise<Page>;
  close(): Promise<void>;
}

/** Starts Chromium headless, offline (no background networking, no component updates). */
export async function launchHeadless(executablePath: string): Promise<HeadlessBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'rai-audit-chromium-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir: profile,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
    ],
  });
  return {
    browser,
    async open(html, width) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900 });
      await page.setContent(html, { waitUntil: 'load' });
      return page;
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Two text boxes that intersect on the rendered page: the texts and their boxes, for the failure message. */
export interface TextOverlap {
  readonly a: string;
  readonly b: string;
  readonly boxA: string;
  readonly boxB: string;
}

/**
 * Every pair of visible text boxes (HTML text lines and SVG text elements, clipped by their scrolling or hidden
 * ancestors) that intersect by more than `tolerance` pixels in both directions.
 */
export async function findTextOverlaps(page: Page, tolerance = 1.5): Promise<TextOverlap[]> {
  return page.evaluate((slack: number) => {
    type Point = [number, number];
    interface Box {
      text: string;
      owner: Element;
      /** The corners of a rotated SVG text, in page coordinates; absent for an axis-aligned box. */
      quad?: Point[];
      left: number;
      top: number;
      right: number;
      bottom: number;
    }
    const boxes: Box[] = [];
    const clipOf = (element: Element): DOMRect | null => {
      let clip: { left: number; top: number; right: number; bottom: number } | null = null;
      for (let node: Element | null = element.parentElement; node !== null; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const r = node.getBoundingClientRect();
        clip =
          clip === null
            ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom }
            : {
                left: Math.max(clip.left, r.left),
                top: Math.max(clip.top, r.top),
                right: Math.min(clip.right, r.right),
                bottom: Math.min(clip.bottom, r.bottom),
              };
      }
      return clip === null
        ? null
        : new DOMRect(clip.left, clip.top, clip.right - clip.left, clip.bottom - clip.top);
    };
    const add = (text: string, owner: Element, rect: DOMRect, quad?: Point[]): void => {
      // Content of a closed <details> keeps stale boxes; it is not on screen.
      if (!owner.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })) return;
      const clip = clipOf(owner);
      const left = Math.max(rect.left, clip?.left ?? -Infinity);
      const right = Math.min(rect.right, clip?.right ?? Infinity);
      const top = Math.max(rect.top, clip?.top ?? -Infinity);
      const bottom = Math.min(rect.bottom, clip?.bottom ?? Infinity);
      if (right - left < 1 || bottom - top < 1) return;
      const page = quad?.map(([x, y]): Point => [x + scrollX, y + scrollY]);
      boxes.push({
        text,
        owner,
        quad: page,
        left: left + scrollX,
        right: right + scrollX,
        top: top + scrollY,
        bottom: bottom + scrollY,
      });
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const owner = node.parentElement;
      if (owner === null || text.trim() === '' || owner.closest('script, style') !== null) continue;
      if (owner.closest('svg') !== null) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) add(text.trim().slice(0, 80), owner, rect);
    }
    // A rotated label's bounding box is much larger than its glyphs: its own rectangle, turned, is what counts.
    const rotatedQuad = (element: SVGGraphicsElement): Point[] | undefined => {
      const matrix = element.getScreenCTM();
      if (matrix === null || (Math.abs(matrix.b) < 1e-6 && Math.abs(matrix.c) < 1e-6)) return undefined;
      const b = element.getBBox();
      const corners: Point[] = [
        [b.x, b.y],
        [b.x + b.width, b.y],
        [b.x + b.width, b.y + b.height],
        [b.x, b.y + b.height],
      ];
      return corners.map(([x, y]) => [
        matrix.a * x + matrix.c * y + matrix.e,
        matrix.b * x + matrix.d * y + matrix.f,
      ]);
    };
    for (const element of document.querySelectorAll<SVGTextElement>('svg text')) {
      const text = element.textContent ?? '';
      if (text.trim() === '') continue;
      add(text.trim().slice(0, 80), element, element.getBoundingClientRect(), rotatedQuad(element));
    }
    const corners = (box: Box): Point[] =>
      box.quad ?? [
        [box.left, box.top],
        [box.right, box.top],
        [box.right, box.bottom],
        [box.left, box.bottom],
      ];
    // Separating axes: two convex quads intersect by more than `slack` when they overlap by more on every edge normal.
    const quadsOverlap = (p: Point[], q: Point[]): boolean => {
      for (const shape of [p, q]) {
        for (let k = 0; k < 4; k += 1) {
          const [x1, y1] = shape[k]!;
          const [x2, y2] = shape[(k + 1) % 4]!;
          const length = Math.hypot(x2 - x1, y2 - y1) || 1;
          const axis: Point = [(y1 - y2) / length, (x2 - x1) / length];
          const project = (points: Point[]): number[] => points.map(([x, y]) => x * axis[0] + y * axis[1]);
          const a = project(p);
          const b = project(q);
          const depth = Math.min(Math.max(...a), Math.max(...b)) - Math.max(Math.min(...a), Math.min(...b));
          if (depth <= slack) return false;
        }
      }
      return true;
    };
    boxes.sort((x, y) => x.top - y.top);
    const overlaps: { a: string; b: string; boxA: string; boxB: string }[] = [];
    const show = (b: Box): string =>
      `${Math.round(b.left)},${Math.round(b.top)}–${Math.round(b.right)},${Math.round(b.bottom)}`;
    for (let i = 0; i < boxes.length; i += 1) {
      const a = boxes[i]!;
      for (let j = i + 1; j < boxes.length; j += 1) {
        const b = boxes[j]!;
        if (b.top >= a.bottom - slack) break;
        const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (dx <= slack || dy <= slack) continue;
        if ((a.quad !== undefined || b.quad !== undefined) && !quadsOverlap(corners(a), corners(b))) continue;
        overlaps.push({ a: a.text, b: b.text, boxA: show(a), boxB: show(b) });
      }
    }
    return overlaps;
  }, tolerance);
}

/** One axe-core violation, reduced to what a failure message needs. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
  readonly summaries: readonly string[];
}

const axeSource = (): string =>
  readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (injected as source: the report's CSP allows no script element) and returns its violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource());
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    }
    const results = await axe.run(document);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
      summaries: v.nodes.slice(0, 2).map((n) => n.failureSummary ?? ''),
    }));
  });
}

/** SVG text that its chart cuts off: a box reaching beyond its `<svg>` element by more than `tolerance` pixels. */
export async function findClippedChartText(page: Page, tolerance = 1): Promise<string[]> {
  return page.evaluate((slack: number) => {
    const clipped: string[] = [];
    for (const text of document.querySelectorAll<SVGTextElement>('svg text')) {
      const svg = text.ownerSVGElement;
      if (svg === null || (text.textContent ?? '').trim() === '') continue;
      if (!text.checkVisibility({ contentVisibilityAuto: true })) continue;
      const box = text.getBoundingClientRect();
      const frame = svg.getBoundingClientRect();
      const out =
        box.left < frame.left - slack ||
        box.right > frame.right + slack ||
        box.top < frame.top - slack ||
        box.bottom > frame.bottom + slack;
      if (out)
        clipped.push(
          `${text.textContent ?? ''} (${Math.round(box.left - frame.left)}, ${Math.round(frame.right - box.right)})`,
        );
    }
    return clipped;
  }, tolerance);
}
