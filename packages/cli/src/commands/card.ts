import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { addCommonOptions } from '../common-options.js';
import type { CardBuildOptions, CardImportOptions, CardInitOptions } from './card-run.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

const CARD_EXAMPLES = `
Examples:
  # A commented starter card, then the card from the bias audit: README.md, bom.cdx.json, model-card.html in reports/card/
  $ rai-audit card init --name credit-scorer --license Apache-2.0
  $ rai-audit card build --card model-card.yaml --bias reports/bias/audit.json

  # Training data from the provenance export; a CI gate on the card's lint
  $ rai-audit card build --card model-card.yaml --bias reports/bias/audit.json --provenance provenance.cdx.json
  $ rai-audit card check --card model-card.yaml --bias reports/bias/audit.json --format json,junit,md

  # Start from an existing Hugging Face README.md or Model Card Toolkit JSON
  $ rai-audit card import README.md --to model-card.yaml

Exit codes: 0 pass (warnings allowed), 1 an error-level check failed, 2 usage or card source error, 3 input error.`;

function addCardInputs(command: Command): Command {
  return command
    .requiredOption('--card <file>', 'card source (YAML or JSON), e.g. model-card.yaml')
    .option('--bias <audit.json>', 'bias audit result JSON (repeatable)', collect, [] as string[])
    .option('--provenance <file>', 'provenance export: CycloneDX JSON with data components');
}

/** Adds `rai-audit card init | build | check | import`; each command's code is imported only when it runs. */
export function registerCardCommand(
  program: Command,
  io: CliIo,
  done: (result: { exitCode: number }) => void,
): void {
  const card = program
    .command('card')
    .summary(
      'model cards: author, fill from audits, publish as a Hub README and CycloneDX ML-BOM, import, lint',
    )
    .description(
      'Model cards: one card source, filled from real audits, published for the Hugging Face Hub and SBOM tools.',
    )
    .addHelpText('after', CARD_EXAMPLES);
  card
    .command('init')
    .summary('write a commented starter card source')
    .argument('[file]', 'where to write it', 'model-card.yaml')
    .option('--name <name>', 'model name')
    .option('--license <spdx>', 'model licence, an SPDX expression', 'Apache-2.0')
    .option('--owner <name>', 'owning team or person')
    .option('--generative', 'the model generates content (output terms become required)')
    .option('--pipeline-tag <tag>', 'Hugging Face pipeline tag, e.g. text-generation')
    .option('--interactive', 'ask for the values above on a terminal')
    .option('--force', 'overwrite an existing file')
    .exitOverride()
    .action(async (file: string, options: CardInitOptions) => {
      const { runCardInit } = await import('./card-run.js');
      done({ exitCode: await runCardInit(io, file, options) });
    });
  addCommonOptions(
    addCardInputs(
      card.command('build').summary('build README.md, bom.cdx.json, model-card.html and the lint report'),
    ),
  )
    .exitOverride()
    .action(async (options: CardBuildOptions) => {
      const { runCardBuild } = await import('./card-run.js');
      done({ exitCode: await runCardBuild(io, options, true) });
    });
  addCommonOptions(
    addCardInputs(
      card
        .command('check')
        .summary('lint the card: missing sections, stale metrics, licence conflicts, Hub metadata'),
    ),
  )
    .exitOverride()
    .action(async (options: CardBuildOptions) => {
      const { runCardBuild } = await import('./card-run.js');
      done({ exitCode: await runCardBuild(io, options, false) });
    });
  card
    .command('import')
    .summary(
      'read a Hugging Face README.md or Model Card Toolkit JSON into a card source, with a loss report',
    )
    .argument('<file>', 'README.md or model_card.json')
    .option('--to <file>', 'card source to write', 'model-card.yaml')
    .option('--force', 'overwrite an existing file')
    .exitOverride()
    .action(async (file: string, options: CardImportOptions) => {
      const { runCardImport } = await import('./card-run.js');
      done({ exitCode: await runCardImport(io, file, options) });
    });
}
