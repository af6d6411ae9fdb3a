import { resolve } from 'node:path';
import type { AuditResult, ModelCardConfig, ModelCardSection, ResolvedPolicy } from '@rai-audit/core';
import { assembleAuditResult, runTimestamp } from '../audit-result.js';
import { describeInputFile } from '../files.js';
import type { ProvenanceDataset } from '@rai-audit/model-card';
import type { CliIo } from '../io.js';
import type { AreaOutcome, AuditSpec } from '../run-audit.js';
import { toolVersion } from '../version.js';

/** A bias area of the run with a promise of its outcome, so that the model card can be built from it. */
export interface TappedArea {
  spec: AuditSpec;
  outcome: Promise<AreaOutcome>;
}

/** Wraps an area run so that others can wait for its outcome (a failure rejects theirs too). */
export function tapArea(spec: AuditSpec): TappedArea {
  let settle: { resolve: (o: AreaOutcome) => void; reject: (e: unknown) => void } | undefined;
  const outcome = new Promise<AreaOutcome>((resolve, reject) => (settle = { resolve, reject }));
  // Nobody may be waiting (no modelCard block): the rejection is the run's, reported through the area itself.
  outcome.catch(() => undefined);
  return {
    outcome,
    spec: {
      ...spec,
      run: async (policy, progress, waiting) => {
        try {
          const result = await spec.run(policy, progress, waiting);
          settle?.resolve(result);
          return result;
        } catch (error) {
          settle?.reject(error);
          throw error;
        }
      },
    },
  };
}

/** One bias area of this run as the AuditResult `card build --bias` would read from its audit.json. */
async function freshBiasResult(io: CliIo, area: TappedArea, policy: ResolvedPolicy): Promise<AuditResult> {
  const [outcome, refs] = await Promise.all([
    area.outcome,
    typeof area.spec.inputs === 'function' ? area.spec.inputs(policy) : area.spec.inputs,
  ]);
  const inputs = await Promise.all(
    refs.map((ref) => describeInputFile(resolve(io.cwd, ref.path), ref.role, io.cwd)),
  );
  return assembleAuditResult({
    command: 'bias',
    version: toolVersion(),
    createdAt: runTimestamp(io.env),
    inputs,
    policy: { path: null, sha256: null, failOn: policy.failOn },
    ...outcome,
  });
}

/**
 * The provenance of this run's data area as `card build --provenance` reads it: the CycloneDX export of the ledger
 * and its lock (what `rai-audit data export --format cyclonedx` writes), once `data verify` has re-hashed them.
 */
async function freshProvenance(
  io: CliIo,
  data: { area: TappedArea; ledger: string },
): Promise<ProvenanceDataset[]> {
  await data.area.outcome;
  const [provenance, card] = await Promise.all([
    import('@rai-audit/data-provenance'),
    import('@rai-audit/model-card'),
  ]);
  const paths = provenance.provenancePaths(data.ledger);
  const { ledger } = provenance.loadLedger(paths.ledger);
  const tool = `rai-audit ${toolVersion()}`;
  const lock = provenance.readLock(paths.lock, tool);
  const bom = provenance.exportCycloneDx({
    ledger,
    lock,
    createdAt: runTimestamp(io.env).toISOString(),
    tool,
  });
  return card.provenanceFromCycloneDx(bom) ?? [];
}

/**
 * The model card area of `rai-audit run`: `card build` over the card source, fed with the bias results of this
 * same run (so that no metric in the card can be stale) instead of audit.json files, and with the provenance of
 * this run's data area when there is one; the card's README.md,
 * bom.cdx.json and model-card.html go into the run's report set.
 */
export function modelCardAreaRun(
  io: CliIo,
  block: ModelCardConfig,
  cardPath: string,
  biasAreas: readonly TappedArea[],
  data?: { area: TappedArea; ledger: string },
): AuditSpec {
  const outputs = new Set(block.outputs ?? ['readme', 'html', 'cyclonedx']);
  let built: { readme: string; bom: unknown } | undefined;
  return {
    command: 'model-card',
    inputs: [{ path: cardPath, role: 'card' }],
    run: async (policy, progress) => {
      const card = await import('@rai-audit/model-card');
      const source = await card.loadCardSource(cardPath, io.cwd);
      progress(`rai-audit model-card: waiting for ${biasAreas.length} bias audit(s) of this run…`);
      const results = await Promise.all(biasAreas.map((area) => freshBiasResult(io, area, policy)));
      progress('rai-audit model-card: building the card and checking it…');
      const audits = results.map((result, index) => ({
        file: `${biasAreas[index]!.spec.command} (this run)`,
        result,
      }));
      // Fresh results were computed from the files as they are: their digests are the current ones.
      const currentDigests = new Map(
        results.flatMap((result) => result.inputs.map((input) => [input.path, input.sha256] as const)),
      );
      const build = card.buildCard({
        card: source.card,
        audits,
        provenance: data ? await freshProvenance(io, data) : [],
        currentDigests,
        policy,
        tool: { name: 'rai-audit', version: toolVersion() },
        createdAt: runTimestamp(io.env).toISOString(),
      });
      built = build;
      const section: ModelCardSection = build.section;
      const warnings = [
        ...source.warnings.map((message) => ({ code: 'card.unknown-key', message })),
        ...build.warnings,
      ];
      return { sections: [section], checks: build.checks, warnings };
    },
    artifacts: async (result) => {
      const card = await import('@rai-audit/model-card');
      const files: Array<{ name: string; content: string }> = [];
      if (outputs.has('readme'))
        files.push({ name: card.CARD_OUTPUT_FILES.readme, content: built?.readme ?? '' });
      if (outputs.has('cyclonedx'))
        files.push({
          name: card.CARD_OUTPUT_FILES.bom,
          content: `${JSON.stringify(built?.bom ?? {}, null, 2)}\n`,
        });
      if (outputs.has('html')) {
        const { renderModelCardHtml } = await import('@rai-audit/report');
        files.push({ name: card.CARD_OUTPUT_FILES.html, content: await renderModelCardHtml(result) });
      }
      return files;
    },
  };
}
