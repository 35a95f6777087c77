/** What an operation answers; the service adds the common response headers (reference §7a.2). */
export interface CosReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export const EMPTY_BODY = Buffer.alloc(0);
