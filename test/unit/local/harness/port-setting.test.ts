import { readPortSetting } from '../../../../local/harness/port-setting';

describe('readPortSetting', () => {
  it.each([
    [undefined, 8001],
    ['', 8001],
    ['  ', 8001],
    ['0', 0],
    ['18001', 18001],
    ['65535', 65535],
  ])('reads %j as %i', (value, port) => {
    expect(readPortSetting('PORT', 8001, { PORT: value })).toBe(port);
  });

  it.each(['-1', '65536', '80.5', 'eighty', '0x50'])('refuses %j, naming the variable', (value) => {
    expect(() => readPortSetting('PORT', 8001, { PORT: value })).toThrow(
      `PORT must be a port number between 0 and 65535, got "${value}"`,
    );
  });
});
