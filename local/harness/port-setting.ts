/** Reads a TCP port from an environment variable: an integer 0–65535 (0 = any free port). */
function readPortSetting(variable: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const text = env[variable];
  if (text === undefined || text.trim() === '') {
    return fallback;
  }
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || port > 65535) {
    throw new RangeError(`${variable} must be a port number between 0 and 65535, got "${text}"`);
  }
  return port;
}

export { readPortSetting };
