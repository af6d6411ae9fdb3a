import type { AssetResult, RunWarning } from '@rai-audit/core';
import type { CompiledAssetRule } from './asset-rules.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Run-level notes: no rules at all, rules that matched nothing (a typo?), remote manifests left unfetched. */
export function buildRunWarnings(
  assets: readonly AssetResult[],
  rules: readonly CompiledAssetRule[],
  allowNetwork: boolean,
): RunWarning[] {
  const warnings: RunWarning[] = [];
  if (rules.length === 0) {
    warnings.push({
      code: 'assets.no-rules',
      message: 'the policy has no `assets:` rules, so no asset is gated (each is reported as not covered)',
    });
  }
  const used = new Set(assets.flatMap((asset) => asset.rules));
  for (const rule of rules) {
    if (!used.has(rule.glob)) {
      warnings.push({
        code: 'assets.rule-unused',
        message: `the policy rule "${rule.glob}" matches no asset`,
      });
    }
  }
  const remote = assets.filter((asset) => asset.c2pa?.outcome === 'remote-manifest').length;
  if (remote > 0 && !allowNetwork) {
    warnings.push({
      code: 'assets.remote-not-fetched',
      message: `${plural(remote, 'asset')} reference a remote C2PA manifest that was not fetched (--allow-network fetches it)`,
    });
  }
  return warnings;
}
