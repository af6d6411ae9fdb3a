import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withMutex } from './ledger-mutex.js';

/**
 * A zombie: `sh` starts `sleep 0` in the background, prints its pid and becomes `sleep 5` (exec), which never reaps
 * it. The zombie answers signal 0 like a live process.
 */
async function zombiePid(): Promise<{ pid: number; stop: () => void }> {
  const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const pid = await new Promise<number>((resolve) =>
    parent.stdout.once('data', (data: Buffer) => resolve(Number.parseInt(data.toString(), 10))),
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  return { pid, stop: () => parent.kill('SIGKILL') };
}

describe.skipIf(process.platform !== 'linux')('withMutex and a holder that was killed', () => {
  it('takes over a mutex whose holder is a killed, not yet reaped process (a zombie)', async () => {
    const zombie = await zombiePid();
    try {
      expect(() => process.kill(zombie.pid, 0)).not.toThrow();
      const lock = join(mkdtempSync(join(tmpdir(), 'rai-audit-mutex-')), 'provenance.lock.json');
      writeFileSync(`${lock}.mutex`, String(zombie.pid));
      const started = Date.now();
      const value = await withMutex(lock, () => 'ran', { timeoutMs: 3_000 });
      expect(value).toBe('ran');
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(existsSync(`${lock}.mutex`)).toBe(false);
    } finally {
      zombie.stop();
    }
  });

  it('waits for a live holder and says so when it does not finish in time', async () => {
    const lock = join(mkdtempSync(join(tmpdir(), 'rai-audit-mutex-')), 'provenance.lock.json');
    writeFileSync(`${lock}.mutex`, String(process.pid));
    await expect(withMutex(lock, () => 'ran', { timeoutMs: 300 })).rejects.toThrow(
      /another rai-audit data command is updating the provenance lock/,
    );
  });
});
