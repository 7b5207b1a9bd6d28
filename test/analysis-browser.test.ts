// The pure analysis functions (src/analysis/index.ts: compare, similarity, roll-up, indicators, filing, scoring)
// must bundle for the browser with no Node built-in, so the web app can run them too; and the bundle must work.
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeReport } from '../src/rules/testing.js';

const entry = fileURLToPath(new URL('../src/analysis/index.ts', import.meta.url));
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

describe('analysis entry', () => {
  it('bundles for the browser with no Node built-ins, and rolls up in the bundle', async () => {
    const out = await build({
      entryPoints: [entry], bundle: true, write: false, platform: 'browser', format: 'esm', metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(out.metafile.inputs);
    expect(inputs.filter((p) => NODE_BUILTINS.has(p) || p.startsWith('node:'))).toEqual([]);
    expect(inputs.some((p) => /exceljs|docx/.test(p))).toBe(false);
    const text = out.outputFiles[0].text;
    const mod = await import(`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`);
    const r = makeReport();
    const reports = [1, 2].map((id) => ({
      reportId: id, bodyId: id, bodyName: `单位${id}`, year: 2022, status: 'published', report: r,
    }));
    const bodies = [1, 2].map((id) => ({
      id, name: `单位${id}`, level: 'department', regionCode: '990100', parentId: null,
    }));
    const result = mod.rollup(reports, bodies, { year: 2022 });
    expect(result.cells['applications/newReceived/total']).toBe(2 * r.cells['applications/newReceived/total'].value!);
    expect(mod.nextWorkingDay('2025-01-01')).toBe('2025-01-02');
  }, 60_000);
});
