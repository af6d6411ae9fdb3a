/**
 * The hashing worker's code, run with `new Worker(source, { eval: true })`. It is plain JavaScript kept in a
 * string so that the same worker starts from the TypeScript sources (tests), the built package and the CLI bundle,
 * with no file to locate beside the module. It reads each file in 1 MiB chunks into one reused buffer (never a
 * whole file in memory), opens with O_NONBLOCK so that a FIFO cannot block it, and compares the file's size and
 * mtime before and after reading to catch a file that changed while it was hashed.
 */
export const HASH_WORKER_SOURCE = String.raw`
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const CHUNK = 1 << 20;
const PROGRESS_EVERY = 64 * CHUNK;
const buffer = Buffer.allocUnsafe(CHUNK);
const flags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK || 0);

function reasonOf(error) {
  switch (error && error.code) {
    case 'ENOENT': return 'missing-path';
    case 'ELOOP': return 'symlink-loop';
    default: return 'unreadable';
  }
}

function hashOne(job) {
  let fd;
  try {
    fd = fs.openSync(job.path, flags);
    const before = fs.fstatSync(fd);
    if (!before.isFile()) return { ok: false, reason: 'not-a-regular-file', message: 'not a regular file' };
    const sha = crypto.createHash('sha256');
    const md5 = job.md5 ? crypto.createHash('md5') : null;
    let total = 0;
    let unreported = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) break;
      const chunk = n === CHUNK ? buffer : buffer.subarray(0, n);
      sha.update(chunk);
      if (md5) md5.update(chunk);
      total += n;
      unreported += n;
      if (unreported >= PROGRESS_EVERY) {
        parentPort.postMessage({ progress: unreported });
        unreported = 0;
      }
    }
    const after = fs.fstatSync(fd);
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || total !== before.size) {
      return { ok: false, reason: 'changed-while-hashing', message: 'the file changed while it was being hashed', bytes: total };
    }
    return { ok: true, size: total, mtimeMs: before.mtimeMs, sha256: sha.digest('hex'), md5: md5 ? md5.digest('hex') : undefined, bytes: unreported };
  } catch (error) {
    return { ok: false, reason: reasonOf(error), message: String((error && error.message) || error) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

parentPort.on('message', (batch) => {
  parentPort.postMessage({ id: batch.id, results: batch.jobs.map(hashOne) });
});
`;
