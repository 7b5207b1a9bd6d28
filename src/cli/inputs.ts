// Expands CLI inputs — files, directories (recursively) and simple globs — into a file list in input order.
import { readdirSync, statSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';

const SKIP = /\.truth\.json$|(^|\/)\.|\.md$/;

function globToRegExp(glob: string): RegExp {
  return new RegExp('^' + glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
}

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    if (SKIP.test(name)) return [];
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      const re = globToRegExp(basename(input));
      const dir = dirname(input);
      try {
        out.push(...readdirSync(dir).sort().filter((n) => re.test(n) && !SKIP.test(n)).map((n) => join(dir, n)));
      } catch {
        out.push(input);
      }
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      /* a missing file is reported by the reader with its name */
    }
    out.push(...(isDir ? walk(input) : [input]));
  }
  return out;
}
