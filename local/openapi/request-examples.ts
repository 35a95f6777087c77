/**
 * One valid JSON body per POST/PUT route: shown and pre-filled by the documentation page's "try it
 * out", used to find which keys the route requires (request-body.ts), and sent by the contract sweep
 * (test/contract/openapi-sweep.test.ts). Each must pass the route's own schema, or the generator
 * reports it. Credentials are left out: the page sends them as Authorization: Basic.
 *
 * The image and instance type exist in ap-guangzhou in the emulator's catalogue; the create example is
 * a dry run, so trying it against the real CVM API checks the request without buying anything.
 */
const INSTANCE_IDS_EXAMPLE = ['ins-r8hr2upy'];

const requestExamples: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'instances-create': { region: 'ap-guangzhou', imageId: 'img-8toqc6s3', instanceType: 'S5.MEDIUM4', instanceName: 'docs-example', dryRun: true },
  'instances-start': { region: 'ap-guangzhou', instanceIds: INSTANCE_IDS_EXAMPLE },
  'instances-stop': { region: 'ap-guangzhou', instanceIds: INSTANCE_IDS_EXAMPLE, stopType: 'SOFT' },
  'instances-reboot': { region: 'ap-guangzhou', instanceIds: INSTANCE_IDS_EXAMPLE },
  'instances-terminate': { region: 'ap-guangzhou', instanceIds: INSTANCE_IDS_EXAMPLE },
};

export { requestExamples };
