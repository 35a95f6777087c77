/**
 * Key pairs and the accounts they belong to.
 *
 * Syntax of `CVM_EMULATOR_CREDENTIALS` (comma-separated entries):
 *
 *   secretId:secretKey[:token][@accountId]
 *
 * - `:token` marks a temporary key pair (STS / role session, reference §1.2): every request signed with
 *   it must carry `X-TC-Token` equal to that token.
 * - `@accountId` groups key pairs into one account (an account may hold several pairs, §1.2); without
 *   it each pair is its own account, whose id is a 12-digit number derived from the SecretId (stable
 *   across restarts and independent of the entry's position).
 *
 * Example: `AKIDalice000:aliceKey@100000000001,AKIDalicetmp:tmpKey:sessionToken@100000000001,AKIDbob:bobKey`
 *
 * When the variable is unset or blank the demo pair below is the only key pair.
 */
import { createHash } from 'node:crypto';

export const DEMO_SECRET_ID = 'AKIDLOCALEMULATORDEMOKEY000000000000';
export const DEMO_SECRET_KEY = 'LocalEmulatorDemoSecretKey000000';
export const DEMO_CREDENTIALS = `${DEMO_SECRET_ID}:${DEMO_SECRET_KEY}`;

export interface KeyPair {
  readonly secretId: string;
  readonly secretKey: string;
  /** Present only for temporary key pairs. */
  readonly token: string | undefined;
  readonly accountId: string;
}

export interface AccountRegistry {
  findKeyPair(secretId: string): KeyPair | undefined;
  readonly keyPairs: readonly KeyPair[];
}

/** Thrown for an invalid credentials value; the message names the entry but never a key or token. */
export class CredentialsConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsConfigError';
  }
}

const SECRET_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const ENTRY_SYNTAX = 'secretId:secretKey[:token][@accountId]';

function defaultAccountId(secretId: string): string {
  const digest = createHash('sha256').update(secretId).digest();
  return String(digest.readUIntBE(0, 6) % 1_000_000_000_000).padStart(12, '1');
}

function parseEntry(entry: string, position: number): KeyPair {
  const where = `CVM_EMULATOR_CREDENTIALS entry ${position}`;
  const at = entry.lastIndexOf('@');
  const pairPart = at === -1 ? entry : entry.slice(0, at);
  const accountPart = at === -1 ? undefined : entry.slice(at + 1);
  const fields = pairPart.split(':');
  if (fields.length < 2 || fields.length > 3) {
    throw new CredentialsConfigError(`${where} is not of the form ${ENTRY_SYNTAX}`);
  }
  const [secretId = '', secretKey = '', token] = fields;
  if (!SECRET_ID_PATTERN.test(secretId)) {
    throw new CredentialsConfigError(`${where}: the SecretId is empty or has characters other than A-Z a-z 0-9 _ -`);
  }
  if (secretKey.length === 0) {
    throw new CredentialsConfigError(`${where} (SecretId ${secretId}): the SecretKey is empty`);
  }
  if (token !== undefined && token.length === 0) {
    throw new CredentialsConfigError(`${where} (SecretId ${secretId}): the token after the second ':' is empty`);
  }
  if (accountPart !== undefined && !ACCOUNT_ID_PATTERN.test(accountPart)) {
    throw new CredentialsConfigError(
      `${where} (SecretId ${secretId}): the account id after '@' must be 1-64 characters of A-Z a-z 0-9 _ -`,
    );
  }
  return { secretId, secretKey, token, accountId: accountPart ?? defaultAccountId(secretId) };
}

/** Parses the `CVM_EMULATOR_CREDENTIALS` syntax; blank or undefined means the demo pair. */
export function parseCredentials(value: string | undefined): AccountRegistry {
  const source = value === undefined || value.trim() === '' ? DEMO_CREDENTIALS : value;
  const entries = source.split(',').map((entry) => entry.trim());
  const keyPairs = entries.map((entry, index) => {
    if (entry === '') {
      throw new CredentialsConfigError(`CVM_EMULATOR_CREDENTIALS entry ${index + 1} is empty`);
    }
    return parseEntry(entry, index + 1);
  });
  const bySecretId = new Map<string, KeyPair>();
  for (const keyPair of keyPairs) {
    if (bySecretId.has(keyPair.secretId)) {
      throw new CredentialsConfigError(`CVM_EMULATOR_CREDENTIALS lists SecretId ${keyPair.secretId} twice`);
    }
    bySecretId.set(keyPair.secretId, keyPair);
  }
  return {
    keyPairs,
    findKeyPair: (secretId) => bySecretId.get(secretId),
  };
}
