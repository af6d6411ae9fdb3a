// Child process of report-set-crash.test.ts: writes report sets in a loop through the built report-set module, as
// the CLI does, so that the test can kill it at random points. Every file of run N holds the text "run N" repeated.
import { writeReportSet } from '../../packages/cli/dist/report-set.js';
import { runInterruptCleanups } from '../../packages/cli/dist/interrupt.js';

const [dir, firstRun] = process.argv.slice(2);
process.once('SIGTERM', () => {
  runInterruptCleanups();
  process.exit(143);
});
const names = ['index.html', 'audit.json', 'junit.xml', 'audit.sarif', 'summary.md'];
for (let run = Number(firstRun); ; run++) {
  const content = `run ${run}\n`.repeat(200_000);
  await writeReportSet(
    dir,
    names.map((name) => ({ name, content })),
  );
  process.stdout.write(`wrote ${run}\n`);
}
