import * as z from 'zod/mini';
import type { ErrorBody } from '../../lib/errors/api-error';
import { ApiError, ValidationError } from '../../lib/errors/api-error';
import { type ImagesBody, toImagesBody } from '../../lib/mappers/images';
import { type InstanceTypesBody, toInstanceTypesBody } from '../../lib/mappers/instance-types';
import {
  type CreatedInstancesBody,
  type DryRunBody,
  type InstancesBody,
  type RequestIdBody,
  type WaitUnfinishedBody,
  toCreatedInstancesBody,
  toInstancesBody,
  toRequestIdBody,
  toWaitUnfinishedBody,
} from '../../lib/mappers/instances';
import { type RegionsBody, toRegionsBody } from '../../lib/mappers/regions';
import { type ZonesBody, toZonesBody } from '../../lib/mappers/zones';
import { errorResponse } from '../../lib/schemas/responses/error';
import { imagesResponse } from '../../lib/schemas/responses/images';
import { instanceTypesResponse } from '../../lib/schemas/responses/instance-types';
import {
  instancesActionAcceptedResponse,
  instancesActionResponse,
  instancesCreateAcceptedResponse,
  instancesCreateResponse,
  instancesListResponse,
} from '../../lib/schemas/responses/instances';
import { regionsResponse } from '../../lib/schemas/responses/regions';
import { zonesResponse } from '../../lib/schemas/responses/zones';
import describeImages from '../fixtures/cvm/describe-images.json';
import describeInstanceTypeConfigs from '../fixtures/cvm/describe-instance-type-configs.json';
import describeRegions from '../fixtures/cvm/describe-regions.json';
import describeZones from '../fixtures/cvm/describe-zones.json';

/**
 * The response schemas the OpenAPI document is generated from (lib/schemas/responses/) and the types
 * the mappers return (lib/mappers/) must say the same thing. Checked twice: at compile time (`npm run
 * typecheck` fails when a mapper's type and its schema's output type differ, readonly aside) and at run
 * time (each mapper's answer to a documented upstream example, and to an empty one, parses).
 */

/** The same type without `readonly`, deeply: the mappers' types are readonly, zod's outputs are not. */
type Mutable<T> = T extends readonly (infer Item)[] ? Mutable<Item>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;

