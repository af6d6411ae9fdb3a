import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestImage } from '../../packages/content-credentials/bench/signed-test-assets.mjs';
import { runCli, tempDir } from './run-cli.js';

// Issue 14 items 1 and 2, issue 15 item 4: a verified folder is hostile input. Its file names may hold any byte
// but '/' and NUL, its links may point anywhere, and the policy's globs may be written to never finish.

interface JsonCheck {
  id: string;
  status: string;
  subject: { file?: string };
}

const POLICY = 'assets:\n  "gen/**":\n    c2pa: valid\nchecks:\n  assets.covered: warn\n';

/** Names of unsigned images under gen/, each of which a `gen/**` rule must cover. */
const HOSTILE_NAMES: Array<[what: string, name: string]> = [
  ['line feed', 'evil\n.png'],
  ['carriage return', 'evil\r.png'],
  ['line separator', 'evil\u2028.png'],
  ['paragraph separator', 'evil\u2029.png'],
  ['next line', 'evil\u0085.png'],
  ['C0 controls', 'evil\u0001\u0002\u0008\u000b\u000c\u001f.png'],
  ['OSC title and bell', 'evil\u001b]0;pwned\u0007.png'],
  ['right-to-left override', 'evil\u202egnp.png'],
  ['a line feed in a folder name', 'sub\ndir/evil.png'],
];

describe('rai-audit assets verify: every file name is matched by the policy’s globs', () => {
  const dir = tempDir('rai-audit-hostile-names-');
  const site = join(dir, 'site');
  let json: { checks: JsonCheck[]; sections: Array<{ assets: Array<{ path: string }> }> };
  let code: number;

  beforeAll(async () => {
    const image = await makeTestImage({ width: 256, height: 256 });
    mkdirSync(join(site, 'gen', 'sub\ndir'), { recursive: true });
    for (const [, name] of HOSTILE_NAMES) writeFileSync(join(site, 'gen', name), image);
    // A name that is not valid UTF-8 can only be written as bytes.
    writeFileSync(
      Buffer.concat([Buffer.from(join(site, 'gen', 'evil')), Buffer.from([0xff, 0xfe]), Buffer.from('.png')]),
      image,
    );
    writeFileSync(join(dir, 'policy.yaml'), POLICY);
    const run = await runCli([
      'assets',
      'verify',
      site,
      '--policy',
      join(dir, 'policy.yaml'),
      '--workers',
      '1',
      '--format',
      'json',
      '--out',
      join(dir, 'out'),
    ]);
    code = run.code;
    json = JSON.parse(readFileSync(join(dir, 'out', 'assets', 'audit.json'), 'utf8'));
  });

  it('fails the run: every unsigned file under gen/ breaks the c2pa rule (no "not covered" escape)', () => {
    expect(code).toBe(1);
    expect(json.checks.filter((check) => check.id === 'assets.covered')).toEqual([]);
  });

  it.each(HOSTILE_NAMES)('%s: the file gets a failing c2pa.manifest check', (_, name) => {
    const failing = json.checks.filter((check) => check.id === 'c2pa.manifest' && check.status === 'fail');
    expect(failing.map((check) => check.subject.file)).toContain(join(site, 'gen', name));
  });

  it('invalid UTF-8: the file is read by its bytes and judged (shown with U+FFFD)', () => {
    const check = json.checks.find(
      (c) => c.id === 'c2pa.manifest' && c.subject.file === join(site, 'gen', 'evil\ufffd\ufffd.png'),
    );
    expect(check?.status).toBe('fail');
    expect(json.checks.filter((c) => c.id === 'assets.readable')).toEqual([]);
  });
});

