import { parseInvokeArguments, UsageError } from '../../../../local/invoke/arguments';

describe('parseInvokeArguments', () => {
  it('reads the function and every request option, keeping repeated keys in order', () => {
    const args = parseInvokeArguments([
      'zones',
      '--query',
      'region=ap-guangzhou',
      '--query',
      'region=ap-beijing',
      '--query',
      'note=a=b',
      '--header',
      'Authorization=Basic QUJDOkRFRg==',
      '--method',
      'post',
      '--body',
      '{"x":1}',
      '--trigger',
      'url',
    ]);

    expect(args).toEqual({
      functionName: 'zones',
      eventFile: undefined,
      query: [
        ['region', 'ap-guangzhou'],
        ['region', 'ap-beijing'],
        ['note', 'a=b'],
      ],
      headers: [['Authorization', 'Basic QUJDOkRFRg==']],
      method: 'POST',
      body: '{"x":1}',
      trigger: 'url',
    });
  });

  it('reads --event alone', () => {
    expect(parseInvokeArguments(['regions', '--event', 'event.json'])).toMatchObject({
      functionName: 'regions',
      eventFile: 'event.json',
      query: [],
      headers: [],
    });
  });

  it.each([
    [[], /give exactly one function name/],
    [['a', 'b'], /give exactly one function name/],
    [['regions', '--query', 'novalue'], /--query expects key=value, got "novalue"/],
    [['regions', '--header', '=x'], /--header expects key=value, got "=x"/],
    [['regions', '--trigger', 'cos'], /--trigger must be one of apigw, url, timer, got "cos"/],
    [['regions', '--event', 'e.json', '--query', 'a=b'], /--event gives the whole event/],
    [['regions', '--unknown'], /Unknown option '--unknown'/],
  ])('refuses %j with a usage message', (argv, message) => {
    expect(() => parseInvokeArguments(argv)).toThrow(UsageError);
    expect(() => parseInvokeArguments(argv)).toThrow(message);
  });
});
