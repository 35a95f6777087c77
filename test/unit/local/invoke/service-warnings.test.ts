import { warningsFor } from '../../../../local/invoke/service-warnings';

describe('warningsFor', () => {
  const inventoryBucket =
    'functions.inventory: environment variable INVENTORY_COS_BUCKET uses Serverless variable syntax and is not set locally';
  const provider = 'provider: environment variable SHARED uses Serverless variable syntax and is not set locally';
  const zonesOnly = 'functions.zones: environment variable ZONES_ONLY uses Serverless variable syntax and is not set locally';
  const wholeFile = 'serverless.yml not found; functions run with the plugin defaults';
  const warnings = [inventoryBucket, provider, zonesOnly, wholeFile];

  it.each([
    ['inventory', [inventoryBucket, provider, wholeFile]],
    ['zones', [provider, zonesOnly, wholeFile]],
    ['regions', [provider, wholeFile]],
  ])('keeps, for %s, the warnings about it, the provider and the file', (functionName, expected) => {
    expect(warningsFor(functionName, warnings)).toEqual(expected);
  });

  it('does not take a function whose name starts like another for it', () => {
    expect(warningsFor('inventory-extra', [inventoryBucket])).toEqual([]);
  });
});
