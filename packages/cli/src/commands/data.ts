import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { addCommonOptions } from '../common-options.js';
import type { DataAddOptions, DataVerifyOptions } from './data-record.js';
import type { DataExportOptions, DataImportOptions, DataLicensesOptions } from './data-publish.js';

const EXAMPLES = `
Examples:
  # Record a folder as a dataset (paths are stored relative to provenance.yaml), then gate CI on drift
  $ rai-audit data add data/train --dataset train --license CC-BY-4.0 --source https://example.org/train
  $ rai-audit data verify                 # exit 1 when a file changed, went missing or appeared
  $ rai-audit data verify --full          # read every byte instead of trusting size and mtime

  # Licence obligations along lineage, against an intended use and a model licence
  $ rai-audit data licenses --use commercial --model-license Apache-2.0

  # Publish: Croissant 1.1 JSON-LD, CycloneDX 1.6, SPDX 3.0.1; import Croissant or DVC metadata
  $ rai-audit data export --format croissant --output croissant.json
  $ rai-audit data import metadata.json data.dvc dvc.lock

Exit codes: 0 pass, 1 drift or an error-level conflict, 2 usage error, 3 input error (ledger, lock, files).`;

const collect = (value: string, previous: string[]): string[] => [...previous, value];
type Done = (result: { exitCode: number }) => void;

function ledgerOption(command: Command): Command {
  return command.option('--ledger <file>', 'the provenance ledger', 'provenance.yaml');
}

/** Adds `rai-audit data add|verify|licenses|export|import`; each action imports its code only when it runs. */
export function registerDataCommand(program: Command, io: CliIo, done: Done): void {
  const data = program
    .command('data')
    .summary('training-data provenance: a ledger of datasets and licences, sha256 drift checks, exports')
    .description(
      'Where every training file came from, under which licence, and whether any byte changed since.',
    )
    .addHelpText('after', EXAMPLES);
  ledgerOption(data.command('add'))
    .summary('hash files or folders into a dataset of the ledger')
    .argument('<paths...>', 'files or folders (inside the ledger folder)')
    .requiredOption('--dataset <name>', 'the dataset the files belong to (created when new)')
    .option('--license <expr>', 'SPDX licence expression of the dataset')
    .option('--source <url>', 'where the files came from')
    .option('--ignore <glob>', 'leave out matching files (repeatable)', collect, [] as string[])
    .option('--workers <n>', 'hashing threads', String(Math.min(availableParallelism(), 8)))
    .exitOverride()
    .action(async (paths: string[], options: DataAddOptions) => {
      const { runDataAdd } = await import('./data-record.js');
      done({ exitCode: await runDataAdd(io, paths, options) });
    });
  addCommonOptions(ledgerOption(data.command('verify')))
    .summary('re-hash tracked files and report per dataset what changed, went missing or is new')
    .option('--full', 'read every byte (default: trust unchanged size and mtime)')
    .option('--update', 'accept the files as they are now: rewrite the lock from them')
    .option(
      '--frozen',
      'never write the lock (CI, committed fixtures); by default refreshed mtimes are saved',
    )
    .option('--use <use>', 'intended use for the licence checks: commercial, non-commercial, research')
    .option('--model-license <expr>', 'licence of the model trained on the data')
    .option('--workers <n>', 'hashing threads', String(Math.min(availableParallelism(), 8)))
    .exitOverride()
    .action(async (options: DataVerifyOptions) => {
      const { runDataVerify } = await import('./data-record.js');
      done({ exitCode: await runDataVerify(io, options) });
    });
  ledgerOption(data.command('licenses'))
    .summary('licence obligations per dataset along lineage, and conflicts with the use and model licence')
    .option('--use <use>', 'intended use: commercial, non-commercial, research')
    .option('--model-license <expr>', 'licence of the model trained on the data')
    .option('--json', 'print JSON instead of text')
    .exitOverride()
    .action(async (options: DataLicensesOptions) => {
      const { runDataLicenses } = await import('./data-publish.js');
      done({ exitCode: await runDataLicenses(io, options) });
    });
  ledgerOption(data.command('export'))
    .summary('write the ledger as Croissant 1.1, CycloneDX 1.6 or SPDX 3.0.1')
    .requiredOption('--format <format>', 'croissant, cyclonedx or spdx')
    .option('--dataset <name>', 'Croissant: the dataset to describe (needed when the ledger has several)')
    .option('--output <file>', 'file to write (atomically); standard output when absent')
    .exitOverride()
    .action(async (options: DataExportOptions) => {
      const { runDataExport } = await import('./data-publish.js');
      done({ exitCode: await runDataExport(io, options) });
    });
  ledgerOption(data.command('import'))
    .summary('read a Croissant metadata.json, DVC .dvc files or dvc.lock into the ledger')
    .argument('<files...>', 'metadata.json, *.dvc, dvc.lock')
    .exitOverride()
    .action(async (files: string[], options: DataImportOptions) => {
      const { runDataImport } = await import('./data-publish.js');
      done({ exitCode: await runDataImport(io, files, options) });
    });
}
