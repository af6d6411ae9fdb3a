import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

// sharp is a dependency of content-credentials, not of the root: load it from there.
interface SharpImage {
  toFormat(format: string): SharpImage;
  gif(): SharpImage;
  toBuffer(): Promise<Buffer>;
}
const sharp = createRequire(new URL('../../packages/content-credentials/package.json', import.meta.url))(
  'sharp',
) as (input: unknown, options?: unknown) => SharpImage;

const FORMATS = { jpg: 'jpeg', png: 'png', webp: 'webp', tiff: 'tiff' } as const;

/** A project-generated image: gradients and a wave, 384×256 (above the 65,536 pixels dwtDct needs). */
async function makeImage(extension: keyof typeof FORMATS): Promise<Buffer> {
  const width = 384;
  const height = 256;
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 3;
      data[i] = (x * 255) / width;
      data[i + 1] = (y * 255) / height;
      data[i + 2] = 128 + 90 * Math.sin((x + 2 * y) / 37);
    }
  return sharp(data, { raw: { width, height, channels: 3 } })
    .toFormat(FORMATS[extension])
    .toBuffer();
}

interface JsonAsset {
  path: string;
  c2pa?: { state?: string };
  declaration?: { verdict: string; sources: Array<{ source: string }> };
  watermark?: { status: string; payload?: string };
  terms?: {
    c2pa?: { author?: string; copyrightHolder?: string; license?: string; trainingMining?: string };
    xmp?: { author?: string; copyright?: string; license?: string; trainingMining?: string };
  };
}

describe('rai-audit assets mark → verify, over every writable format', () => {
  const dir = tempDir('rai-audit-mark-');
  const keys = join(dir, 'keys');
  const inputs = join(dir, 'in');
  const signed = join(dir, 'signed');
  let assets: JsonAsset[];
  let markRun: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    expect((await runCli(['assets', 'keygen', '--out', keys])).code).toBe(0);
    mkdirSync(inputs);
    for (const extension of Object.keys(FORMATS) as Array<keyof typeof FORMATS>)
      writeFileSync(join(inputs, `image.${extension}`), await makeImage(extension));
    markRun = await runCli([
      'assets',
      'mark',
      ...readdirSync(inputs).map((f) => join(inputs, f)),
      '--out',
      signed,
      '--cert',
      join(keys, 'cert.pem'),
      '--key',
      join(keys, 'key.pem'),
      '--trust',
      join(keys, 'ca.pem'),
      '--ai-generated',
      '--author',
      'Ada <Lovelace>',
      '--copyright-holder',
      'Example & Co',
      '--license',
      'CC-BY-4.0',
      '--training-mining',
      'notAllowed',
      '--watermark',
      'sdv2',
    ]);
    const out = join(dir, 'report');
    const verify = await runCli([
      'assets',
      'verify',
      signed,
      '--trust',
      join(keys, 'ca.pem'),
      '--format',
      'json',
      '--out',
      out,
      '--workers',
      '1',
    ]);
    expect(verify.stderr).not.toMatch(/error/i);
    const result = JSON.parse(readFileSync(join(out, 'assets', 'audit.json'), 'utf8')) as {
      sections: Array<{ kind: string; assets: JsonAsset[] }>;
    };
    assets = result.sections.find((s) => s.kind === 'content-credentials')!.assets;
  });

  it('marks every file and verifies it at once', () => {
    expect(markRun.stderr).toBe('');
    expect(markRun.code).toBe(0);
    expect(markRun.stdout).toMatch(/4 assets marked and verified/);
    expect(markRun.stdout).not.toMatch(/PRIVATE KEY/);
  });

  for (const extension of Object.keys(FORMATS)) {
    it(`${extension}: Trusted, AI declared in C2PA and XMP, the terms in both, the watermark found`, () => {
      const asset = assets.find((a) => a.path === `image.${extension}`)!;
      expect(asset.c2pa?.state).toBe('Trusted');
      expect(asset.declaration?.verdict).toBe('ai-generated');
      expect(asset.declaration?.sources.map((s) => s.source).sort()).toEqual(['c2pa-active', 'xmp']);
      expect(asset.watermark).toMatchObject({ status: 'found', payload: 'SDV2' });
      expect(asset.terms?.c2pa).toEqual({
        author: 'Ada <Lovelace>',
        copyrightHolder: 'Example & Co',
        license: 'https://spdx.org/licenses/CC-BY-4.0.html',
        trainingMining: 'notAllowed',
      });
      expect(asset.terms?.xmp).toEqual({
        author: 'Ada <Lovelace>',
        copyright: '© Example & Co',
        license: 'https://spdx.org/licenses/CC-BY-4.0.html',
        trainingMining: 'notAllowed',
      });
    });
  }

  it('policy terms per glob: license required and training-mining as checks with ids and levels', async () => {
    const policy = join(dir, 'policy.yaml');
    writeFileSync(
      policy,
      'assets:\n  "*.png": { license: required, training-mining: notAllowed }\n  "*.jpg": { training-mining: allowed }\n  "*.webp": { c2pa: valid }\n  "*.tiff": { c2pa: valid }\n',
    );
    const out = join(dir, 'policy-report');
    const run = await runCli([
      'assets',
      'verify',
      signed,
      '--policy',
      policy,
      '--format',
      'json',
      '--out',
      out,
    ]);
    expect(run.code).toBe(1);
    const result = JSON.parse(readFileSync(join(out, 'assets', 'audit.json'), 'utf8')) as {
      checks: Array<{
        id: string;
        status: string;
        level: string;
        subject: { file?: string };
        message: string;
      }>;
    };
    const check = (id: string, file: string) =>
      result.checks.find((c) => c.id === id && c.subject.file === join(signed, file));
    expect(check('assets.license', 'image.png')).toMatchObject({ status: 'pass', level: 'error' });
    expect(check('assets.training-mining', 'image.png')).toMatchObject({ status: 'pass' });
    expect(check('assets.training-mining', 'image.jpg')).toMatchObject({
      status: 'fail',
      message: 'training and data mining declared notAllowed / notAllowed, expected allowed',
    });
  });

  it('re-marking a signed file keeps its manifest as the parent ingredient (c2pa.opened)', async () => {
    const again = await runCli([
      'assets',
      'mark',
      join(signed, 'image.png'),
      '--out',
      join(dir, 'again'),
      '--cert',
      join(keys, 'cert.pem'),
      '--key',
      join(keys, 'key.pem'),
      '--trust',
      join(keys, 'ca.pem'),
      '--ai-generated',
    ]);
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(/C2PA Trusted.*parent manifest kept as ingredient/);
  });
});

