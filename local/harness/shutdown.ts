/**
 * Closes everything on SIGINT (Ctrl-C) or SIGTERM and exits 0, or 1 if closing failed.
 * A second signal while closing exits at once.
 */
function closeOnSignal(close: () => Promise<void>, log: (line: string) => void): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) {
      process.exit(1);
    }
    closing = true;
    log(`${signal} received, shutting down`);
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

export { closeOnSignal };
