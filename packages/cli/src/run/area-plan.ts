import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { UsageError, closestMatch, isRaiAuditError, type DataConfig } from '@rai-audit/core';
import { dataAreaRun, parseIntendedUse } from '../commands/data-record.js';
import { assertInputs, biasAreaRun } from '../commands/bias.js';
import {
  DEFAULT_MAX_PIXELS,
  DEFAULT_TIMEOUT_MS,
  assetsAreaRun,
  parseValidationTime,
} from '../commands/assets.js';
import type { CliIo } from '../io.js';
import type { AuditSpec } from '../run-audit.js';
import { biasDataFromConfig, biasFlagsFromConfig } from './bias-config.js';
import type { LoadedConfig } from './load-config.js';
import { modelCardAreaRun, tapArea } from './model-card-area.js';

/** The areas `--only` can name, in the order the report shows them. */
export const RUN_AREAS = ['bias', 'data', 'model-card', 'assets'] as const;
export type RunArea = (typeof RUN_AREAS)[number];

const AREA_ALIASES: Readonly<Record<string, RunArea>> = {
  modelcard: 'model-card',
  card: 'model-card',
  provenance: 'data',
  'data-provenance': 'data',
  'content-credentials': 'assets',
};

/** `--only bias,assets`: the areas to run; every area the config describes when absent. */
export function parseOnly(text: string | undefined): Set<RunArea> {
  if (text === undefined) return new Set(RUN_AREAS);
  const areas = new Set<RunArea>();
  for (const raw of text
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean)) {
    const area = (RUN_AREAS as readonly string[]).includes(raw) ? (raw as RunArea) : AREA_ALIASES[raw];
    if (!area) {
      const near = closestMatch(raw, RUN_AREAS);
      throw new UsageError(`unknown area "${raw}" in --only`, {
        hint: `${near ? `Did you mean "${near}"? ` : ''}Areas: ${RUN_AREAS.join(', ')}`,
      });
    }
    areas.add(area);
  }
  if (areas.size === 0)
    throw new UsageError('--only is empty', { hint: `Name areas: ${RUN_AREAS.join(',')}` });
  return areas;
}

/** Runs `build`, turning its usage errors into errors that name the config file and the block. */
function fromBlock<T>(config: LoadedConfig, block: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!isRaiAuditError(error) || error.exitCode !== 2) throw error;
    throw new UsageError(`${config.shown}: ${block}: ${error.message}`, {
      hint: `${error.hint ?? ''} (in rai-audit.yaml, flags are keys of the block in camelCase: --min-group-size is minGroupSize)`.trim(),
      cause: error,
    });
  }
}

function biasSpecs(io: CliIo, config: LoadedConfig): AuditSpec[] {
  const blocks = [config.config.bias ?? []].flat();
  return blocks.map((block, index) => {
    const where = blocks.length === 1 ? 'bias' : `bias[${index}]`;
    const label = block.name ?? (index === 0 ? 'bias' : `bias-${index + 1}`);
    return fromBlock(config, where, () => {
      const flags = biasFlagsFromConfig(block, config.path);
      const files = biasDataFromConfig(block, config.path);
      assertInputs(files, flags);
      return biasAreaRun(io, files, flags, label);
    });
  });
}

function dataSpec(io: CliIo, config: LoadedConfig, block: DataConfig): AuditSpec {
  return fromBlock(config, 'data', () =>
    dataAreaRun(io, {
      ledger: config.path(block.ledger),
      full: block.full,
      frozen: block.frozen,
      intendedUse: parseIntendedUse(block.intendedUse),
      workers: availableParallelism(),
      progress: 'messages',
    }),
  );
}

function assetsSpec(io: CliIo, config: LoadedConfig, outDir: string): AuditSpec | undefined {
  const block = config.config.assets;
  if (!block) return undefined;
  return fromBlock(config, 'assets', () =>
    assetsAreaRun(io, [block.paths].flat().map(config.path), {
      trust: [],
      policyDir: dirname(config.file),
      policyFile: config.shown,
      // The reports of the last run are not assets of this one.
      excludeFolders: [outDir],
      at: block.at === undefined ? undefined : parseValidationTime(block.at),
      allowNetwork: block.allowNetwork ?? false,
      watermarkPayloads: block.watermarkPayloads ?? [],
      exclude: block.exclude ?? [],
      workers: availableParallelism(),
      timeoutMs: DEFAULT_TIMEOUT_MS,
      maxPixels: DEFAULT_MAX_PIXELS,
    }),
  );
}

/** The area runs of a config, restricted to `only`; a usage error when that leaves nothing to run. */
export function planAreaRuns(
  io: CliIo,
  config: LoadedConfig,
  only: ReadonlySet<RunArea>,
  outDir: string,
): AuditSpec[] {
  const specs: AuditSpec[] = [];
  const bias = only.has('bias') ? biasSpecs(io, config).map(tapArea) : [];
  specs.push(...bias.map((area) => area.spec));
  const dataBlock = only.has('data') ? config.config.data : undefined;
  const data = dataBlock ? tapArea(dataSpec(io, config, dataBlock)) : undefined;
  if (data) specs.push(data.spec);
  const card = config.config.modelCard;
  if (only.has('model-card') && card) {
    const ledger = data && dataBlock ? { area: data, ledger: config.path(dataBlock.ledger) } : undefined;
    specs.push(modelCardAreaRun(io, card, config.path(card.card), bias, ledger));
  }
  const assets = only.has('assets') ? assetsSpec(io, config, outDir) : undefined;
  if (assets) specs.push(assets);
  if (specs.length === 0) {
    throw new UsageError(
      `${config.shown} describes no audit${only.size < RUN_AREAS.length ? ` of the areas given to --only (${[...only].join(', ')})` : ''}`,
      { hint: 'Add a bias, modelCard, data or assets block (rai-audit init writes a starter config)' },
    );
  }
  return specs;
}
