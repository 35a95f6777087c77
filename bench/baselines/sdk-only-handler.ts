/**
 * The cold-start baseline: an SCF function that does only what any function fronting the CVM API
 * must do: construct the SDK's CVM client (the same deep import as lib/cvm/client.ts, with an
 * explicit keep-alive agent) and call one action, returning the SDK's answer as JSON. No validation,
 * no logging, no error mapping. bench/artifacts.ts builds it with the function bundles' esbuild options.
 *
 * Settings: `CVM_ENDPOINT` (as our functions), `BASELINE_ACTION`, `BASELINE_PARAMS` (JSON). The
 * credentials and the region come from the event, as the seed's curl sends them (query string for
 * GET, JSON body otherwise).
 */
import { Agent } from 'node:http';
import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_client';

interface BaselineEvent {
  readonly queryString?: Record<string, string>;
  readonly body?: string;
}

const agent = new Agent({ keepAlive: true });

export async function main_handler(event: BaselineEvent): Promise<{ statusCode: number; headers: Record<string, string>; body: string }> {
  const input: Record<string, string | undefined> = event.body ? JSON.parse(event.body) : (event.queryString ?? {});
  const endpoint = new URL(process.env.CVM_ENDPOINT ?? '');
  const client = new Client({
    credential: { secretId: input.secretId, secretKey: input.secretKey },
    ...(input.region === undefined ? {} : { region: input.region }),
    profile: { httpProfile: { endpoint: endpoint.host, protocol: endpoint.protocol === 'http:' ? 'http://' : 'https://', agent } },
  });
  const answer = await client.request(process.env.BASELINE_ACTION ?? '', JSON.parse(process.env.BASELINE_PARAMS ?? '{}'));
  return { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(answer) };
}
