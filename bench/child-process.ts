/**
 * The runner's side of bench/children/protocol.ts: start a child script with its own environment,
 * wait for it to be ready, send it requests, stop it. A child's stdout is discarded (the functions
 * write their log lines there, as on SCF); its stderr is kept to explain a failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { isReadyMessage, isReplyMessage, type ProcessUsage, type ReplyMessage } from './children/protocol';

export interface ChildOptions {
  readonly cwd: string;
  /** Over the runner's own environment. */
  readonly env?: Readonly<Record<string, string>>;
  readonly args?: readonly string[];
}

export interface BenchChild {
  /** What the child announced with its `ready` message (e.g. its URL). */
  readonly ready: unknown;
  call<T>(kind: string, payload?: unknown): Promise<T>;
  usage(): Promise<ProcessUsage>;
  stop(): Promise<void>;
}

const STDERR_KEPT_CHARS = 4000;

function spawnWithIpc(script: string, options: ChildOptions): { child: ChildProcess; stderr: () => string } {
  const child = spawn(process.execPath, [script, ...(options.args ?? [])], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEPT_CHARS);
  });
  return { child, stderr: () => stderr };
}

function exitError(script: string, code: number | null, stderr: string): Error {
  return new Error(`${script} exited (${code ?? 'signal'}) before answering${stderr === '' ? '' : `:\n${stderr}`}`);
}

/**
 * Runs a one-shot child to completion and returns the first message it sends.
 *
 * @example
 * const result = await runOnce<ColdStartResult>(artifacts.coldStartChild, { cwd, env, args: [bundle] });
 */
function runOnce<T>(script: string, options: ChildOptions): Promise<T> {
  const { child, stderr } = spawnWithIpc(script, options);
  return new Promise<T>((resolve, reject) => {
    child.once('message', (message: unknown) => resolve(message as T));
    child.once('error', reject);
    child.once('exit', (code) => reject(exitError(script, code, stderr())));
  });
}

/**
 * @example
 * const harness = await startChild(artifacts.harnessChild, { cwd: repoRoot, env: { CVM_ENDPOINT } });
 * const { url } = harness.ready as { url: string };
 * await harness.stop();
 */
function startChild(script: string, options: ChildOptions): Promise<BenchChild> {
  const { child, stderr } = spawnWithIpc(script, options);
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  child.on('message', (message: unknown) => {
    if (!isReplyMessage(message)) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    settle(waiter, message);
  });
  child.once('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(exitError(script, code, stderr()));
    pending.clear();
  });

  function settle(waiter: { resolve: (value: unknown) => void; reject: (error: Error) => void } | undefined, message: ReplyMessage): void {
    if (waiter === undefined) return;
    if (message.ok) waiter.resolve(message.result);
    else waiter.reject(new Error(`${script}: ${message.error}`));
  }

  function call<T>(kind: string, payload: unknown = null): Promise<T> {
    const id = nextId;
    nextId += 1;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: (value) => resolve(value as T), reject });
      child.send({ id, kind, payload });
    });
  }

  return new Promise<BenchChild>((resolve, reject) => {
    const onExit = (code: number | null): void => reject(exitError(script, code, stderr()));
    child.once('exit', onExit);
    child.once('error', reject);
    child.on('message', (message: unknown) => {
      if (!isReadyMessage(message)) return;
      child.off('exit', onExit);
      resolve({
        ready: message.detail,
        call,
        usage: () => call<ProcessUsage>('usage'),
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

export { runOnce, startChild };