describe('rai-audit assets verify: links out of the verified folder', () => {
  const dir = tempDir('rai-audit-hostile-links-');
  const site = join(dir, 'site');
  const outside = join(dir, 'outside-secrets');
  let run: Awaited<ReturnType<typeof runCli>>;
  let reports: string;

  beforeAll(async () => {
    mkdirSync(join(site, 'gen'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'token'), 'ghp_SECRETTOKEN0123456789\n');
    writeFileSync(join(outside, 'photo.png'), await makeTestImage({ width: 256, height: 256 }));
    writeFileSync(join(site, 'gen', 'cat.png'), await makeTestImage({ width: 256, height: 256 }));
    writeFileSync(join(site, 'notes.txt'), 'inside the folder\n');
    symlinkSync(outside, join(site, 'gen', 'folder-outside')); // a folder outside
    symlinkSync(join(outside, 'token'), join(site, 'gen', 'token.png')); // a secret file outside
    symlinkSync('/etc', join(site, 'etc'));
    symlinkSync('/proc/self/environ', join(site, 'environ.png'));
    symlinkSync('..', join(site, 'gen', 'loop')); // a loop inside
    const out = join(dir, 'out');
    run = await runCli([
      'assets',
      'verify',
      site,
      '--workers',
      '1',
      '--format',
      'html,json,junit,sarif,md',
      '--out',
      out,
    ]);
    reports = readdirSync(join(out, 'assets'))
      .map((name) => readFileSync(join(out, 'assets', name), 'utf8'))
      .join('\n');
  });

  it('reads nothing outside: no secret, no first bytes, no target in any report or on the terminal', () => {
    const everything = `${reports}\n${run.stdout}\n${run.stderr}`;
    for (const leak of ['ghp_', '676870', 'outside-secrets', '/etc', 'root:', 'passwd', 'PATH='])
      expect(everything).not.toContain(leak);
  });

  it('lists the links as skipped and verifies what is inside', () => {
    expect(run.stdout).toMatch(
      /4 symbolic links lead outside the verified folder.*environ\.png, etc, gen\/folder-outside, gen\/token\.png/,
    );
    expect(run.stdout).toContain('gen/loop');
    expect(reports).toContain('gen/cat.png');
  });
});

describe('rai-audit assets verify: globs that could run for ever are refused', () => {
  const dir = tempDir('rai-audit-hostile-globs-');

  beforeAll(async () => {
    mkdirSync(join(dir, 'site'), { recursive: true });
    writeFileSync(
      join(dir, 'site', `${'a'.repeat(200)}b.png`),
      await makeTestImage({ width: 256, height: 256 }),
    );
  });

  it.each([
    ['"*a" × 20', '*a'.repeat(20)],
    ['"{a,b}" × 24', '{a,b}'.repeat(24)],
    ['"*a" × 5', '*a*a*a*a*a'],
  ])('%s in a policy rule: exit 2 naming the policy and the pattern', async (_, pattern) => {
    writeFileSync(join(dir, 'policy.yaml'), `assets:\n  "${pattern}":\n    c2pa: valid\n`);
    const run = await runCli([
      'assets',
      'verify',
      join(dir, 'site'),
      '--policy',
      join(dir, 'policy.yaml'),
      '--workers',
      '1',
      '--out',
      join(dir, 'out'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('policy.yaml');
    expect(run.stderr).toContain(JSON.stringify(pattern));
  });

  it.each([
    ['"*a" × 20', `site/${'*a'.repeat(20)}`],
    ['"{a,b}" × 24', `site/${'{a,b}'.repeat(24)}`],
  ])('%s as an argument: exit 2 naming the pattern', async (_, pattern) => {
    const run = await runCli([
      'assets',
      'verify',
      join(dir, pattern),
      '--workers',
      '1',
      '--out',
      join(dir, 'out'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(pattern.slice('site/'.length));
  });

  it('"**/" × 20 means "**/" and runs', async () => {
    writeFileSync(join(dir, 'policy.yaml'), `assets:\n  "${'**/'.repeat(20)}*.png":\n    c2pa: present\n`);
    const run = await runCli([
      'assets',
      'verify',
      join(dir, 'site'),
      '--policy',
      join(dir, 'policy.yaml'),
      '--workers',
      '1',
      '--out',
      join(dir, 'out'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/c2pa\.manifest/);
  });
});
