// The fixed cast of the journeys: one province region, one body, its editor and the province's supervisor, and
// generated reports of that body for two consecutive years (the later one with inconsistent tables). Built with
// the engine's own generator, so no corpus text is needed.
import { generateReport } from '../dist/index.js';

export const YEAR = new Date().getFullYear() - 1;
export const PROVINCE = '320000';
export const CITY = '320100';
export const BODY_NAME = '南京市测试交通运输局';
export const ADMIN = { username: 'admin', password: process.env.GONGKAI_E2E_ADMIN ?? 'e2e-admin-password' };
export const SUPERVISOR = { username: 'reviewer', password: 'reviewer-password-1', displayName: '公开办审核员' };
export const EDITOR = { username: 'clerk', password: 'clerk-password-12', displayName: '交通局填报员' };

export function reportFile(year: number, damaged: boolean,
  seed = year): { name: string; mimeType: string; buffer: Buffer } {
  const g = generateReport({ seed, agency: BODY_NAME, year, template: '2021', layout: 'tab',
    damage: damaged ? ['inconsistent'] : [] });
  return { name: `${BODY_NAME}${year}年报告.txt`, mimeType: 'text/plain', buffer: Buffer.from(g.text, 'utf8') };
}

/** The cell the generator broke in the damaged report of `year`, and the value consistent with the others. */
export function injectedFix(year: number, seed = year): { key: string; value: number } {
  const g = generateReport({ seed, agency: BODY_NAME, year, template: '2021', layout: 'tab',
    damage: ['inconsistent'] });
  const note = String(g.truth.notes);
  const m = /INCONSISTENT \(injected\): (\S+) is printed .*?consistent with the other cells is (-?[\d.]+)/.exec(note);
  if (!m) throw new Error(`no injected inconsistency in the generated report: ${note}`);
  return { key: m[1], value: Number(m[2]) };
}

/** XSS payloads put where report text is shown: title, agency line and section text. */
export const PAYLOADS = ['<script>window.__xss=1</script>', '<img src=x onerror="window.__xss=2">',
  '"><svg onload=window.__xss=3>'];

export function hostileFile(): { name: string; mimeType: string; buffer: Buffer } {
  const g = generateReport({ seed: 991, agency: BODY_NAME, year: YEAR - 2, template: '2021', layout: 'tab' });
  const lines = g.text.split('\n');
  const at = lines.findIndex((l) => l.includes('总体情况'));
  lines.splice(at + 1, 0, ...PAYLOADS.map((p) => `本机关声明：${p}`));
  lines[0] = `${lines[0]}${PAYLOADS[1]}`;
  return { name: `<img src=x onerror=window.__xss=4>.txt`, mimeType: 'text/plain',
    buffer: Buffer.from(lines.join('\n'), 'utf8') };
}
