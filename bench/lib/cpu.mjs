// CPU seconds by thread and by process from /proc (Linux), for benches on a shared machine: wall time there
// depends on what else runs, CPU time much less. Elsewhere every reading is null.
import { readdirSync, readFileSync } from 'node:fs';

const TICK = 100; // USER_HZ: clock ticks per second in /proc/*/stat on Linux

/** utime + stime of a /proc stat line, in seconds (the fields after the command's closing parenthesis) */
function ticks(statPath) {
  const s = readFileSync(statPath, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / TICK;
}

const tryRead = (fn) => { try { return fn(); } catch { return null; } };

/** This process: its main thread's CPU and all its threads' (workers, libuv pool, GC and compiler threads). */
export function processCpu() {
  return tryRead(() => ({ main: ticks(`/proc/self/task/${process.pid}/stat`), all: ticks('/proc/self/stat') }));
}

/** The child processes of `parent` (a PostgreSQL postmaster: its backends and helpers), CPU summed: the live ones
 * and those it has reaped (its cutime + cstime). */
export function childrenCpu(parent) {
  return tryRead(() => {
    const own = readFileSync(`/proc/${parent}/stat`, 'utf8');
    const p = own.slice(own.lastIndexOf(')') + 2).split(' ');
    let sum = (Number(p[13]) + Number(p[14])) / TICK;
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      const s = tryRead(() => readFileSync(`/proc/${d}/stat`, 'utf8'));
      if (!s) continue;
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      if (Number(f[1]) === parent) sum += (Number(f[11]) + Number(f[12])) / TICK;
    }
    return sum;
  });
}

/** The parent (postmaster) of the backend serving this pg client. */
export async function postmasterOf(client) {
  const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
  return tryRead(() => {
    const s = readFileSync(`/proc/${rows[0].pid}/stat`, 'utf8');
    return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]);
  });
}
