/**
 * Cancellable waits for injected latency: closing the emulator ends every pending wait at once, so a
 * long latency fault never holds up shutdown.
 */
export class Delays {
  private readonly pending = new Set<() => void>();

  wait(ms: number): Promise<void> {
    if (ms <= 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.pending.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.pending.add(finish);
    });
  }

  cancelAll(): void {
    for (const finish of [...this.pending]) {
      finish();
    }
  }
}
