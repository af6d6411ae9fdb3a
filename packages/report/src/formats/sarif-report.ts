import type { AuditResult, Check, CheckLevel, InputFile } from '@rai-audit/core';
import type { Artifact, Location, Log, ReportingDescriptor, Result, Run } from 'sarif';
import { describeSubject, formatActual, formatExpected } from '../presentation.js';

/** The URL of the SARIF 2.1.0 schema: a JSON value naming the format, never fetched by the report. */
const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type SarifLevel = NonNullable<Result['level']>;

const LEVEL_BY_CHECK_LEVEL: Readonly<Record<CheckLevel, SarifLevel>> = {
  error: 'error',
  warn: 'warning',
  off: 'note',
};

/** The SARIF level of a check that did not pass, or undefined when it has nothing to report. */
function sarifLevelOf(check: Check): SarifLevel | undefined {
  if (check.status === 'fail') return 'error';
  if (check.status === 'warn') return 'warning';
  if (check.status === 'error') return LEVEL_BY_CHECK_LEVEL[check.level];
  if (check.status === 'waived' && check.waiver) {
    return check.waiver.status === 'error'
      ? LEVEL_BY_CHECK_LEVEL[check.level]
      : sarifLevelOf({ ...check, status: check.waiver.status });
  }
  return undefined;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One rule per distinct check id, sorted by id; the first check with an id supplies its texts. */
function buildRules(checks: readonly Check[]): Check[] {
  const first = new Map<string, Check>();
  for (const check of checks) if (!first.has(check.id)) first.set(check.id, check);
  return [...first.values()].sort(byId);
}

function ruleOf(check: Check): ReportingDescriptor {
  return {
    id: check.id,
    shortDescription: { text: check.title },
    help: { text: check.remediation },
    defaultConfiguration: { level: LEVEL_BY_CHECK_LEVEL[check.level], enabled: check.level !== 'off' },
    properties: { area: check.area },
  };
}

/** A relative path as a URI reference with forward slashes; absolute paths become file: URIs. */
export function pathToUri(path: string): string {
  const forward = path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  const encoded = forward.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(forward))
    return `file:///${forward.slice(0, 2)}${encoded.slice(encoded.indexOf('/'))}`;
  return forward.startsWith('/') ? `file://${encoded}` : encoded;
}

function locationOf(check: Check, dataFile: InputFile | undefined): Location | undefined {
  const file = check.subject.file ?? dataFile?.path;
  const { attribute, group, field } = check.subject;
  const logicalName = [attribute, group].filter((part) => part !== undefined).join('/') || field;
  const location: Location = {};
  if (file !== undefined) location.physicalLocation = { artifactLocation: { uri: pathToUri(file) } };
  if (logicalName !== undefined && logicalName !== '') {
    location.logicalLocations = [{ name: group ?? logicalName, fullyQualifiedName: logicalName }];
  }
  return Object.keys(location).length === 0 ? undefined : location;
}

function messageOf(check: Check): string {
  const subject = describeSubject(check.subject);
  const about = subject === '' ? '' : ` (${subject})`;
  return `${check.title}${about}: ${check.message}. Actual ${formatActual(check)}, expected ${formatExpected(check.expected)}.`;
}

function resultOf(check: Check, ruleIndex: number, dataFile: InputFile | undefined): Result {
  const location = locationOf(check, dataFile);
  return {
    ruleId: check.id,
    ruleIndex,
    kind: 'fail',
    level: sarifLevelOf(check),
    message: { text: messageOf(check) },
    ...(location === undefined ? {} : { locations: [location] }),
    partialFingerprints: { 'raiAuditCheck/v1': `${check.id}|${describeSubject(check.subject)}` },
    // A waived finding stays in the log, suppressed, as SARIF viewers show accepted findings.
    ...(check.waiver === undefined
      ? {}
      : {
          suppressions: [
            {
              kind: 'external' as const,
              status: 'accepted' as const,
              justification: `${check.waiver.reason} (owner ${check.waiver.owner}, until ${check.waiver.expires})`,
            },
          ],
        }),
    properties: { status: check.status, evidence: check.evidence, remediation: check.remediation },
  };
}

/** SARIF 2.1.0 with one run: a rule per check id and a result per check that did not pass. */
export function renderSarifReport(result: AuditResult): string {
  const rules = buildRules(result.checks);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const dataFile = result.inputs.find((input) => input.role === 'data');
  const results = result.checks
    .filter((check) => sarifLevelOf(check) !== undefined)
    .map((check) => resultOf(check, ruleIndex.get(check.id) ?? 0, dataFile));
  const artifacts = result.inputs.map((input): Artifact => ({
    location: { uri: pathToUri(input.path) },
    length: input.size,
    hashes: { 'sha-256': input.sha256 },
    properties: { role: input.role },
  }));
  const run: Run = {
    tool: { driver: { name: result.tool.name, version: result.tool.version, rules: rules.map(ruleOf) } },
    invocations: [{ executionSuccessful: true }],
    artifacts,
    results,
    properties: { command: result.command, verdict: result.summary.verdict, createdAt: result.createdAt },
  };
  const log: Log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}
