/**
 * The route table: the single source of truth for which SCF function serves which HTTP route.
 * serverless.yml, the local harness, the build and the tests are all checked against it.
 * Pure data: importing it loads no handler code.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface HttpRoute {
  /** Folder under functions/, bundle name in dist/functions/, and key under `functions:` in serverless.yml. */
  readonly functionName: string;
  readonly method: HttpMethod;
  readonly path: string;
  /** The CVM API action the route fronts. */
  readonly cvmAction: string;
  readonly summary: string;
}

export const httpRoutes: readonly HttpRoute[] = [
  { functionName: 'regions', method: 'GET', path: '/api/regions', cvmAction: 'DescribeRegions', summary: 'List all regions' },
  { functionName: 'zones', method: 'GET', path: '/api/zones', cvmAction: 'DescribeZones', summary: 'List the zones of a region' },
  { functionName: 'images', method: 'GET', path: '/api/images', cvmAction: 'DescribeImages', summary: 'List the images of a region' },
  {
    functionName: 'instance-types',
    method: 'GET',
    path: '/api/instance-types',
    cvmAction: 'DescribeInstanceTypeConfigs',
    summary: 'List the instance types of a region',
  },
  { functionName: 'instances-create', method: 'POST', path: '/api/instances', cvmAction: 'RunInstances', summary: 'Create instances' },
  { functionName: 'instances-list', method: 'GET', path: '/api/instances', cvmAction: 'DescribeInstances', summary: 'List the instances of a region' },
  { functionName: 'instances-start', method: 'PUT', path: '/api/instances/start', cvmAction: 'StartInstances', summary: 'Start instances' },
  { functionName: 'instances-stop', method: 'PUT', path: '/api/instances/stop', cvmAction: 'StopInstances', summary: 'Stop instances' },
  { functionName: 'instances-reboot', method: 'PUT', path: '/api/instances/reboot', cvmAction: 'RebootInstances', summary: 'Reboot instances' },
  {
    functionName: 'instances-terminate',
    method: 'PUT',
    path: '/api/instances/terminate',
    cvmAction: 'TerminateInstances',
    summary: 'Terminate instances',
  },
];
