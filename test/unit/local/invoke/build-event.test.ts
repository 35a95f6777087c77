import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpRoute } from '../../../../functions/routes';
import type { FunctionSettings } from '../../../../local/harness/function-settings';
import { parseInvokeArguments } from '../../../../local/invoke/arguments';
import { buildInvokeEvent } from '../../../../local/invoke/build-event';

const zonesRoute: HttpRoute = {
  functionName: 'zones',
  method: 'GET',
  path: '/api/zones',
  cvmAction: 'DescribeZones',
  summary: 'List the zones of a region',
};

const settings: FunctionSettings = {
  timeoutMs: 3000,
  memoryMb: 128,
  environment: {},
  timerTriggers: [{ name: 'inventory_every_30_min', message: 'full' }],
};

describe('buildInvokeEvent', () => {
  it("builds the route's API Gateway event by default", () => {
    const event = buildInvokeEvent(
      parseInvokeArguments(['zones', '--query', 'region=ap-guangzhou', '--header', 'X-Trace=1']),
      zonesRoute,
      settings,
      'req-1',
    );

    expect(event).toMatchObject({
      httpMethod: 'GET',
      path: '/api/zones',
      queryString: { region: 'ap-guangzhou' },
      headers: { 'x-trace': '1', 'x-api-requestid': 'req-1' },
      requestContext: { path: '/api/zones', httpMethod: 'GET', requestId: 'req-1', sourceIp: '127.0.0.1' },
    });
  });

  it('adds a JSON content type and length for a --body', () => {
    const event = buildInvokeEvent(
      parseInvokeArguments(['zones', '--method', 'PUT', '--body', '{"region":"广州"}']),
      zonesRoute,
      settings,
      'req-2',
    );

    expect(event).toMatchObject({
      httpMethod: 'PUT',
      body: '{"region":"广州"}',
      headers: { 'content-type': 'application/json', 'content-length': '19' },
    });
  });

  it('builds a Function URL event with --trigger url', () => {
    const event = buildInvokeEvent(parseInvokeArguments(['zones', '--trigger', 'url', '--query', 'a=1']), zonesRoute, settings);

    expect(event).toEqual({
      httpMethod: 'GET',
      path: '/api/zones',
      queryString: { a: '1' },
      headers: { 'x-scf-remote-addr': '127.0.0.1' },
      body: '',
    });
  });

  it("builds a function's timer event from its serverless.yml trigger when it has no route", () => {
    const event = buildInvokeEvent(parseInvokeArguments(['inventory']), undefined, settings);

    expect(event).toMatchObject({ Type: 'Timer', TriggerName: 'inventory_every_30_min', Message: 'full' });
  });

  it('reads --event from a JSON file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'invoke-event-'));
    try {
      writeFileSync(join(directory, 'event.json'), '{"Type":"Timer","TriggerName":"t","Time":"x","Message":""}');

      const event = buildInvokeEvent(parseInvokeArguments(['inventory', '--event', join(directory, 'event.json')]), undefined, settings);

      expect(event).toEqual({ Type: 'Timer', TriggerName: 't', Time: 'x', Message: '' });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('says when --event is not JSON', () => {
    const directory = mkdtempSync(join(tmpdir(), 'invoke-event-'));
    try {
      writeFileSync(join(directory, 'bad.json'), '{nope');

      expect(() => buildInvokeEvent(parseInvokeArguments(['x', '--event', join(directory, 'bad.json')]), undefined, settings)).toThrow(
        `--event: ${join(directory, 'bad.json')} is not valid JSON`,
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
