// PDF output: the HTML rendering (official layout, merged cells) printed by headless Chromium. Chromium is a
// system package (Debian `chromium`); when it is missing the error says so and how to get it.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { InputError } from '../errors.js';
import type { Finding, Report } from '../model/report.js';
import { renderHtml } from './html.js';

const run = promisify(execFile);

/** The Chromium binary: $GONGKAI_CHROMIUM, else the Debian package's. */
export function chromiumPath(): string | null {
  const candidates = [process.env.GONGKAI_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p)) ?? null;
}

export async function renderPdf(report: Report, options: { findings?: Finding[] } = {}): Promise<Uint8Array> {
  const chromium = chromiumPath();
  if (!chromium)
    throw new InputError('--to pdf', '输出PDF需要Chromium（未找到 /usr/bin/chromium；可用 apt-get install chromium fonts-noto-cjk 安装）',
      'PDF output needs Chromium (no /usr/bin/chromium; install it with apt-get install chromium fonts-noto-cjk)');
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdf-'));
  try {
    const html = join(dir, 'report.html');
    const pdf = join(dir, 'report.pdf');
    writeFileSync(html, renderHtml(report, options));
    await run(chromium, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', `--user-data-dir=${join(dir, 'profile')}`, '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`, `file://${html}`,
    ], { timeout: 120_000 });
    if (!existsSync(pdf)) throw new Error('Chromium printed no PDF');
    return new Uint8Array(readFileSync(pdf));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
