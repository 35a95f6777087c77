import { createCredentialFingerprinter } from '../../../../lib/cache/credential-fingerprint';

const SECRET = new Uint8Array(32).fill(7);
const alice = { secretId: 'AKIDalice', secretKey: 'aliceKey', token: undefined };

describe('createCredentialFingerprinter', () => {
  const fingerprint = createCredentialFingerprinter(SECRET);

  it('gives the same fingerprint for the same full credential', () => {
    expect(fingerprint({ ...alice })).toBe(fingerprint(alice));
    expect(fingerprint(alice)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it.each([
    ['another SecretKey with the same SecretId', { ...alice, secretKey: 'guessedKey' }],
    ['another SecretId with the same SecretKey', { ...alice, secretId: 'AKIDbob' }],
    ['a session token', { ...alice, token: 'session' }],
    ['an empty session token', { ...alice, token: '' }],
    ['characters moved across the id/key boundary', { ...alice, secretId: 'AKIDaliceal', secretKey: 'iceKey' }],
  ])('differs for %s', (_case, other) => {
    expect(fingerprint(other)).not.toBe(fingerprint(alice));
  });

  it('depends on the container’s secret, so it means nothing outside the process', () => {
    const otherContainer = createCredentialFingerprinter(new Uint8Array(32).fill(8));
    expect(otherContainer(alice)).not.toBe(fingerprint(alice));
  });

  it('never contains the SecretKey or the SecretId', () => {
    const value = fingerprint(alice);
    expect(value).not.toContain('aliceKey');
    expect(value).not.toContain('AKIDalice');
  });

  it('uses a fresh random secret per fingerprinter by default', () => {
    expect(createCredentialFingerprinter()(alice)).not.toBe(createCredentialFingerprinter()(alice));
  });
});
