/**
 * What each input means, for the document's readers. The input schemas (functions/<name>/schema.ts)
 * say what is accepted and stay free of documentation text, because every zod call is kept in the
 * function bundles; these words live here, on the documentation side only. A parameter or body field
 * without an entry is reported by the generator and fails the contract tests.
 */
export interface InputDescription {
  readonly description: string;
  /** Pre-filled by the documentation page's "try it out"; a value the emulator answers. */
  readonly example?: string;
}

const inputDescriptions: Readonly<Record<string, InputDescription>> = {
  region: { description: 'Region id, as listed by GET /api/regions.', example: 'ap-guangzhou' },
  zone: { description: 'Zone id, as listed by GET /api/zones.', example: 'ap-guangzhou-3' },
  offset: {
    description: 'Paging: how many items to skip, a whole number from 0. With offset or limit only that page is returned; without both, every item.',
  },
  limit: { description: 'Paging: how many items to return, a whole number from 1 to 100.' },
  platform: { description: 'Only images of this OS platform (fuzzy match), e.g. CentOS, TencentOS, Windows.' },
  imageType: { description: 'Only images of this kind.' },
  imageName: { description: 'Only images whose name matches (fuzzy match).' },
  instanceType: { description: 'Instance type, e.g. S5.MEDIUM2.' },
  instanceFamily: { description: 'Only instance types of this family, e.g. S5.' },
};

/** Credentials sent in a JSON body (POST/PUT), read before the body schema (lib/credentials). */
const bodyCredentialDescriptions: Readonly<Record<string, string>> = {
  secretId: 'SecretId of the caller’s API key (or send Authorization: Basic base64(secretId:secretKey)).',
  secretKey: 'SecretKey of the caller’s API key. Never echoed in answers or logs.',
  token: 'Session token, for temporary keys only (the X-TC-Token header is the same).',
};

export { bodyCredentialDescriptions, inputDescriptions };
