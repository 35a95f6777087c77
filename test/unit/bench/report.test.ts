import { buildReport, formatReport, formatTable } from '../../../bench/report';
import type { ScenarioResult } from '../../../bench/scenario';
import { atLeast, atMost } from '../../../bench/targets';

function scenario(targets: ScenarioResult['targets']): ScenarioResult {
  return {
    name: 'cache',
    title: 'Cache',
    method: 'how',
    table: { columns: ['function', 'ms'], rows: [['regions', '1.5'], ['instance-types', '12.25']] },
    figures: { speedup: 12 },
    targets,
  };
}

describe('formatTable', () => {
  it('pads text left and numbers right, with a rule under the header', () => {
    expect(formatTable({ columns: ['function', 'ms'], rows: [['regions', '1.5'], ['instance-types', '12.25']] })).toBe(
      ['function           ms', '--------------  -----', 'regions           1.5', 'instance-types  12.25'].join('\n'),
    );
  });

  it('treats a column with empty cells among numbers as numeric', () => {
    expect(formatTable({ columns: ['a', 'n'], rows: [['x', '10'], ['y', '']] }).split('\n')[2]).toBe('x  10');
  });
});

describe('buildReport', () => {
  const startedAt = new Date('2026-12-03T10:00:00Z');

  it('passes only when every target of every scenario passes', () => {
    expect(buildReport([scenario([atLeast('a', 12, 10)])], startedAt, startedAt.getTime() + 1500).pass).toBe(true);
    expect(buildReport([scenario([atLeast('a', 12, 10)]), scenario([atMost('b', 2, 1)])], startedAt, startedAt.getTime()).pass).toBe(false);
  });

  it('records when, how long and on what it ran', () => {
    const report = buildReport([], startedAt, startedAt.getTime() + 61_240);
    expect(report.startedAt).toBe('2026-12-03T10:00:00.000Z');
    expect(report.durationSeconds).toBe(61.2);
    expect(report.machine.node).toBe(process.version);
    expect(report.machine.cpus).toBeGreaterThan(0);
  });
});

describe('formatReport', () => {
  it('prints every target with its verdict and a summary naming the failures', () => {
    const text = formatReport(buildReport([scenario([atLeast('regions speed-up', 12.3456, 10), atMost('size ratio', 1.106, 1.1)])], new Date(), Date.now()));
    expect(text).toContain('  PASS  regions speed-up: 12.346 >= 10');
    expect(text).toContain('  FAIL  size ratio: 1.106 <= 1.1');
    expect(text).toContain('1 of 2 targets FAIL: size ratio');
  });
});
