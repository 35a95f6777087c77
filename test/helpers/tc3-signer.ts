/**
 * An independent TC3-HMAC-SHA256 signer, written from the reference (§2.1–§2.4) and deliberately
 * sharing no code with the SDK's `Sign.sign3` or with the emulator's verifier: when the emulator
 * accepts what this signer produces, the verification is the protocol's, not merely the SDK's.
 * Every intermediate is returned so tests can compare each step with the documented vector (§2.6).
 *
 * Also sends such requests over plain `node:http`, so tests can set any Host, body or header byte for
 * byte, which the SDK would not let them do.
 */
import { createHash, createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';

export interface Tc3SigningInput {
  readonly secretId: string;
  readonly secretKey: string;
  /** Credential-scope service (`cvm`, or `127` as the SDK derives it for `127.0.0.1:PORT`, §2.7). */
  readonly service: string;
  readonly method: 'POST' | 'GET';
  readonly path?: string;
  readonly query?: string;
  /** Value of the signed `host` header. */
  readonly host: string;
  readonly contentType: string;
  /** UNIX seconds. */
  readonly timestamp: number;
  readonly body: string | Buffer;
  /** Extra headers to sign besides content-type and host, e.g. `{ 'x-tc-action': 'DescribeInstances' }`. */
  readonly extraSignedHeaders?: Readonly<Record<string, string>>;
}

export interface Tc3SigningSteps {
  readonly hashedRequestPayload: string;
  readonly canonicalRequest: string;
  readonly hashedCanonicalRequest: string;
  readonly date: string;
  readonly credentialScope: string;
  readonly stringToSign: string;
  readonly secretDateHex: string;
  readonly secretServiceHex: string;
  readonly secretSigningHex: string;
  readonly signature: string;
  readonly signedHeaders: string;
  readonly authorization: string;
}

const hexSha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmacBytes = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();

export function signTc3(input: Tc3SigningInput): Tc3SigningSteps {
  const headers = new Map<string, string>([
    ['content-type', input.contentType],
    ['host', input.host],
    ...Object.entries(input.extraSignedHeaders ?? {}).map(([name, value]): [string, string] => [name.toLowerCase(), value]),
  ]);
  const names = [...headers.keys()].sort();
  const canonicalHeaders = names.map((name) => `${name}:${(headers.get(name) ?? '').trim().toLowerCase()}\n`).join('');
  const signedHeaders = names.join(';');
  const hashedRequestPayload = hexSha256(input.body);
  const canonicalRequest = `${input.method}\n${input.path ?? '/'}\n${input.query ?? ''}\n${canonicalHeaders}\n${signedHeaders}\n${hashedRequestPayload}`;
  const hashedCanonicalRequest = hexSha256(canonicalRequest);
  // §2.2: the UTC date of the timestamp.
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const credentialScope = `${date}/${input.service}/tc3_request`;
  const stringToSign = `TC3-HMAC-SHA256\n${input.timestamp}\n${credentialScope}\n${hashedCanonicalRequest}`;
  const secretDate = hmacBytes(`TC3${input.secretKey}`, date);
  const secretService = hmacBytes(secretDate, input.service);
  const secretSigning = hmacBytes(secretService, 'tc3_request');
  const signature = createHmac('sha256', secretSigning).update(stringToSign).digest('hex');
  return {
    hashedRequestPayload,
    canonicalRequest,
    hashedCanonicalRequest,
    date,
    credentialScope,
    stringToSign,
    secretDateHex: secretDate.toString('hex'),
    secretServiceHex: secretService.toString('hex'),
    secretSigningHex: secretSigning.toString('hex'),
    signature,
    signedHeaders,
    authorization: `TC3-HMAC-SHA256 Credential=${input.secretId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

export interface RawRequest {
  readonly port: number;
  readonly method: string;
  readonly path?: string;
  /** Sent exactly as given; `Host` must be among them (node:http otherwise adds one). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

/** Sends one request to 127.0.0.1 on a fresh connection and collects the whole answer. */
export function sendRawRequest(raw: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: raw.port, method: raw.method, path: raw.path ?? '/', headers: raw.headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(raw.body);
  });
}

export interface SignedCallInput {
  readonly port: number;
  readonly secretId: string;
  readonly secretKey: string;
  readonly action: string;
  readonly body: string;
  readonly timestamp: number;
  readonly version?: string;
  readonly region?: string;
  readonly token?: string;
  readonly contentType?: string;
  /** Host header as sent; default `127.0.0.1:<port>`. */
  readonly hostHeader?: string;
  /** Host value that is signed; default the Host header as sent. */
  readonly signedHost?: string;
  /** Default `cvm`. */
  readonly service?: string;
  readonly signActionHeader?: boolean;
}

/** Builds the headers of a TC3-signed POST with this signer, the way the reference describes it. */
export function signedCallHeaders(input: SignedCallInput): Record<string, string> {
  const hostHeader = input.hostHeader ?? `127.0.0.1:${input.port}`;
  const contentType = input.contentType ?? 'application/json';
  const steps = signTc3({
    secretId: input.secretId,
    secretKey: input.secretKey,
    service: input.service ?? 'cvm',
    method: 'POST',
    host: input.signedHost ?? hostHeader,
    contentType,
    timestamp: input.timestamp,
    body: input.body,
    extraSignedHeaders: input.signActionHeader === true ? { 'x-tc-action': input.action } : {},
  });
  return {
    Host: hostHeader,
    'Content-Type': contentType,
    'X-TC-Action': input.action,
    'X-TC-Version': input.version ?? '2017-03-12',
    'X-TC-Timestamp': String(input.timestamp),
    ...(input.region === undefined ? {} : { 'X-TC-Region': input.region }),
    ...(input.token === undefined ? {} : { 'X-TC-Token': input.token }),
    Authorization: steps.authorization,
  };
}
