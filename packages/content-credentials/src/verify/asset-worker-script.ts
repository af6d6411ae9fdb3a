/**
 * The URL a worker thread starts from. The built package runs `asset-worker.js` beside this module. When this
 * module is itself a `.ts` source (tests), the worker gets a small bootstrap that registers TypeScript module
 * hooks (`source-worker-loader.mjs`) and imports `asset-worker.ts`, so tests exercise real worker threads on the
 * sources without a build.
 */
export function assetWorkerScript(): URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL('./asset-worker.js', here);
  const loader = new URL('./source-worker-loader.mjs', here).href;
  const entry = new URL('./asset-worker.ts', here).href;
  const bootstrap =
    `import { register } from 'node:module';\n` +
    `register(${JSON.stringify(loader)});\n` +
    `await import(${JSON.stringify(entry)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}
