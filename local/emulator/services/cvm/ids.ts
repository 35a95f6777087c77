import { randomUUID } from 'node:crypto';
import { resourceIdFromSeed } from '../../catalogue/hash';

/**
 * Issues resource ids (`ins-`, `disk-`, … + 8 lowercase alphanumerics, reference §4.15) from a counter,
 * so a fresh service issues the same sequence every run, and never the same id twice. The counter
 * survives `reset()` so ids held by clients from before a reset cannot come back.
 */
export class IdGenerator {
  private counter = 0;
  private publicIpCounter = 0;
  private readonly issued = new Set<string>();

  next(prefix: string): string {
    for (;;) {
      this.counter += 1;
      const id = resourceIdFromSeed(prefix, `${prefix}:${this.counter}`);
      if (!this.issued.has(id)) {
        this.issued.add(id);
        return id;
      }
    }
  }

  uuid(): string {
    return randomUUID();
  }

  /** A public IPv4 address in 119.28.0.0/16 (a Tencent Cloud block), unique per service for 65 000 instances. */
  publicIp(): string {
    this.publicIpCounter += 1;
    const host = this.publicIpCounter;
    return `119.28.${(host >> 8) & 255}.${host & 255}`;
  }
}
