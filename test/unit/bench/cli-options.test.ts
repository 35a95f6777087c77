import { checkScenarioNames, CliOptionsError, parseCliOptions, USAGE, usageErrorText } from '../../../bench/cli-options';

describe('parseCliOptions', () => {
  it('defaults to the table, every scenario, no strict exit', () => {
    expect(parseCliOptions([])).toEqual({ json: false, strict: false, only: undefined, load: false, help: false });
  });

  it.each([
    [['--json'], { json: true }],
    [['--strict'], { strict: true }],
    [['--load'], { load: true }],
    [['--help'], { help: true }],
    [['-h'], { help: true }],
    [['--only', 'cache'], { only: ['cache'] }],
    [['--only=cache,cold-start'], { only: ['cache', 'cold-start'] }],
    [['--only', 'cache', '--only', ' inventory '], { only: ['cache', 'inventory'] }],
  ])('reads %j', (argv, expected) => {
    expect(parseCliOptions(argv)).toMatchObject(expected);
  });

  it.each([[['--only']], [['--only', ',']], [['--only=']], [['--fast']], [['cache']]])('refuses %j with a message', (argv) => {
    expect(() => parseCliOptions(argv)).toThrow(CliOptionsError);
  });
});

describe('checkScenarioNames', () => {
  const known = ['cold-start', 'cache', 'load'];

  it('accepts known names and no --only at all', () => {
    expect(() => checkScenarioNames(['cache', 'load'], known)).not.toThrow();
    expect(() => checkScenarioNames(undefined, known)).not.toThrow();
  });

  it('refuses an unknown name, naming it and every known one', () => {
    expect(() => checkScenarioNames(['cache', 'nosuch'], known)).toThrow(
      new CliOptionsError('unknown scenario nosuch; known: cold-start, cache, load'),
    );
  });
});

describe('usageErrorText', () => {
  it('prints the message and the usage line, without a stack trace', () => {
    const text = usageErrorText(new CliOptionsError('unknown option --bogus (try --help)'));

    expect(text).toBe(`bench: unknown option --bogus (try --help)\n${USAGE}\n`);
    expect(text).not.toMatch(/^\s+at /m);
  });
});
