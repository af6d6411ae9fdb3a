// Child process of report-set-crash.test.ts: writes report sets in a loop through the built report-set module, as
// the CLI does, so that the test can kill it at random points. Every file of run N holds the text "run N" repeated.
import { setImmediate } from 'node:timers';
import { writeReportSet } from '../../packages/cli/dist/report-set.js';

const [dir, firstRun] = process.argv.slice(2);
// As the CLI's entry does: the signal is taken between event-loop turns, never inside a set's switch.
process.once('SIGTERM', () => process.exit(143));
const names = ['index.html', 'audit.json', 'junit.xml', 'audit.sarif', 'summary.md'];
for (let run = Number(firstRun); ; run++) {
  const content = `run ${run}\n`.repeat(200_000);
  await writeReportSet(
    dir,
    names.map((name) => ({ name, content })),
  );
  process.stdout.write(`wrote ${run}\n`);
  // One event-loop turn between sets, where a pending signal is taken (the CLI writes one set and exits).
  await new Promise((resolve) => setImmediate(resolve));
}
