import { warningsFor } from '../../../../local/invoke/service-warnings';

describe('warningsFor', () => {
  const warnings = [
    'functions.inventory: environment variable INVENTORY_COS_BUCKET uses Serverless variable syntax and is not set locally',
    'provider: environment variable SHARED uses Serverless variable syntax and is not set locally',
    'functions.zones: environment variable ZONES_ONLY uses Serverless variable syntax and is not set locally',
    'serverless.yml not found; functions run with the plugin defaults',
  ];

  it.each([
    ['inventory', [warnings[0], warnings[1], warnings[3]]],
    ['zones', [warnings[1], warnings[2], warnings[3]]],
    ['regions', [warnings[1], warnings[3]]],
  ])('keeps, for %s, the warnings about it, the provider and the file', (functionName, expected) => {
    expect(warningsFor(functionName, warnings)).toEqual(expected);
  });

  it('does not take a function whose name starts like another for it', () => {
    expect(warningsFor('inventory-extra', [warnings[0]])).toEqual([]);
  });
});
