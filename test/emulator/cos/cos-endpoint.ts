import COS from 'cos-nodejs-sdk-v5';
import { startEmulator } from '../../../local/emulator/server';

/** Key pairs of the COS suites: two accounts, one of them with a temporary pair. */
export const ALICE = { SecretId: 'AKIDcosalice0000000000000000000000000', SecretKey: 'AliceSecretKeyAliceSecretKey0000' };
export const ALICE_TEMPORARY = {
  SecretId: 'AKIDcosalicetmp00000000000000000000000',
  SecretKey: 'AliceTemporaryKeyAliceTemporary0',
  SecurityToken: 'alice-session-token',
};
export const BOB = { SecretId: 'AKIDcosbob000000000000000000000000000', SecretKey: 'BobSecretKeyBobSecretKeyBobSecre' };

const CREDENTIALS = [
  `${ALICE.SecretId}:${ALICE.SecretKey}@100000000001`,
  `${ALICE_TEMPORARY.SecretId}:${ALICE_TEMPORARY.SecretKey}:${ALICE_TEMPORARY.SecurityToken}@100000000001`,
  `${BOB.SecretId}:${BOB.SecretKey}@100000000002`,
].join(',');

export interface CosEndpoint {
  /** `127.0.0.1:PORT`, for the SDK's `Ip` option. */
  readonly ip: string;
  /** Moves the endpoint's clock relative to the real one. */
  setClockOffsetMs(offsetMs: number): void;
  close(): Promise<void>;
}

/** The whole emulator on an ephemeral loopback port; its COS service answers the bucket hosts. */
export async function startCosEndpoint(): Promise<CosEndpoint> {
  let clockOffsetMs = 0;
  const emulator = await startEmulator({ port: 0, credentials: CREDENTIALS, now: () => Date.now() + clockOffsetMs });
  return {
    ip: `127.0.0.1:${emulator.port}`,
    setClockOffsetMs: (offsetMs) => {
      clockOffsetMs = offsetMs;
    },
    close: () => emulator.close(),
  };
}

/** The real SDK pointed at the endpoint as reference §7a.8 recommends (`Ip` + `http:`, no keep-alive in tests). */
export function cosClient(ip: string, credentials: COS.COSOptions, extra: COS.COSOptions = {}): COS {
  return new COS({ ...credentials, Ip: ip, Protocol: 'http:', KeepAlive: false, ...extra });
}
