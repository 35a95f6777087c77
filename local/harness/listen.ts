import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The port asked for is taken; the message says how to pick another. */
export class PortInUseError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly variable: string,
  ) {
    super(`${host}:${port} is already in use; stop what is listening there or set ${variable} to another port`);
    this.name = 'PortInUseError';
  }
}

// Not `instanceof Error`: errors raised by Node's net module may come from another realm (test sandboxes).
function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

/**
 * Starts `server` listening and resolves with the bound port (useful with port 0).
 * `portVariable` names the environment variable that changes the port, for the error message.
 */
function listen(server: Server, port: number, host: string, portVariable: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      reject(hasCode(error, 'EADDRINUSE') ? new PortInUseError(host, port, portVariable) : error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export { listen };
