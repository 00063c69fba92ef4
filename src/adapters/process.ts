import { spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';

const LOG_TAIL_LINES = 30;

/** The command line as the user would type it, for failure reports. */
export function quoteArgv(argv: readonly string[]): string {
  return argv
    .map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`))
    .join(' ');
}

export interface ProcessOptions {
  readonly cwd?: string;
  readonly env: NodeJS.ProcessEnv;
  /** Appends the merged output here (task logs). */
  readonly logFile?: string;
  readonly onOutput?: (line: string) => void;
  readonly signal?: AbortSignal;
  /** Written to stdin, then closed (passwords go here, never on the command line). */
  readonly input?: string;
}

export interface ProcessResult {
  readonly exitCode: number;
  /** The last lines of the merged output, for the failure report. */
  readonly logTail: string[];
  /** Standard output alone, for commands whose output is data. */
  readonly stdout: string;
  readonly spawnError?: NodeJS.ErrnoException;
}

/**
 * Runs a process, keeping the last lines of its merged output for the failure report, writing
 * it to `logFile` and passing each line to `onOutput` for live logs.
 */
export function runProcess(
  file: string,
  args: readonly string[],
  options: ProcessOptions,
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const log: WriteStream | undefined = options.logFile
      ? createWriteStream(options.logFile, { flags: 'a' })
      : undefined;
    const tail: string[] = [];
    const stdout: Buffer[] = [];
    let partial = '';
    // Its own process group, so cancelling stops the whole tree (sh and what it started), not
    // only the first process, whose children would keep the output pipes open.
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const stop = (): void => {
      if (child.pid === undefined || child.exitCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    };
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener('abort', stop, { once: true });
    const keep = (line: string): void => {
      tail.push(line);
      if (tail.length > LOG_TAIL_LINES) tail.shift();
      options.onOutput?.(line);
    };
    const onData = (chunk: Buffer): void => {
      log?.write(chunk);
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(keep);
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      onData(chunk);
    });
    child.stderr?.on('data', onData);
    if (options.input !== undefined) {
      child.stdin?.on('error', () => undefined); // The process may exit before reading it.
      child.stdin?.end(options.input);
    }
    let spawnError: NodeJS.ErrnoException | undefined;
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError = error;
    });
    child.on('close', (code, signal) => {
      options.signal?.removeEventListener('abort', stop);
      if (partial) keep(partial);
      const result: ProcessResult = {
        exitCode: code ?? (signal ? 128 + 15 : 1),
        logTail: tail,
        stdout: Buffer.concat(stdout).toString('utf8'),
        ...(spawnError ? { spawnError } : {}),
      };
      if (log) log.end(() => resolve(result));
      else resolve(result);
    });
  });
}
