/**
 * The two outputs of a run: the text table (default) and one JSON object (`--json`) holding every
 * figure, ratio and verdict.
 */
import { cpus } from 'node:os';
import type { ScenarioResult, Table } from './scenario';
import { rounded } from './statistics';
import type { TargetCheck } from './targets';

export interface BenchReport {
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly machine: { readonly node: string; readonly platform: string; readonly cpus: number; readonly cpuModel: string };
  readonly scenarios: readonly ScenarioResult[];
  /** Every target of every scenario run; `pass` is true when all of them pass. */
  readonly pass: boolean;
}

/**
 * @example
 * buildReport(results, startedAt, Date.now()).pass
 */
function buildReport(scenarios: readonly ScenarioResult[], startedAt: Date, endedAtMs: number): BenchReport {
  const cpuList = cpus();
  return {
    startedAt: startedAt.toISOString(),
    durationSeconds: rounded((endedAtMs - startedAt.getTime()) / 1000, 1),
    machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpuList.length, cpuModel: cpuList[0]?.model ?? '' },
    scenarios,
    pass: scenarios.every((scenario) => scenario.targets.every((target) => target.pass)),
  };
}

/**
 * A table with columns padded to their widest cell; numbers (and ratios) right-aligned.
 *
 * @example
 * formatTable({ columns: ['a', 'b'], rows: [['x', '1.0']] }) // 'a  b  \n-  ---\nx  1.0'
 */
function formatTable(table: Table): string {
  const widths = table.columns.map((column, index) => Math.max(column.length, ...table.rows.map((row) => (row[index] ?? '').length)));
  const numeric = table.columns.map((_, index) => table.rows.length > 0 && table.rows.every((row) => /^[-\d.,×]*$/.test(row[index] ?? '')));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, index) => (numeric[index] ? cell.padStart(widths[index] ?? 0) : cell.padEnd(widths[index] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(table.columns), line(widths.map((width) => '-'.repeat(width))), ...table.rows.map(line)].join('\n');
}

function formatTarget(target: TargetCheck): string {
  return `  ${target.pass ? 'PASS' : 'FAIL'}  ${target.name}: ${rounded(target.measured)} ${target.comparison} ${rounded(target.limit)}`;
}

/**
 * The default output: per scenario its title, method, table and target verdicts, then the summary.
 */
function formatReport(report: BenchReport): string {
  const sections = report.scenarios.map((scenario) =>
    [`## ${scenario.title}`, scenario.method, '', formatTable(scenario.table), '', ...scenario.targets.map(formatTarget)].join('\n'),
  );
  const failed = report.scenarios.flatMap((scenario) => scenario.targets.filter((target) => !target.pass));
  const targets = report.scenarios.reduce((count, scenario) => count + scenario.targets.length, 0);
  const { machine } = report;
  return [
    `npm run bench — ${report.startedAt}, ${report.durationSeconds} s, node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}`,
    '',
    sections.join('\n\n'),
    '',
    failed.length === 0 ? `All ${targets} targets PASS.` : `${failed.length} of ${targets} targets FAIL: ${failed.map((target) => target.name).join('; ')}`,
  ].join('\n');
}

export { buildReport, formatReport, formatTable };