describe('rai-audit assets mark: bad input', () => {
  const dir = tempDir('rai-audit-mark-bad-');
  const keys = join(dir, 'keys');
  const other = join(dir, 'other');
  let png: string;

  beforeAll(async () => {
    await runCli(['assets', 'keygen', '--out', keys]);
    await runCli(['assets', 'keygen', '--out', other]);
    png = join(dir, 'a.png');
    writeFileSync(png, await makeImage('png'));
  });

  const mark = (...args: string[]) =>
    runCli(['assets', 'mark', ...args, '--cert', join(keys, 'cert.pem'), '--ai-generated']);

  it('a key that does not match the certificate: exit 2, naming the key file and the fix', async () => {
    const run = await mark(png, '--out', join(dir, 'out'), '--key', join(other, 'key.pem'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/does not match the signing certificate/);
    expect(run.stderr).toContain(join(other, 'key.pem'));
  });

  it('an output that would replace the input is refused unless --in-place', async () => {
    const run = await mark(png, '--out', dir, '--key', join(keys, 'key.pem'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/would replace the input.*--in-place/s);
    const before = readFileSync(png);
    const inPlace = await mark(png, '--in-place', '--key', join(keys, 'key.pem'));
    expect(inPlace.code).toBe(0);
    expect(readFileSync(png).equals(before)).toBe(false);
  });

  it('an unsupported format: exit 3 and nothing written', async () => {
    const gif = join(dir, 'b.gif');
    writeFileSync(
      gif,
      await sharp({ create: { width: 300, height: 300, channels: 3, background: '#123456' } })
        .gif()
        .toBuffer(),
    );
    const run = await mark(gif, '--out', join(dir, 'gif-out'), '--key', join(keys, 'key.pem'));
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/cannot mark image\/gif.*JPEG, PNG, WebP and TIFF/s);
    expect(readdirSync(join(dir, 'gif-out'))).toEqual([]);
  });

  it('a key from an environment variable; a world-readable key file gets a warning', async () => {
    const env = await runCli(
      [
        'assets',
        'mark',
        png,
        '--out',
        join(dir, 'env-out'),
        '--cert',
        join(keys, 'cert.pem'),
        '--key-env',
        'SIGNING_KEY',
        '--ai-generated',
      ],
      { SIGNING_KEY: readFileSync(join(keys, 'key.pem'), 'utf8') },
    );
    expect(env.code).toBe(0);
    const exposed = join(dir, 'exposed.pem');
    writeFileSync(exposed, readFileSync(join(keys, 'key.pem')), { mode: 0o644 });
    const run = await mark(png, '--out', join(dir, 'exposed-out'), '--key', exposed);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/can be read by other users \(mode 644\); run chmod 600/);
  });
});
