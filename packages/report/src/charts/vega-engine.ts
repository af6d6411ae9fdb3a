import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { None, View, logger as vegaLogger, parse } from 'vega';
import type { ViewOptions } from 'vega';
import { installTextWidthEstimate } from './text-width-estimate.js';

/*
 * Everything that needs vega and vega-lite. They take about a third of a second to load, so vega-svg.ts loads this
 * module on first use (or when the CLI asks for it early, while a long computation leaves the main thread idle).
 */

type VegaLogger = NonNullable<ViewOptions['logger']>;

/** The name the chart data gets in the compiled spec, so that one compiled spec serves every chart of its shape. */
const CHART_DATA = 'chart_data';

/** Compiled and parsed specs by their JSON without data: the attributes of a report mostly share chart shapes. */
const runtimes = new Map<string, ReturnType<typeof parse>>();
const RUNTIME_CACHE_SIZE = 64;

/** The spec with its top-level inline values moved out, and those values. */
function separateData(spec: TopLevelSpec): { shape: TopLevelSpec; values?: unknown[] } {
  const data = (spec as { data?: { values?: unknown } }).data;
  if (data === undefined || !Array.isArray(data.values)) return { shape: spec };
  return { shape: { ...spec, data: { name: CHART_DATA } } as TopLevelSpec, values: data.values };
}

/**
 * Compiling the vega-lite spec and parsing the vega spec take about half the time of a chart, and depend only on
 * the spec's shape: they are done once per shape and the parsed runtime (which views only read) is reused.
 */
function runtimeOf(shape: TopLevelSpec, logger: VegaLogger): ReturnType<typeof parse> {
  const key = JSON.stringify(shape);
  let runtime = runtimes.get(key);
  if (runtime === undefined) {
    runtime = parse(compile(shape, { logger }).spec);
    if (runtimes.size >= RUNTIME_CACHE_SIZE) runtimes.delete(runtimes.keys().next().value ?? '');
    runtimes.set(key, runtime);
  }
  return runtime;
}

/** vega's own logger at level None: a reporter is a pure function, and vega's warnings must not reach the console. */
const SILENT: VegaLogger = vegaLogger(None);

/** vega's SVG of a vega-lite spec, rendered headless and without a canvas. */
export async function vegaLiteToSvg(spec: TopLevelSpec): Promise<string> {
  installTextWidthEstimate();
  const { shape, values } = separateData(spec);
  const view = new View(runtimeOf(shape, SILENT), { renderer: 'none', logger: SILENT });
  try {
    if (values !== undefined) view.data(CHART_DATA, values);
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