/** `true` only when A and B are the same type (not merely assignable one way). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

type Agrees<Body, Schema extends z.ZodMiniType> = Same<Mutable<Body>, Mutable<z.output<Schema>>>;

const typesAgree: Record<string, true> = {
  regions: true satisfies Agrees<RegionsBody, typeof regionsResponse>,
  zones: true satisfies Agrees<ZonesBody, typeof zonesResponse>,
  images: true satisfies Agrees<ImagesBody, typeof imagesResponse>,
  'instance-types': true satisfies Agrees<InstanceTypesBody, typeof instanceTypesResponse>,
  'instances-list': true satisfies Agrees<InstancesBody, typeof instancesListResponse>,
  'instances-create': true satisfies Agrees<CreatedInstancesBody | DryRunBody, typeof instancesCreateResponse>,
  'instances-create 202': true satisfies Agrees<WaitUnfinishedBody<CreatedInstancesBody>, typeof instancesCreateAcceptedResponse>,
  'instances-action': true satisfies Agrees<RequestIdBody, typeof instancesActionResponse>,
  'instances-action 202': true satisfies Agrees<WaitUnfinishedBody<RequestIdBody>, typeof instancesActionAcceptedResponse>,
  error: true satisfies Agrees<ErrorBody, typeof errorResponse>,
};

const documentedInstance = {
  InstanceId: 'ins-r8hr2upy',
  InstanceName: 'web-1',
  InstanceState: 'RUNNING',
  InstanceType: 'S5.MEDIUM4',
  CPU: 2,
  Memory: 4,
  Placement: { Zone: 'ap-guangzhou-3' },
  ImageId: 'img-8toqc6s3',
  OsName: 'CentOS 7.4 64位',
  PrivateIpAddresses: ['172.16.32.78'],
  PublicIpAddresses: [],
  InstanceChargeType: 'POSTPAID_BY_HOUR',
  CreatedTime: '2020-09-22T00:00:00Z',
  ExpiredTime: undefined,
};

describe('response schemas', () => {
  it('cover every mapper whose type is checked against its schema', () => {
    expect(Object.keys(typesAgree).sort()).toEqual([
      'error',
      'images',
      'instance-types',
      'instances-action',
      'instances-action 202',
      'instances-create',
      'instances-create 202',
      'instances-list',
      'regions',
      'zones',
    ]);
  });

  it.each([
    ['regions', regionsResponse, () => toRegionsBody(describeRegions.response)],
    ['zones', zonesResponse, () => toZonesBody(describeZones.response)],
    ['images', imagesResponse, () => toImagesBody({ images: describeImages.response.ImageSet, totalCount: describeImages.response.TotalCount, requestId: 'r' })],
    ['instance-types', instanceTypesResponse, () => toInstanceTypesBody(describeInstanceTypeConfigs.response)],
    ['instances (list)', instancesListResponse, () => toInstancesBody({ TotalCount: 1, InstanceSet: [documentedInstance], RequestId: 'r' })],
    ['instances (create)', instancesCreateResponse, () => toCreatedInstancesBody({ InstanceIdSet: ['ins-1vogaxgk'], RequestId: 'r' })],
    [
      'instances (create, wait unfinished)',
      instancesCreateAcceptedResponse,
      () =>
        toWaitUnfinishedBody(
          toCreatedInstancesBody({ InstanceIdSet: ['ins-1vogaxgk'], RequestId: 'r' }),
          [{ instanceId: 'ins-1vogaxgk', instanceState: 'PENDING' }],
          'RUNNING',
          'time-out',
        ),
    ],
    ['instances (action)', instancesActionResponse, () => toRequestIdBody({ RequestId: 'r' })],
    [
      'instances (action, wait unfinished)',
      instancesActionAcceptedResponse,
      () => toWaitUnfinishedBody(toRequestIdBody({ RequestId: 'r' }), [{ instanceId: 'ins-r8hr2upy', instanceState: '' }], 'TERMINATED', 'dead-end'),
    ],
  ] as const)('accept what the %s mapper makes of the documented example', (_name, schema, mapped) => {
    const body = mapped();

    expect(z.safeParse(schema, body).error?.issues).toBeUndefined();
  });

  it.each([
    ['regions', regionsResponse, () => toRegionsBody({})],
    ['zones', zonesResponse, () => toZonesBody({})],
    ['images', imagesResponse, () => toImagesBody({ images: [{}], totalCount: undefined, requestId: undefined })],
    ['instance-types', instanceTypesResponse, () => toInstanceTypesBody({ InstanceTypeConfigSet: [{}] })],
  ] as const)('accept the %s mapper’s answer when upstream leaves every field out ("" everywhere)', (_name, schema, mapped) => {
    expect(z.safeParse(schema, mapped()).success).toBe(true);
  });

  it.each([
    ['a number where the contract promises a string', { totalCount: 19, regions: [], requestId: 'r' }],
    ['null for an absent value', { totalCount: '19', regions: [{ region: null, regionName: '', regionState: '' }], requestId: 'r' }],
    ['a key the contract does not have', { totalCount: '19', regions: [], requestId: 'r', nextToken: '' }],
    ['a missing key', { totalCount: '19', regions: [] }],
    ['non-numeric text in a number field', { totalCount: 'nineteen', regions: [], requestId: 'r' }],
  ])('reject %s', (_case, body) => {
    expect(z.safeParse(regionsResponse, body).success).toBe(false);
  });

  it.each([
    ['a validation failure', new ValidationError([{ field: 'region', message: 'is required' }])],
    ['an upstream failure', new ApiError(401, 'AuthFailure.SignatureFailure', 'The signature is wrong.', { upstreamRequestId: 'up-1' })],
    ['an unexposed internal failure', new ApiError(500, 'InternalError', 'secret detail', { expose: false })],
  ])('accept the error body of %s', (_case, error) => {
    expect(z.safeParse(errorResponse, error.toBody('invocation-1')).success).toBe(true);
  });
});
