import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { stringify } from 'yaml';
import { UsageError, parseLicenseExpression, type ModelCardSection } from '@rai-audit/core';
import { runTimestamp } from '../audit-result.js';
import type { CliIo } from '../io.js';
import { writeFilesAtomically } from '../files.js';
import { runAudit, type CommonOptions } from '../run-audit.js';
import { toolVersion } from '../version.js';

export interface CardInitOptions {
  name?: string;
  license: string;
  owner?: string;
  generative?: boolean;
  pipelineTag?: string;
  interactive?: boolean;
  force?: boolean;
}

export interface CardBuildOptions extends CommonOptions {
  card: string;
  bias: string[];
  provenance?: string;
}

export interface CardImportOptions {
  to: string;
  force?: boolean;
}

async function refuseOverwrite(path: string, cwd: string, force: boolean | undefined): Promise<void> {
  if (force) return;
  const exists = await access(resolve(cwd, path)).then(
    () => true,
    () => false,
  );
  if (exists)
    throw new UsageError(`${path} exists already`, {
      hint: 'Pass --force to overwrite it, or name another file',
    });
}

async function ask(options: CardInitOptions): Promise<CardInitOptions> {
  if (!process.stdin.isTTY)
    throw new UsageError('--interactive needs a terminal', {
      hint: 'Pass --name, --license, --owner instead',
    });
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const name =
      (await rl.question(`Model name${options.name ? ` (${options.name})` : ''}: `)) || options.name;
    const license = (await rl.question(`Licence, SPDX (${options.license}): `)) || options.license;
    const owner =
      (await rl.question(`Owner${options.owner ? ` (${options.owner})` : ''}: `)) || options.owner;
    const generative = /^y/i.test(await rl.question('Does the model generate content? (y/N): '));
    return { ...options, name, license, owner, generative };
  } finally {
    rl.close();
  }
}

/** `rai-audit card init [file]`: a commented starter card; prompts only with --interactive on a terminal. */
export async function runCardInit(io: CliIo, file: string, given: CardInitOptions): Promise<number> {
  const options = given.interactive ? await ask(given) : given;
  const license = parseLicenseExpression(options.license);
  if (!license.ok) {
    throw new UsageError(`--license "${options.license}" is not an SPDX expression: ${license.message}`, {
      hint: license.suggestion
        ? `Did you mean "${license.suggestion}"?`
        : 'Use an SPDX id such as Apache-2.0',
    });
  }
  await refuseOverwrite(file, io.cwd, options.force);
  const { starterCard } = await import('@rai-audit/model-card');
  const text = starterCard({
    name: options.name ?? 'my-model',
    license: license.expression,
    owner: options.owner,
    generative: options.generative,
    pipelineTag: options.pipelineTag,
  });
  await writeFilesAtomically([{ path: resolve(io.cwd, file), content: text }]);
  io.stdout(`Wrote ${file}: fill in the TODOs, then run rai-audit card check --card ${file}\n`);
  return 0;
}

/** `rai-audit card build` (README.md, bom.cdx.json, model-card.html and the reports) and `card check` (reports only). */
export async function runCardBuild(io: CliIo, options: CardBuildOptions, publish: boolean): Promise<number> {
  const card = await import('@rai-audit/model-card');
  const source = await card.loadCardSource(options.card, io.cwd);
  const audits = await card.loadAuditSources(options.bias, io.cwd);
  const provenance = await card.loadProvenance(options.provenance, io.cwd);
  let built: ReturnType<typeof card.buildCard> | undefined;
  return runAudit(io, options, {
    command: publish ? 'card' : 'card-check',
    inputs: [
      { path: options.card, role: 'card' },
      ...options.bias.map((path) => ({ path, role: 'audit-result' })),
      ...(options.provenance ? [{ path: options.provenance, role: 'provenance' }] : []),
    ],
    run: async (policy) => {
      built = card.buildCard({
        card: source.card,
        audits,
        provenance,
        currentDigests: await card.currentDigests(audits, io.cwd),
        policy,
        tool: { name: 'rai-audit', version: toolVersion() },
        createdAt: runTimestamp(io.env).toISOString(),
      });
      const section: ModelCardSection = { ...built.section, outputs: publish ? built.section.outputs : [] };
      const warnings = [
        ...source.warnings.map((message) => ({ code: 'card.unknown-key', message })),
        ...built.warnings,
      ];
      return { sections: [section], checks: built.checks, warnings };
    },
    artifacts: publish
      ? async (result) => {
          const { renderModelCardHtml } = await import('@rai-audit/report');
          return [
            { name: card.CARD_OUTPUT_FILES.readme, content: built?.readme ?? '' },
            { name: card.CARD_OUTPUT_FILES.bom, content: `${JSON.stringify(built?.bom ?? {}, null, 2)}\n` },
            { name: card.CARD_OUTPUT_FILES.html, content: await renderModelCardHtml(result) },
          ];
        }
      : undefined,
  });
}

/** `rai-audit card import FILE`: the card source, and the loss report on stdout. */
export async function runCardImport(io: CliIo, file: string, options: CardImportOptions): Promise<number> {
  const { importCardFile, formatLossReport } = await import('@rai-audit/model-card');
  const imported = await importCardFile(file, io.cwd);
  await refuseOverwrite(options.to, io.cwd, options.force);
  const header = `# Imported by rai-audit card import from ${file} (${imported.format}); check it, then run rai-audit card check.\n`;
  await writeFilesAtomically([
    { path: resolve(io.cwd, options.to), content: `${header}${stringify(imported.card, { lineWidth: 0 })}` },
  ]);
  io.stdout(`Wrote ${options.to} from ${file}. Loss report:\n${formatLossReport(imported.loss)}\n`);
  return 0;
}
