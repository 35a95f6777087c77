import { createCvmClient, type CvmTestClient } from '../../helpers/cvm-client';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

const ALICE = { secretId: 'AKIDALICE000000000000000000000000000', secretKey: 'AliceSecretKey000000000000000000' };
const ALICE_SECOND = { secretId: 'AKIDALICESECOND000000000000000000000', secretKey: 'AliceSecondKey000000000000000000' };
const BOB = { secretId: 'AKIDBOB00000000000000000000000000000', secretKey: 'BobSecretKey00000000000000000000' };
const CREDENTIALS = [
  `${ALICE.secretId}:${ALICE.secretKey}@100000000001`,
  `${ALICE_SECOND.secretId}:${ALICE_SECOND.secretKey}@100000000001`,
  `${BOB.secretId}:${BOB.secretKey}`,
].join(',');
const RUN_REQUEST = { Placement: { Zone: 'ap-guangzhou-3' }, ImageId: 'img-eb30mz89', InstanceType: 'S1.SMALL1' };

describe('accounts: instances are per account and per region', () => {
  let emulator: TestEmulator;
  const clients: CvmTestClient[] = [];

  const cvm = (keys: { secretId: string; secretKey: string }, region = 'ap-guangzhou'): CvmTestClient['client'] => {
    const created = createCvmClient({ endpoint: emulator.endpoint, region, ...keys });
    clients.push(created);
    return created.client;
  };

  const visibleIds = async (keys: { secretId: string; secretKey: string }, region = 'ap-guangzhou'): Promise<string[]> =>
    ((await cvm(keys, region).DescribeInstances({})).InstanceSet ?? []).map((instance) => instance.InstanceId ?? '');

  beforeAll(async () => {
    emulator = await startTestEmulator({ credentials: CREDENTIALS });
  });

  afterAll(async () => {
    clients.forEach((created) => created.close());
    await emulator.close();
  });

  it('shows an instance to every key pair of its account, in its region only, and never to another account', async () => {
    const created = await cvm(ALICE).RunInstances(RUN_REQUEST);
    const ids = created.InstanceIdSet ?? [];
    expect(ids).toHaveLength(1);
    expect(await visibleIds(ALICE)).toEqual(ids);
    expect(await visibleIds(ALICE_SECOND)).toEqual(ids);
    expect(await visibleIds(ALICE, 'ap-beijing')).toEqual([]);
    expect(await visibleIds(BOB)).toEqual([]);
  });
});
