import { createCvmClient, sdkException, type CvmTestClient } from '../../helpers/cvm-client';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

const RUN_REQUEST = { Placement: { Zone: 'ap-guangzhou-3' }, ImageId: 'img-eb30mz89', InstanceType: 'S1.SMALL1' };

describe('control API under /_emulator/', () => {
  let emulator: TestEmulator;
  let cvm: CvmTestClient;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    cvm = createCvmClient({ endpoint: emulator.endpoint });
  });

  beforeEach(async () => {
    await emulator.control.reset();
  });

  afterAll(async () => {
    cvm.close();
    await emulator.close();
  });

  it('counts requests per action: received, invoked, succeeded and errors by code', async () => {
    await cvm.client.DescribeZones();
    await cvm.client.DescribeZones();
    await sdkException(cvm.client.DescribeInstances({ Limit: 1000 }));
    await sdkException(cvm.client.request('DescribeNothing', {}));
    const unknownKey = createCvmClient({ endpoint: emulator.endpoint, secretId: 'AKIDUNKNOWN00000000000000000000000000' });
    await sdkException(unknownKey.client.DescribeZones());
    unknownKey.close();
    const counters = await emulator.control.counters();
    expect(counters.DescribeZones).toEqual({
      received: 3,
      invoked: 2,
      succeeded: 2,
      errors: { 'AuthFailure.SecretIdNotFound': 1 },
      faults: {},
    });
    expect(counters.DescribeInstances).toEqual({
      received: 1,
      invoked: 1,
      succeeded: 0,
      errors: { 'InvalidParameterValue.LimitExceeded': 1 },
      faults: {},
    });
    expect(counters.DescribeNothing).toEqual({ received: 1, invoked: 0, succeeded: 0, errors: { InvalidAction: 1 }, faults: {} });
  });

  it('reset drops instances, counters and faults', async () => {
    await cvm.client.RunInstances(RUN_REQUEST);
    await emulator.control.addFault({ action: 'DescribeRegions', kind: 'http5xx' });
    await emulator.control.reset();
    expect(await emulator.control.counters()).toEqual({});
    expect(await emulator.control.faults()).toEqual([]);
    expect((await cvm.client.DescribeInstances({})).TotalCount).toBe(0);
  });

  it.each([
    [0, 'RUNNING'],
    [60_000, 'PENDING'],
  ])('lifecycle timing %i ms: a new instance is %s right away', async (transitionMs, state) => {
    await emulator.control.setLifecycle({ transitionMs, terminatedRetentionMs: 0 });
    const ids = (await cvm.client.RunInstances(RUN_REQUEST)).InstanceIdSet ?? [];
    const described = await cvm.client.DescribeInstances({ InstanceIds: ids });
    expect(described.InstanceSet?.map((instance) => instance.InstanceState)).toEqual([state]);
  });

  it('applies a catalogue change to the service', async () => {
    await emulator.control.changeCatalogue({ kind: 'addZone', region: 'ap-guangzhou', zone: 'ap-guangzhou-99', zoneName: 'Test Zone 99' });
    const zones = (await cvm.client.DescribeZones()).ZoneSet?.map((zone) => zone.Zone);
    expect(zones).toContain('ap-guangzhou-99');
  });

  it.each([
    ['an unknown region', { kind: 'addZone', region: 'ap-nowhere', zone: 'ap-nowhere-1', zoneName: 'x' }, 'region', '`region` ap-nowhere is not a region of the catalogue'],
    ['a zone of another region', { kind: 'addZone', region: 'ap-guangzhou', zone: 'ap-beijing-9', zoneName: 'x' }, 'zone', '`zone` ap-beijing-9 must start with ap-guangzhou-'],
    ['a zone that exists', { kind: 'addZone', region: 'ap-guangzhou', zone: 'ap-guangzhou-3', zoneName: 'x' }, 'zone', '`zone` ap-guangzhou-3 already exists in ap-guangzhou'],
    ['removing a zone that is not there', { kind: 'removeZone', region: 'ap-guangzhou', zone: 'ap-guangzhou-99' }, 'zone', '`zone` ap-guangzhou-99 is not a zone of ap-guangzhou'],
    ['removing an image that is not there', { kind: 'removeImage', region: 'ap-guangzhou', imageId: 'img-nosuch00' }, 'imageId', '`imageId` img-nosuch00 is not a public image of ap-guangzhou'],
    ['adding an image that exists', { kind: 'addImage', region: 'ap-guangzhou', image: { ImageId: 'img-eb30mz89' } }, 'image.ImageId', '`image.ImageId` img-eb30mz89 already exists in ap-guangzhou'],
    ['a malformed image id', { kind: 'addImage', region: 'ap-guangzhou', image: { ImageId: 'image-1' } }, 'image.ImageId', '`image.ImageId` must be img- followed by 8 lower-case letters or digits'],
    ['removing a type the zone does not sell', { kind: 'removeInstanceType', region: 'ap-guangzhou', zone: 'ap-guangzhou-3', instanceType: 'ZZ9.LARGE8' }, 'instanceType', '`instanceType` ZZ9.LARGE8 is not sold in ap-guangzhou-3'],
    ['seeding an unknown region', { kind: 'seedPrivateImages', accountId: '100000000001', region: 'ap-nowhere', count: 1 }, 'region', '`region` ap-nowhere is not a region of the catalogue'],
  ])('refuses a catalogue change naming %s with 400 InvalidControlRequest and the field', async (_case, change, field, message) => {
    const answer = await emulator.control.send('POST', 'catalogue', change);
    expect(answer).toEqual({ status: 400, body: { error: { code: 'InvalidControlRequest', message, field } } });
  });

  it('leaves the zone as it was when an addZone for it is refused', async () => {
    const before = (await cvm.client.DescribeZones()).ZoneSet?.find((zone) => zone.Zone === 'ap-guangzhou-3');
    await emulator.control.send('POST', 'catalogue', { kind: 'addZone', region: 'ap-guangzhou', zone: 'ap-guangzhou-3', zoneName: 'replaced' });
    const after = (await cvm.client.DescribeZones()).ZoneSet?.find((zone) => zone.Zone === 'ap-guangzhou-3');
    expect(after?.ZoneName).toBe(before?.ZoneName);
    expect(after?.ZoneName).not.toBe('replaced');
  });

  it.each([
    ['faults', { action: 'RunInstances', kind: 'explode' }, 'kind', '`kind` must be one of latency, error, malformed, truncated, http5xx, drop-before, drop-after'],
    ['faults', { kind: 'http5xx' }, 'action', '`action` is required'],
    ['faults', { action: '*', kind: 'latency' }, 'latencyMs', '`latencyMs` is required for a latency fault'],
    ['faults', { action: '*', kind: 'error' }, 'code', '`code` is required for an error fault'],
    ['faults', { action: '*', kind: 'http5xx', status: 404 }, 'status', '`status` must be at least 500'],
    ['faults', { action: '*', kind: 'drop-after', rate: 1.5 }, 'rate', '`rate` must be at most 1'],
    ['faults', { action: '*', kind: 'drop-after', latencyMs: 10 }, 'latencyMs', '`latencyMs` applies only to a latency fault'],
    ['faults', { action: '*', kind: 'malformed', typo: true }, 'typo', '`typo` is not a known field'],
    ['lifecycle', { transitionMs: -1, terminatedRetentionMs: 0 }, 'transitionMs', '`transitionMs` must be at least 0'],
    ['lifecycle', { transitionMs: 'fast', terminatedRetentionMs: 0 }, 'transitionMs', '`transitionMs` must be of type number'],
    ['rate-limits', { perSecond: { RunInstances: 0 } }, 'perSecond.RunInstances', '`perSecond.RunInstances` must be at least 1'],
    ['catalogue', { kind: 'addZone', region: 'ap-guangzhou' }, 'zone', '`zone` is required'],
    ['catalogue', { kind: 'renameRegion' }, 'kind', '`kind` does not match any accepted form'],
    ['faults', { action: 'Nope', kind: 'http5xx' }, 'action', expect.stringMatching(/^`action` must be \* or an action of the emulator \(.*DescribeRegions.*\)$/)],
    ['faults', { action: '*', region: 'ap-nowhere', kind: 'http5xx' }, 'region', '`region` ap-nowhere is not a region of the emulator'],
    ['rate-limits', { perSecond: { Nope: 1 } }, 'perSecond.Nope', expect.stringMatching(/^`Nope` is not an action of the emulator \(.*RunInstances.*\)$/)],
  ])('rejects a bad %s body %j with 400 naming the field', async (path, body, field, message) => {
    const method = path === 'lifecycle' || path === 'rate-limits' ? 'PUT' : 'POST';
    const answer = await emulator.control.send(method, path, body);
    expect(answer).toEqual({ status: 400, body: { error: { code: 'InvalidControlRequest', message, field } } });
  });

  it('rejects a body that is not JSON', async () => {
    const answer = await emulator.control.send('POST', 'faults', '{"action":');
    expect(answer).toEqual({ status: 400, body: { error: { code: 'InvalidControlRequest', message: 'the body is not valid JSON' } } });
  });

  it('answers 404 for an unknown fault id and an unknown route, 405 for a wrong method', async () => {
    expect(await emulator.control.send('DELETE', 'faults/fault-999')).toEqual({
      status: 404,
      body: { error: { code: 'FaultNotFound', message: 'No fault has the id `fault-999`.', field: 'id' } },
    });
    expect((await emulator.control.send('GET', 'nothing-here')).status).toBe(404);
    expect(await emulator.control.send('GET', 'reset')).toEqual({
      status: 405,
      body: { error: { code: 'MethodNotAllowed', message: '`/_emulator/reset` accepts POST.' } },
    });
  });

  it.each([
    ['PATCH', 'faults', 'POST, GET, DELETE'],
    ['GET', 'reset', 'POST'],
    ['POST', 'rate-limits', 'GET, PUT'],
  ])('answers %s /_emulator/%s with 405 and an Allow header listing %s', async (method, path, allowed) => {
    const answer = await fetch(`${emulator.endpoint}/_emulator/${path}`, { method });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe(allowed);
    expect(await answer.json()).toEqual({ error: { code: 'MethodNotAllowed', message: `\`/_emulator/${path}\` accepts ${allowed}.` } });
  });

  it('keeps the rate limits as they were when an override names an unknown action', async () => {
    const before = await emulator.control.send('GET', 'rate-limits');
    await emulator.control.send('PUT', 'rate-limits', { perSecond: { Nope: 1 } });
    expect(await emulator.control.send('GET', 'rate-limits')).toEqual(before);
  });

  it('adds no fault when its action is unknown', async () => {
    await emulator.control.send('POST', 'faults', { action: 'Nope', kind: 'http5xx' });
    expect(await emulator.control.faults()).toEqual([]);
  });
});
