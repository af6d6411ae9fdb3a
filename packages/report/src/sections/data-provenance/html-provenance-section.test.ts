import { describe, expect, it } from 'vitest';
import {
  DataProvenanceSectionSchema,
  type DataProvenanceSection,
  type ProvenanceDataset,
} from '@rai-audit/core';
import { renderDataProvenanceSection } from './html-provenance-section.js';
import { lineageDepths } from './lineage-svg.js';
import { renderMarkdownProvenance } from './markdown-provenance.js';

const HOSTILE = '<script>alert(1)</script>"&\'';
const terms = {
  commercialUse: 'allowed',
  attribution: 'yes',
  shareAlike: 'no',
  noDerivatives: 'no',
  useRestrictions: 'no',
  unknownIds: [],
} as const;

function dataset(
  name: string,
  derivedFrom: string[],
  drift: Partial<ProvenanceDataset['drift']> = {},
): ProvenanceDataset {
  return {
    name,
    license: { declared: 'MIT', expression: 'MIT' },
    terms: { ...terms, unknownIds: [] },
    lineageTerms: { ...terms, unknownIds: [] },
    sources: [{ url: `https://example.org/${name}` }],
    trainingPermission: 'allowed',
    usedFor: ['training'],
    derivedFrom,
    transformation: `clean ${name}`,
    digest: 'a'.repeat(64),
    fileCount: 2,
    totalBytes: 2048,
    drift: {
      status: 'unchanged',
      changed: [],
      missing: [],
      added: [],
      problems: [],
      fromCache: 2,
      hashed: 0,
      upgraded: 0,
      ...drift,
    },
  };
}

const section: DataProvenanceSection = DataProvenanceSectionSchema.parse({
  kind: 'data-provenance',
  id: 'data-provenance',
  title: 'Data provenance',
  ledger: 'provenance.yaml',
  mode: 'cache',
  intendedUse: 'research',
  modelLicense: null,
  datasets: [
    dataset('raw', []),
    dataset(HOSTILE, ['raw'], { status: 'drifted', changed: [`data/${HOSTILE}.csv`] }),
    dataset('final', ['raw', HOSTILE]),
  ],
  conflicts: [
    { code: 'use-not-allowed', severity: 'error', subject: HOSTILE, message: `${HOSTILE} is non-commercial` },
  ],
});

describe('data-provenance section', () => {
  it('escapes every user-supplied string in HTML, SVG included', () => {
    const html = renderDataProvenanceSection(section, 's0');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('places datasets in lineage columns and draws one arrow per derivation, with an accessible table', () => {
    expect([...lineageDepths(section).values()]).toEqual([0, 1, 2]);
    const html = renderDataProvenanceSection(section, 's0');
    expect(html.match(/<line /g)).toHaveLength(3);
    expect(html).toMatch(/<svg role="img" aria-labelledby="s0-lineage-title"/);
    expect(
      html
        .match(/<tbody>[\s\S]*?<\/tbody>/g)
        ?.at(-1)
        ?.match(/<tr>/g),
    ).toHaveLength(3);
  });

  it('lists drifted files and conflicts, and says when every dataset is as recorded', () => {
    const html = renderDataProvenanceSection(section, 's0');
    expect(html).toContain('Changed (1)');
    expect(html).toContain('✖ error');
    const clean = { ...section, datasets: [dataset('raw', [])], conflicts: [] };
    expect(renderDataProvenanceSection(clean, 's1')).toContain('Every dataset is as recorded');
  });

  it('renders a Markdown table with escaped names', () => {
    const lines = renderMarkdownProvenance({ sections: [section] } as never);
    expect(lines[0]).toBe('### Data provenance');
    expect(lines.join('\n')).not.toContain('<script>');
    expect(
      lines.filter((l) => l.startsWith('| ') && !l.startsWith('| Dataset') && !l.startsWith('| ---')),
    ).toHaveLength(3);
  });
});
