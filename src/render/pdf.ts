// PDF output: the HTML rendering (official layout, merged cells) printed by a headless Chrome, Edge or Chromium,
// with 第N页/共M页 in the page footer (CSS page-margin boxes). The browser is $GONGKAI_CHROMIUM, else one
// chrome-launcher finds (Chrome and Chromium on Linux, macOS and Windows), else Edge or Chromium where they are
// usually installed. Its profile and the HTML live in a private temporary directory that is removed on every
// exit path, signals included (src/temp.ts); the page is given as a properly encoded file:// URL.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Launcher } from 'chrome-launcher';
import { InputError } from '../errors.js';
import type { Finding, Report } from '../model/report.js';
import { atCleanup, tempDir } from '../temp.js';
import { renderHtml } from './html.js';

/** Where Edge and Chromium are usually installed (chrome-launcher looks for Chrome and Chromium only). */
const KNOWN_BROWSERS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: [
    '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: [
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

/** The browser binary: $GONGKAI_CHROMIUM, else what chrome-launcher finds, else a usual place; null if none. */
export function chromiumPath(): string | null {
  if (process.env.GONGKAI_CHROMIUM) {
    return existsSync(process.env.GONGKAI_CHROMIUM) ? process.env.GONGKAI_CHROMIUM : null;
  }
  let found: string[] = [];
  try {
    found = Launcher.getInstallations();
  } catch {
    // an unsupported platform, or no way to look: the usual places below
  }
  return [...found, ...(KNOWN_BROWSERS[process.platform] ?? [])].find((p) => existsSync(p)) ?? null;
}

/** Page numbers in the footer, printed by the browser (the HTML is also a web page: the rule is for print only). */
const PRINT_CSS = '<style>@page { margin: 20mm 18mm; @bottom-center { content: "第 " counter(page) " 页 共 " '
  + 'counter(pages) " 页"; '
  + 'font-size: 9pt; color: #444; } }</style>';

export async function renderPdf(report: Report, options: { findings?: Finding[] } = {}): Promise<Uint8Array> {
  const chromium = chromiumPath();
  if (!chromium)
    throw new InputError('--to pdf', '输出PDF需要 Chrome、Edge 或 Chromium（未找到；可安装 Chromium，或以环境变量 GONGKAI_CHROMIUM 指定浏览器路径）',
      'PDF output needs Chrome, Edge or Chromium (none found; install Chromium, or give the browser\'s path in ' +
        'GONGKAI_CHROMIUM)');
  const dir = tempDir('gongkai-pdf-');
  try {
    const html = join(dir.path, 'report.html');
    const pdf = join(dir.path, 'report.pdf');
    writeFileSync(html, renderHtml(report, options).replace('</head>', `${PRINT_CSS}\n</head>`));
    await print(chromium, dir.path, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', `--user-data-dir=${join(dir.path, 'profile')}`, '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`, pathToFileURL(html).href,
    ]);
    if (!existsSync(pdf)) throw new Error('the browser printed no PDF');
    return new Uint8Array(readFileSync(pdf));
  } finally {
    dir.dispose();
  }
}

/**
 * Run the browser in a process group of its own; if this process ends first, however it ends, the whole group
 * (the browser and its helpers, which write into the profile) is killed and waited for before the profile goes.
 */
function print(browser: string, scratch: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const group = process.platform !== 'win32';
    // Chromium writes scratch files of its own (org.chromium.Chromium.*) into TMPDIR: point it inside our directory
    const env = { ...process.env, TMPDIR: scratch, TMP: scratch, TEMP: scratch };
    const child = spawn(browser, args, { detached: group, stdio: 'ignore', env });
    const kill = () => {
      try {
        if (group && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    const closed = new Promise<void>((done) => child.once('close', () => done()));
    const timer = setTimeout(kill, 120_000);
    const forget = atCleanup(() => {
      kill();
      return closed;
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      forget();
      reject(e);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      forget();
      if (code === 0) resolve();
      else reject(new Error(`the browser ended with ${signal ?? `status ${code}`}`));
    });
  });
}
