// The benchmark: prints figures, asserts nothing (performance is measured here, never by timed tests).
// Run: npm run bench [-- --only extraction] [-- --json]   (npm run -s bench -- --json for JSON alone on stdout)
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { type BenchSection, type FlagValues, UsageError } from './bench-section.ts';
import { renderTable, type SectionResult } from './bench-table.ts';
import { cliSection } from './cli-bench.ts';
import { daemonSection } from './daemon-bench.ts';
import { describeMachine, renderMachine } from './describe-machine.ts';
import { extractionSection } from './extraction-bench.ts';
import { hostileSection } from './hostile-bench.ts';
import { mailboxesSection } from './mailboxes-bench.ts';

/** Every section, in the order they run. */
const SECTIONS: readonly BenchSection[] = [
  cliSection,
  extractionSection,
  daemonSection,
  hostileSection,
  mailboxesSection,
];

const COMMON_FLAGS: ParseArgsOptionsConfig = {
  only: { type: 'string', multiple: true },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
};

/** Parses the flags, runs the selected sections and prints their tables (or, with --json, their figures). */
async function runBench(args: string[]): Promise<void> {
  const values = parseFlags(args);
  if (values.help === true) {
    console.log(usage());
    return;
  }
  const runs = selectSections(values).map((section) => section.prepare(values));
  const machine = describeMachine();
  const json = values.json === true;
  if (!json) console.log(`# Benchmark\n\n\`\`\`\n${renderMachine(machine)}\n\`\`\``);
  const results: SectionResult[] = [];
  for (const run of runs) {
    const result = await run();
    results.push(result);
    if (!json) console.log(renderSection(result));
  }
  if (json) console.log(JSON.stringify({ machine, sections: results.map(toJson) }, roundFigures, 2));
}

function parseFlags(args: string[]): FlagValues {
  const options = Object.assign(
    {},
    COMMON_FLAGS,
    ...SECTIONS.map((section) => section.flags),
  ) as ParseArgsOptionsConfig;
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // parseArgs's messages name the flag ("Unknown option '--foo'"); a stack trace would only hide it.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function selectSections(values: FlagValues): BenchSection[] {
  const only = values.only;
  if (!Array.isArray(only)) return [...SECTIONS];
  const names = only.flatMap((value) => String(value).split(',')).map((name) => name.trim());
  for (const name of names) {
    if (!SECTIONS.some((section) => section.name === name)) {
      throw new UsageError(
        `--only: no section '${name}' (sections: ${SECTIONS.map((s) => s.name).join(', ')})`,
      );
    }
  }
  return SECTIONS.filter((section) => names.includes(section.name));
}

function renderSection(result: SectionResult): string {
  const settings = Object.entries(result.settings)
    .map(([name, value]) => `--${name} ${value}`)
    .join(' ');
  return [`\n## ${result.title}`, `Settings: \`${settings}\``, ...result.tables.map(renderTable)].join(
    '\n\n',
  );
}

/** A section's figures as JSON: each table's rows keyed by its id, with the column labels for reference. */
function toJson(result: SectionResult): object {
  const tables = result.tables.map((table): [string, object] => [
    table.id,
    {
      title: table.title,
      columns: Object.fromEntries(table.columns.map((column) => [column.key, column.label])),
      rows: table.rows,
    },
  ]);
  const { section, title, settings } = result;
  return { section, title, settings, tables: Object.fromEntries(tables) };
}

/** JSON replacer: measured times and rates to two decimals (more is noise). */
function roundFigures(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 100) / 100 : value;
}

function usage(): string {
  return [
    'Usage: npm run bench -- [flags]',
    '',
    '  --only <sections>   run only these sections, comma-separated or repeated (sections: ' +
      `${SECTIONS.map((section) => section.name).join(', ')})`,
    '  --json              print the figures as JSON on stdout instead of tables (progress stays on stderr)',
    '  --help              this text',
    ...SECTIONS.flatMap((section) => [
      '',
      `${section.title} (${section.name}):`,
      ...section.usage.map((line) => `  ${line}`),
    ]),
  ].join('\n');
}

try {
  await runBench(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`bench: ${error.message}\n\n${usage()}`);
  process.exitCode = 2;
}
