/** The origin only: a URL's user-info part could hold a credential and is never printed. */
function printableEndpoint(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    return '(CVM_ENDPOINT is not a valid URL)';
  }
}

export { printableEndpoint };
