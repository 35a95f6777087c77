/**
 * COS wire errors (reference §7a.5): a real HTTP status plus an XML `Error` body whose `Code` is the
 * machine key. Message texts are ours except where the reference quotes an observed one
 * (`Access Denied.`, `Precondition not match.`, `The Signature you specified is invalid.`).
 */
export class CosError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CosError';
  }
}

export const accessDenied = (message = 'Access Denied.'): CosError => new CosError(403, 'AccessDenied', message);

export const requestExpired = (): CosError => new CosError(403, 'AccessDenied', 'Request has expired');

export const requestTimeTooSkewed = (): CosError =>
  new CosError(403, 'RequestTimeTooSkewed', 'The difference between the request time and the server time is too large.');

export const invalidAccessKeyId = (): CosError =>
  new CosError(403, 'InvalidAccessKeyId', 'The SecretId you provided does not exist in our records.');

export const signatureDoesNotMatch = (): CosError =>
  new CosError(403, 'SignatureDoesNotMatch', 'The Signature you specified is invalid.');

export const noSuchBucket = (): CosError => new CosError(404, 'NoSuchBucket', 'The specified bucket does not exist.');

export const noSuchKey = (): CosError => new CosError(404, 'NoSuchKey', 'The specified key does not exist.');

export const methodNotAllowed = (): CosError =>
  new CosError(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');

/** §7a.6: the code third parties report for a PUT refused by `x-cos-forbid-overwrite: true` (see §8). */
export const fileAlreadyExists = (): CosError =>
  new CosError(409, 'FileAlreadyExists', 'The object already exists and x-cos-forbid-overwrite is true.');

export const missingContentLength = (): CosError =>
  new CosError(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.');

export const preconditionFailed = (): CosError => new CosError(412, 'PreconditionFailed', 'Precondition not match.');

export const invalidDigest = (): CosError =>
  new CosError(400, 'InvalidDigest', 'The Content-MD5 you specified is not a base64-encoded 128-bit MD5 digest.');

export const badDigest = (): CosError =>
  new CosError(400, 'BadDigest', 'The Content-MD5 you specified did not match what was received.');

export const invalidArgument = (message: string): CosError => new CosError(400, 'InvalidArgument', message);

export const invalidUri = (): CosError => new CosError(400, 'InvalidURI', 'Could not parse the specified URI.');

export const entityTooLarge = (): CosError =>
  new CosError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.');
