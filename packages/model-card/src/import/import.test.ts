import { describe, expect, it } from 'vitest';
import { biasAuditResult, completeCard, DATA_SHA } from '../../test/card-fixtures.js';
import { mctExample } from '../../test/mct-example.js';
import { cardPolicy } from '../../test/policy.js';
import { buildCard } from '../build/build-card.js';
import { importHfReadme } from './hf-readme.js';
import { importMctJson } from './mct-json.js';

function readmeOf(card = completeCard()): string {
  return buildCard({
    card,
    audits: [{ file: 'audit.json', result: biasAuditResult() }],
    provenance: [],
    currentDigests: new Map([['data/eval.csv', DATA_SHA]]),
    policy: cardPolicy(),
    tool: { name: 'rai-audit', version: '0.1.0' },
    createdAt: '2026-01-02T00:00:00.000Z',
  }).readme;
}

describe('importHfReadme', () => {
  it('round trip: a README the project writes imports with nothing lost, and builds the same README again', () => {
    const original = completeCard();
    const { card, loss } = importHfReadme(readmeOf(original));
    expect(loss.lost).toEqual([]);
    expect(loss.keptInExtra).toEqual([]);
    expect(card.model).toEqual({ ...original.model });
    expect(card.intendedUse).toEqual(original.intendedUse);
    expect(card.limitations).toEqual(original.limitations);
    expect(card.ethicalConsiderations).toEqual(original.ethicalConsiderations);
    expect(card.factors?.relevant).toEqual(original.factors?.relevant);
    expect(card.environmentalImpact).toEqual(original.environmentalImpact);
    expect(card.recommendations).toEqual(original.recommendations);
    expect(card.evaluationData).toEqual(original.evaluationData);
    expect(card.trainingData).toEqual(original.trainingData);
    expect(card.outputTerms).toEqual(original.outputTerms);
    expect(card.caveats).toEqual(original.caveats);
    expect(card.authors).toEqual(original.authors);
    expect(card.contact).toEqual(original.contact);
    const rebuilt = importHfReadme(readmeOf(card));
    expect(rebuilt.card).toEqual(card);
  });

  it('keeps text the card has no field for under extra, and says so', () => {
    const text =
      '---\nlicense: mit\nthumbnail: x.png\n---\n# Model Card for tiny\n\n## Modellbeschreibung\n\nEin kleines Modell.\n\n## How to Get Started with the Model\n\n```python\nload()\n```\n';
    const { card, loss } = importHfReadme(text);
    expect(card.model).toMatchObject({ name: 'tiny', license: 'MIT' });
    expect(Object.keys(card.extra ?? {})).toEqual([
      'front matter: thumbnail',
      'Modellbeschreibung',
      'How to Get Started with the Model',
    ]);
    expect(card.extra?.['Modellbeschreibung']).toBe('Ein kleines Modell.');
    expect(loss.keptInExtra).toHaveLength(3);
  });

  it('survives messy cards: no front matter, HTML, broken YAML, a 5,000-line body', () => {
    const html =
      '<div align="center"><img src="x.png"></div>\n<h2>Not a heading for the lexer</h2>\n\n# Model\n\n<script>x</script>\n';
    expect(importHfReadme(html).card.model.name).toBe('Model');
    expect(importHfReadme(html).loss.lost.map((l) => l.field)).toContain('front matter');
    const broken = importHfReadme('---\nlicense: [mit\n---\n# M\n');
    expect(broken.loss.lost[0]?.field).toBe('front matter');
    const long = `# Big\n\n${Array.from({ length: 1000 }, (_, i) => `## Part ${i}\n\n- item ${i}\n\n| a | b |\n|---|---|\n| ${i} | x |\n`).join('\n')}`;
    expect(long.split('\n').length).toBeGreaterThan(5000);
    const started = performance.now();
    const { card } = importHfReadme(long);
    expect(Object.keys(card.extra ?? {})).toHaveLength(1000);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(importHfReadme('').card.model.name).toBe('unnamed model');
  });
});

describe('importMctJson', () => {
  it('maps a Model Card Toolkit document and reports what it could not carry', () => {
    const { card, loss } = importMctJson(JSON.stringify(mctExample()), 'model_card.json');
    expect(card.model).toMatchObject({
      name: 'Census income classifier',
      version: 'v1.0',
      license: 'Apache-2.0',
      architecture: 'Wide and deep network',
    });
    expect(card.intendedUse).toEqual({
      primaryUses: ['Studying income prediction'],
      primaryUsers: ['Researchers'],
    });
    expect(card.ethicalConsiderations).toEqual([
      { risk: 'Sex and race are features', mitigation: 'Audit by group' },
    ]);
    expect(card.trainingData?.[0]?.source).toMatch(/census/);
    expect(loss.keptInExtra.join('\n')).toMatch(/performance_metrics/);
    expect(loss.lost.map((l) => l.field)).toContain('model_parameters.data');
  });
});
