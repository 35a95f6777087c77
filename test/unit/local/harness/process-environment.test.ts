import { createEnvironmentOverlay } from '../../../../local/harness/process-environment';

const KEYS = ['HARNESS_TEST_FROM_YAML', 'HARNESS_TEST_FROM_SHELL', 'HARNESS_TEST_OVERRIDE'] as const;

describe('createEnvironmentOverlay', () => {
  afterEach(() => {
    for (const key of KEYS) {
      delete process.env[key];
    }
  });

  it('layers serverless.yml under the shell under explicit overrides, and restores everything', () => {
    process.env.HARNESS_TEST_FROM_SHELL = 'shell';
    const overlay = createEnvironmentOverlay({ HARNESS_TEST_OVERRIDE: 'override' });

    overlay.applyFunctionVariables({
      HARNESS_TEST_FROM_YAML: 'yaml',
      HARNESS_TEST_FROM_SHELL: 'yaml',
      HARNESS_TEST_OVERRIDE: 'yaml',
    });

    expect(process.env.HARNESS_TEST_FROM_YAML).toBe('yaml');
    expect(process.env.HARNESS_TEST_FROM_SHELL).toBe('shell');
    expect(process.env.HARNESS_TEST_OVERRIDE).toBe('override');

    overlay.restore();

    expect(process.env.HARNESS_TEST_FROM_YAML).toBeUndefined();
    expect(process.env.HARNESS_TEST_FROM_SHELL).toBe('shell');
    expect(process.env.HARNESS_TEST_OVERRIDE).toBeUndefined();
  });

  it('puts back a shell value that an override replaced', () => {
    process.env.HARNESS_TEST_OVERRIDE = 'shell';
    const overlay = createEnvironmentOverlay({ HARNESS_TEST_OVERRIDE: 'override' });

    expect(process.env.HARNESS_TEST_OVERRIDE).toBe('override');
    overlay.restore();
    expect(process.env.HARNESS_TEST_OVERRIDE).toBe('shell');
  });
});
