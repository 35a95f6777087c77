/**
 * The real SDK client, for the runner's own upstream calls: preparing emulator state a scenario
 * needs, and the sequential reference run of the inventory scenario.
 */
import { Agent } from 'node:http';
import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_client';
import type { KeyPair } from './events';

export interface BenchCvmClients {
  /** A client for `region` (none: region-less actions). */
  forRegion(region?: string): Client;
  close(): void;
}

/**
 * @example
 * const cvm = createBenchCvmClients(emulator.endpoint, DEMO_KEY_PAIR);
 * await cvm.forRegion('ap-guangzhou').DescribeZones();
 */
function createBenchCvmClients(endpoint: string, keyPair: KeyPair): BenchCvmClients {
  const url = new URL(endpoint);
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const clients = new Map<string, Client>();
  return {
    forRegion(region) {
      const key = region ?? '';
      let client = clients.get(key);
      if (client === undefined) {
        client = new Client({
          credential: keyPair,
          ...(region === undefined ? {} : { region }),
          profile: { httpProfile: { endpoint: url.host, protocol: 'http://', agent } },
        });
        clients.set(key, client);
      }
      return client;
    },
    close: () => agent.destroy(),
  };
}

export { createBenchCvmClients };
