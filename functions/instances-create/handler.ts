/**
 * POST /api/instances → RunInstances (reference §4.6). Spends the caller's money, so: the body is
 * checked strictly, every create carries a ClientToken (the caller's, or one made for this request and
 * reused by every retry), a zone and a disk size are looked up when not given, and `wait` returns only
 * once every new instance is RUNNING (else 202 with their states).
 */
import { answerAfterWait } from '../../lib/cvm/answer-after-wait';
import { httpHandler } from '../../lib/http/http-handler';
import { waitRequested } from '../../lib/schemas/instances';
import { IDEMPOTENCY_KEY_HEADER, resolveClientToken } from './client-token';
import { imageDiskSize } from './image-disk-size';
import { pickZone } from './pick-zone';
import { runInstances } from './run-instances';
import { runInstancesRequest } from './run-instances-request';
import { createInstancesBody, createInstancesQuery } from './schema';

export const main_handler = httpHandler({
  query: createInstancesQuery,
  body: createInstancesBody,
  handle: async ({ query, body, cvm, config, log, request }) => {
    if (body.password !== undefined) log.addSecrets([body.password]);
    const clientToken = resolveClientToken(body.clientToken, request.headers[IDEMPOTENCY_KEY_HEADER]);
    // Before anything is bought: a conflicting `wait` is refused with nothing created.
    const wait = waitRequested(query, body);
    const [zone, diskSize] = await Promise.all([
      body.zone ?? pickZone(cvm, body.region, body.instanceType),
      body.systemDisk?.diskSize ?? imageDiskSize(cvm, body.region, body.imageId),
    ]);
    const answer = await runInstances(cvm, body.region, runInstancesRequest(body, { zone, diskSize, clientToken }));
    if ('dryRun' in answer || !wait) return answer;
    return answerAfterWait({ cvm, log, config, region: body.region, instanceIds: answer.instanceIds, target: 'RUNNING', answer });
  },
});
