import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMATS, makeImage } from './generated-images.js';
import { runCli, tempDir } from './run-cli.js';

interface Cell {
  asset: string;
  transform: string;
  c2pa: string;
  aiLabel: string[];
  terms: string[];
  watermark: string | null;
  error?: string;
}

describe('rai-audit assets survive: the matrix for images marked by rai-audit', () => {
  const dir = tempDir('rai-audit-survive-');
  const keys = join(dir, 'keys');
  const signed = join(dir, 'signed');
  let cells: Cell[];
  let run: Awaited<ReturnType<typeof runCli>>;
  let markdown: string;

  beforeAll(async () => {
    expect((await runCli(['assets', 'keygen', '--out', keys])).code).toBe(0);
    mkdirSync(join(dir, 'in'));
    const inputs: string[] = [];
    for (const extension of Object.keys(FORMATS) as Array<keyof typeof FORMATS>) {
      const path = join(dir, 'in', `image.${extension}`);
      writeFileSync(path, await makeImage(extension));
      inputs.push(path);
    }
    const key = ['--cert', join(keys, 'cert.pem'), '--key', join(keys, 'key.pem')];
    const terms = ['--author', 'Ada', '--license', 'CC-BY-4.0', '--training-mining', 'notAllowed'];
    const marked = await runCli([
      'assets',
      'mark',
      ...inputs,
      '--out',
      signed,
      ...key,
      '--ai-generated',
      ...terms,
      '--watermark',
      'sdv2',
    ]);
    expect(marked.code).toBe(0);
    const out = join(dir, 'reports');
    run = await runCli([
      'assets',
      'survive',
      signed,
      '--trust',
      join(keys, 'ca.pem'),
      '--format',
      'json,md',
      '--out',
      out,
    ]);
    const result = JSON.parse(readFileSync(join(out, 'assets-survive', 'audit.json'), 'utf8')) as {
      sections: Array<{ kind: string; survival?: { cells: Cell[] } }>;
    };
    cells = result.sections[0]!.survival!.cells;
    markdown = readFileSync(join(out, 'assets-survive', 'summary.md'), 'utf8');
  });

  const cell = (asset: string, transform: string): Cell =>
    cells.find((c) => c.asset === asset && c.transform === transform)!;

  it('runs and lists asset × (original + 7 transforms)', () => {
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    expect(cells).toHaveLength(4 * 8);
  });

  for (const extension of Object.keys(FORMATS)) {
    const asset = `image.${extension}`;
    it(`${asset}: every mark reads on the original`, () => {
      expect(cell(asset, 'original')).toEqual({
        asset,
        transform: 'original',
        c2pa: 'valid',
        aiLabel: ['c2pa-active', 'xmp'],
        terms: ['c2pa', 'xmp'],
        watermark: 'SDV2',
      });
    });

    it(`${asset}: lossless steps keep the watermark (strip-metadata, png-recompress)`, () => {
      expect(cell(asset, 'strip-metadata').watermark).toBe('SDV2');
      expect(cell(asset, 'png-recompress').watermark).toBe('SDV2');
    });

    it(`${asset}: JPEG 90 (4:2:0), resizing and cropping lose the watermark`, () => {
      expect(cell(asset, 'jpeg90').watermark).toBeNull();
      expect(cell(asset, 'jpeg75').watermark).toBeNull();
      expect(cell(asset, 'resize50').watermark).toBeNull();
      expect(cell(asset, 'crop5').watermark).toBeNull();
    });

    it(`${asset}: stripping metadata loses C2PA and XMP (the AI label and the terms)`, () => {
      expect(cell(asset, 'strip-metadata')).toMatchObject({ c2pa: 'absent', aiLabel: [], terms: [] });
    });

    it(`${asset}: re-encoding drops the manifest; XMP carries the label where the tool keeps metadata`, () => {
      for (const transform of ['jpeg90', 'webp80', 'resize50', 'png-recompress']) {
        expect(cell(asset, transform).c2pa).toBe('absent');
        expect(cell(asset, transform).aiLabel).toEqual(['xmp']);
        expect(cell(asset, transform).terms).toEqual(['xmp']);
      }
    });
  }

  it('the Markdown summary has the matrix', () => {
    expect(markdown).toMatch(/Which marks survive/);
    expect(markdown).toMatch(/\| image\.png \| strip-metadata \|/);
  });
});

describe('rai-audit assets survive: bad input', () => {
  it('an unknown transform: exit 2, naming it and listing the others', async () => {
    const run = await runCli(['assets', 'survive', '.', '--transforms', 'jpeg90,jpg50']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown transform "jpg50".*jpeg90, jpeg75, webp80/s);
  });

  it('a file that is not an image: every transform cell says why, the run still reports', async () => {
    const dir = tempDir('rai-audit-survive-bad-');
    writeFileSync(join(dir, 'notes.txt'), 'not an image');
    const out = join(dir, 'reports');
    const run = await runCli([
      'assets',
      'survive',
      join(dir, 'notes.txt'),
      '--transforms',
      'jpeg90',
      '--format',
      'json',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(readFileSync(join(out, 'assets-survive', 'audit.json'), 'utf8')) as {
      sections: Array<{ survival: { cells: Cell[] } }>;
    };
    const cells = result.sections[0]!.survival.cells;
    expect(cells.map((c) => c.transform)).toEqual(['original', 'jpeg90']);
    expect(cells[1]!.error).toMatch(/not a media type the C2PA reader knows/);
  });
});
