// For the benches that drive a running server: start a node process and wait for its "serving at URL/" line.
import { spawn } from 'node:child_process';

/** Spawn `node argv…` in `cwd` with `env`; resolves { child, base } once it prints "serving at http://127.0.0.1:N/". */
export function startServing(argv, { cwd, env }) {
  const child = spawn(process.execPath, argv, { cwd, env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /serving at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve({ child, base: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}
