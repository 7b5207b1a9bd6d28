// Temporary directories that are removed on every way out of the process: when their user is done (dispose),
// at a normal exit, and on SIGINT, SIGTERM and SIGHUP (removed, then the signal's default action: the process
// ends with the status a shell expects). A crash that kills the process outright (SIGKILL, out of memory) is the
// one path nothing can clean after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const live = new Set<string>();
const hooks = new Set<() => Promise<void> | void>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let installed = false;

function removeDirs(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
  live.clear();
}

/** At exit (synchronous: nothing can be waited for) the hooks run without waiting, then the directories go. */
function atExit(): void {
  for (const hook of hooks) void hook();
  hooks.clear();
  removeDirs();
}

/** On a signal the hooks are waited for (a second at most), then the directories go, then the signal acts. */
function onSignal(signal: NodeJS.Signals): void {
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  const pending = [...hooks].map((hook) => Promise.resolve().then(hook).catch(() => undefined));
  hooks.clear();
  const timeout = new Promise((resolve) => setTimeout(resolve, 1000).unref());
  void Promise.race([Promise.all(pending), timeout]).then(() => {
    removeDirs();
    process.kill(process.pid, signal); // no handler now: the default action ends the process
  });
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', atExit);
  for (const s of SIGNALS) process.on(s, onSignal);
}

/** A private temporary directory `<tmp>/<prefix>XXXXXX`, removed by dispose() or however the process ends. */
export function tempDir(prefix: string): { path: string; dispose: () => void } {
  install();
  const path = mkdtempSync(join(tmpdir(), prefix));
  live.add(path);
  return {
    path,
    dispose: () => {
      live.delete(path);
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/**
 * Something to do before the temporary directories go when the process ends early (kill a child process that
 * writes into one); returns the function that forgets it once it is no longer needed.
 */
export function atCleanup(hook: () => Promise<void> | void): () => void {
  install();
  hooks.add(hook);
  return () => void hooks.delete(hook);
}
