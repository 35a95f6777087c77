/** A request body as an SCF event carries it: text, or base64 with a flag (reference §6.3). */
export interface EncodedBody {
  readonly text: string;
  readonly isBase64Encoded: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Valid UTF-8 is delivered as text; anything else (binary uploads) is base64-encoded with
 * `isBase64Encoded: true`, as API Gateway does when Base64 encoding is enabled for the API (§6.3).
 */
function encodeBody(bytes: Uint8Array): EncodedBody {
  try {
    return { text: strictUtf8.decode(bytes), isBase64Encoded: false };
  } catch {
    return { text: Buffer.from(bytes).toString('base64'), isBase64Encoded: true };
  }
}

export { encodeBody };
