import { CredentialsConfigError, DEMO_SECRET_ID, DEMO_SECRET_KEY, parseCredentials } from '../../../local/emulator/accounts';

function configError(value: string): string {
  try {
    parseCredentials(value);
  } catch (error) {
    if (error instanceof CredentialsConfigError) {
      return error.message;
    }
    throw error;
  }
  throw new Error('expected a CredentialsConfigError');
}

describe('parseCredentials', () => {
  it.each([[undefined], [''], ['   ']])('falls back to the demo pair for %p', (value) => {
    const registry = parseCredentials(value);
    expect(registry.keyPairs).toHaveLength(1);
    expect(registry.findKeyPair(DEMO_SECRET_ID)).toMatchObject({ secretKey: DEMO_SECRET_KEY, token: undefined });
  });

  it('reads long-term and temporary pairs and groups them by account', () => {
    const registry = parseCredentials('AKIDalice:aliceKey@100000000001, AKIDalicetmp:tmpKey:session-token@100000000001,AKIDbob:bobKey');
    expect(registry.findKeyPair('AKIDalice')).toEqual({
      secretId: 'AKIDalice',
      secretKey: 'aliceKey',
      token: undefined,
      accountId: '100000000001',
    });
    expect(registry.findKeyPair('AKIDalicetmp')).toEqual({
      secretId: 'AKIDalicetmp',
      secretKey: 'tmpKey',
      token: 'session-token',
      accountId: '100000000001',
    });
    expect(registry.findKeyPair('AKIDbob')?.accountId).toMatch(/^\d{12}$/);
    expect(registry.findKeyPair('AKIDbob')?.accountId).not.toBe('100000000001');
  });

  it('gives each pair without @account its own stable account id', () => {
    const first = parseCredentials('AKIDone:k1,AKIDtwo:k2');
    const reordered = parseCredentials('AKIDtwo:k2,AKIDone:k1');
    expect(first.findKeyPair('AKIDone')?.accountId).toBe(reordered.findKeyPair('AKIDone')?.accountId);
    expect(first.findKeyPair('AKIDone')?.accountId).not.toBe(first.findKeyPair('AKIDtwo')?.accountId);
  });

  it.each([
    ['AKIDone', 'entry 1 is not of the form secretId:secretKey[:token][@accountId]'],
    ['AKIDone:k1,,AKIDtwo:k2', 'entry 2 is empty'],
    ['AKIDone:k1:t:x', 'entry 1 is not of the form'],
    [':secretKey', 'entry 1: the SecretId is empty'],
    ['AKIDone:', 'entry 1 (SecretId AKIDone): the SecretKey is empty'],
    ['AKIDone:k1:', 'entry 1 (SecretId AKIDone): the token after the second \':\' is empty'],
    ['AKIDone:k1@bad account', 'entry 1 (SecretId AKIDone): the account id after \'@\''],
    ['AKIDone:k1,AKIDone:k2', 'lists SecretId AKIDone twice'],
  ])('rejects %p naming the entry', (value, expected) => {
    expect(configError(value)).toContain(expected);
  });

  it('never puts a SecretKey or token in the error message', () => {
    const message = configError('AKIDone:topSecretKey:topSecretToken@bad account');
    expect(message).not.toContain('topSecretKey');
    expect(message).not.toContain('topSecretToken');
  });
});
