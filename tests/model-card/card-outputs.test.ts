import ajvModule from 'ajv';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, summarizeChecks, type AuditResult, type ModelCardSource } from '@rai-audit/core';
import { buildCard, HubFrontMatterSchema, importHfReadme, importMctJson } from '@rai-audit/model-card';
import { renderHtmlReport, renderMarkdownReport, renderModelCardHtml } from '@rai-audit/report';
import {
  biasAuditResult,
  completeCard,
  DATA_SHA,
  HOSTILE,
} from '../../packages/model-card/test/card-fixtures.js';
import { mctExample } from '../../packages/model-card/test/mct-example.js';
import { cardPolicy } from '../../packages/model-card/test/policy.js';
import { yamlDocuments } from '../../packages/model-card/test/yaml-documents.js';
import { hasShared, readSharedJson, SHARED_ABSENT } from '../shared-fixtures.js';

// ajv is CommonJS: under NodeNext its default import is module.exports, whose `default` is the class.
const Ajv = ajvModule.default;
const addFormats = ajvFormats.default;

interface BomComponent {
  type: string;
  name: string;
  hashes?: unknown;
  modelCard?: {
    quantitativeAnalysis: {
      performanceMetrics: Array<{ type: string; slice: string; confidenceInterval?: unknown }>;
    };
    considerations: { fairnessAssessments: Array<{ groupAtRisk: string }> };
  };
}

function build(card: ModelCardSource) {
  return buildCard({
    card,
    audits: [{ file: 'reports/bias/audit.json', result: biasAuditResult() }],
    provenance: [{ name: 'loans 2015-2024', sha256: 'd'.repeat(64), license: 'CC-BY-4.0' }],
    currentDigests: new Map([['data/eval.csv', DATA_SHA]]),
    policy: cardPolicy(),
    tool: { name: 'rai-audit', version: '0.1.0' },
    createdAt: '2026-01-02T00:00:00.000Z',
  });
}

function resultOf(built: ReturnType<typeof build>): AuditResult {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'rai-audit', version: '0.1.0' },
    command: 'card',
    createdAt: '2026-01-02T00:00:00.000Z',
    inputs: [],
    policy: { path: null, sha256: null, failOn: 'error' },
    sections: [built.section],
    checks: built.checks,
    summary: summarizeChecks(built.checks),
    warnings: built.warnings,
  };
}

describe.skipIf(!hasShared('schemas', 'cyclonedx'))(
  `CycloneDX ML-BOM ${hasShared('schemas', 'cyclonedx') ? '' : SHARED_ABSENT}`,
  () => {
    const validator = () => {
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats(ajv);
      ajv.addSchema(readSharedJson('schemas', 'cyclonedx', 'spdx.schema.json') as object);
      ajv.addSchema(readSharedJson('schemas', 'cyclonedx', 'jsf-0.82.schema.json') as object);
      return ajv.compile(readSharedJson('schemas', 'cyclonedx', 'bom-1.6.schema.json') as object);
    };

    it('validates against bom-1.6.schema.json, with per-slice metrics, fairness assessments and hashed data components', () => {
      const validate = validator();
      const { bom } = build(
        completeCard({ fairnessAssessments: [{ groupAtRisk: 'women', harms: 'fewer approvals' }] }),
      );
      expect(validate(bom), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      const components = bom.components as BomComponent[];
      const model = components.find((c) => c.type === 'machine-learning-model');
      const metrics = model?.modelCard?.quantitativeAnalysis.performanceMetrics ?? [];
      expect(
        metrics.find((m) => m.slice === 'sex=female (n=400)' && m.type === 'accuracy')?.confidenceInterval,
      ).toEqual({ lowerBound: String(0.7 - 0.02), upperBound: String(0.7 + 0.02) });
      const fairness = model?.modelCard?.considerations.fairnessAssessments ?? [];
      expect(fairness.map((f) => f.groupAtRisk)).toEqual(['women', 'sex=female']);
      const data = components.filter((c) => c.type === 'data');
      expect(data.find((d) => d.name === 'loans 2015-2024')?.hashes).toEqual([
        { alg: 'SHA-256', content: 'd'.repeat(64) },
      ]);
      expect(data.find((d) => d.name === 'holdout 2025')).toBeDefined();
    });

    it('stays valid with hostile text and a licence that is not SPDX', () => {
      const validate = validator();
      const card = completeCard({
        model: { ...completeCard().model, name: HOSTILE, license: 'LicenseRef-OpenRAIL' },
        limitations: [HOSTILE],
      });
      expect(validate(build(card).bom), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    });
  },
);

describe.skipIf(!hasShared('schemas', 'mct'))(
  `Model Card Toolkit import ${hasShared('schemas', 'mct') ? '' : SHARED_ABSENT}`,
  () => {
    it('the example is a valid MCT v0.0.2 document, and it imports', () => {
      const ajv = new Ajv({ strict: false });
      addFormats(ajv);
      const validate = ajv.compile(
        readSharedJson('schemas', 'mct', 'model_card.schema.v0.0.2.json') as object,
      );
      expect(validate(mctExample()), JSON.stringify(validate.errors)).toBe(true);
      const { card } = importMctJson(JSON.stringify(mctExample()), 'model_card.json');
      expect(card.model.name).toBe('Census income classifier');
      expect(card.limitations).toEqual(['Data from 1994']);
    });
  },
);

describe('hostile card text comes out inert in every output', () => {
  const card = completeCard({
    model: {
      ...completeCard().model,
      name: HOSTILE,
      id: HOSTILE,
      description: HOSTILE,
      references: ['javascript:alert(1)'],
    },
    intendedUse: { primaryUses: [HOSTILE], outOfScopeUses: ['[x](javascript:alert(1))'] },
    limitations: [HOSTILE],
    extra: { [HOSTILE]: HOSTILE },
  });
  const built = build(card);

  it('README: one front matter document whose values round-trip; no raw tag, link or marker in the body', () => {
    const end = built.readme.indexOf('\n---\n', 4);
    const documents = yamlDocuments(built.readme.slice(4, end + 1));
    expect(documents).toHaveLength(1);
    const front = HubFrontMatterSchema.parse(documents[0]);
    expect(front['model-index']?.[0]?.name).toBe(HOSTILE);
    // Unmapped imported text is kept verbatim in fenced code blocks, which the Hub shows as text: the fence must hold.
    expect(Object.values(importHfReadme(built.readme).card.extra ?? {})).toContain(HOSTILE);
    const body = built.readme.slice(end + 5).replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, '');
    expect(body).not.toMatch(/<script/i);
    expect(body).not.toMatch(/\]\(javascript:/i);
    expect(body.split('\n').filter((line) => /^(---|\.\.\.)\s*$/.test(line))).toEqual([]);
    expect(body).toContain('&lt;script&gt;');
  });

  it('BOM: the text is a JSON string, byte for byte', () => {
    const json = JSON.stringify(built.bom);
    expect((JSON.parse(json) as { components: Array<{ name: string }> }).components[0]?.name).toBe(HOSTILE);
  });

  it('HTML card and report: escaped, no anchor, CSP present', async () => {
    for (const html of [
      await renderModelCardHtml(resultOf(built)),
      await renderHtmlReport(resultOf(built)),
    ]) {
      expect(html).toContain("script-src 'none'");
      expect(html).not.toMatch(/<script>alert/);
      expect(html).not.toMatch(/href="javascript:/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    const markdown = renderMarkdownReport(resultOf(built));
    expect(markdown).not.toMatch(/<script/i);
  });
});
