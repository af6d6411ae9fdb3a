import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predictionCsv, runCli, tempDir } from './run-cli.js';

const SCRIPT_GROUP = '</script><script>alert(1)</script>';
const IMG_GROUP = '<img src=x onerror=alert(1)>';

describe('reports of hostile data', () => {
  it('show group names as text: nothing in them runs, and the embedded JSON survives', async () => {
    const dir = tempDir();
    const data = join(dir, 'hostile.csv');
    writeFileSync(
      data,
      predictionCsv('group', { [SCRIPT_GROUP]: [20, 5, 20, 5], [IMG_GROUP]: [10, 15, 20, 5] }),
    );
    const run = await runCli([
      'bias',
      data,
      '-a',
      'group',
      '-l',
      'label',
      '-p',
      'prediction',
      '--out',
      join(dir, 'out'),
      '--format',
      'html,json,md',
    ]);
    expect([0, 1]).toContain(run.code);
    const html = readFileSync(join(dir, 'out', 'bias', 'index.html'), 'utf8');

    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');

    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.[1]).toMatch(/type="application\/json"/);
    const embedded = JSON.parse(scripts[0]?.[2] ?? '');
    const fromJson = JSON.parse(readFileSync(join(dir, 'out', 'bias', 'audit.json'), 'utf8'));
    expect(embedded).toEqual(fromJson);
    expect(embedded.sections[0].groups.map((g: { group: string }) => g.group).sort()).toEqual(
      [IMG_GROUP, SCRIPT_GROUP].sort(),
    );
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*default-src 'none'/);

    const md = readFileSync(join(dir, 'out', 'bias', 'summary.md'), 'utf8');
    expect(md).not.toContain('<img src=x');
  });

  it('load nothing from the network', async () => {
    const dir = tempDir();
    const data = join(dir, 'log.csv');
    writeFileSync(data, predictionCsv('sex', { female: [20, 5, 20, 5], male: [10, 15, 20, 5] }));
    await runCli(['bias', data, '-a', 'sex', '-l', 'label', '-p', 'prediction', '--out', join(dir, 'out')]);
    const html = readFileSync(join(dir, 'out', 'bias', 'index.html'), 'utf8');
    const withoutNamespaces = html.replace(/\sxmlns(:\w+)?="http:\/\/www\.w3\.org\/[^"]*"/g, '');
    expect(withoutNamespaces).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b[^>]*(src|href)=/i);
  });

  it('are byte-identical for the same inputs and clock', async () => {
    const dir = tempDir();
    const data = join(dir, 'log.csv');
    writeFileSync(data, predictionCsv('sex', { female: [20, 5, 20, 5], male: [10, 15, 20, 5] }));
    const render = async (out: string) => {
      await runCli([
        'bias',
        data,
        '-a',
        'sex',
        '-l',
        'label',
        '-p',
        'prediction',
        '--out',
        out,
        '--format',
        'html,json,junit,sarif,md',
      ]);
      return ['index.html', 'audit.json', 'junit.xml', 'audit.sarif', 'summary.md'].map((name) =>
        readFileSync(join(out, 'bias', name), 'utf8'),
      );
    };
    expect(await render(join(dir, 'a'))).toEqual(await render(join(dir, 'b')));
  });
});
