import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, UsageError } from '@rai-audit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globToRegExp, isGlobPattern, resolveInputFiles } from './input-files.js';

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rai-inputs-'));
  mkdirSync(join(dir, 'parts', 'year=2024'), { recursive: true });
  mkdirSync(join(dir, 'parts', '_temporary'), { recursive: true });
  for (const name of [
    'parts/year=2024/b.parquet',
    'parts/a.parquet',
    'parts/_temporary/x.parquet',
    'parts/_SUCCESS',
  ]) {
    writeFileSync(join(dir, name), 'x');
  }
  for (const name of ['jan.csv', 'feb.csv', 'notes.txt']) writeFileSync(join(dir, name), 'a\n1\n');
  writeFileSync(join(dir, 'empty.parquet'), '');
  mkdirSync(join(dir, 'none'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('globToRegExp', () => {
  it('matches * within a folder, ** across folders, ? and classes', () => {
    expect(globToRegExp('*.csv').test('a.csv')).toBe(true);
    expect(globToRegExp('*.csv').test('x/a.csv')).toBe(false);
    expect(globToRegExp('**/*.csv').test('x/y/a.csv')).toBe(true);
    expect(globToRegExp('**/*.csv').test('a.csv')).toBe(true);
    expect(globToRegExp('part-?.[cp]sv').test('part-1.csv')).toBe(true);
    expect(globToRegExp('a+b.csv').test('a+b.csv')).toBe(true);
    expect(isGlobPattern('logs/*.csv')).toBe(true);
    expect(isGlobPattern('logs/a.csv')).toBe(false);
  });
});

describe('resolveInputFiles', () => {
  it('expands a glob into sorted files of one format', async () => {
    const inputs = await resolveInputFiles([join(dir, '*.csv')]);
    expect(inputs.files).toEqual([join(dir, 'feb.csv'), join(dir, 'jan.csv')]);
    expect(inputs.format.kind).toBe('csv');
  });

  it('reads a folder as its Parquet parts, skipping _temporary, _SUCCESS and hidden files', async () => {
    const inputs = await resolveInputFiles([join(dir, 'parts')]);
    expect(inputs.files).toEqual([
      join(dir, 'parts', 'a.parquet'),
      join(dir, 'parts', 'year=2024', 'b.parquet'),
    ]);
  });

  it('says when nothing matches, a folder has no parts, formats mix or a file is empty', async () => {
    await expect(resolveInputFiles([join(dir, '*.json')])).rejects.toThrow('no file matches the pattern');
    await expect(resolveInputFiles([join(dir, 'none')])).rejects.toThrow('the folder holds no Parquet files');
    await expect(resolveInputFiles([join(dir, 'jan.csv'), join(dir, 'notes.txt')])).rejects.toBeInstanceOf(
      UsageError,
    );
    const empty = await resolveInputFiles([join(dir, 'empty.parquet')]).catch((error: unknown) => error);
    expect(empty).toBeInstanceOf(InputError);
    expect((empty as InputError).message).toBe('the file is empty (0 bytes)');
  });
});
