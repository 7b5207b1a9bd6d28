// `gongkai/model` is the entry the web app imports: it must bundle for the browser with no Node built-in
// anywhere in its import graph, and the bundle must check a report the way the engine does.
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/model/index.ts', import.meta.url));
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

async function bundle(): Promise<{ text: string; inputs: string[] }> {
  const out = await build({
    entryPoints: [entry], bundle: true, write: false, platform: 'browser', format: 'esm', metafile: true,
    logLevel: 'silent',
  });
  return { text: out.outputFiles[0].text, inputs: Object.keys(out.metafile.inputs) };
}

describe('gongkai/model entry', () => {
  it('bundles for the browser with no Node built-ins', async () => {
    const { text, inputs } = await bundle();
    expect(text.length).toBeGreaterThan(1000);
    // esbuild fails on a built-in for platform browser; also check no import of one survives as external
    const imported = [...inputs].filter((p) => NODE_BUILTINS.has(p) || p.startsWith('node:'));
    expect(imported).toEqual([]);
    expect(text).not.toMatch(/from\s*["']node:/);
    expect(text).not.toMatch(/require\(["'](?:node:)?(?:fs|path|os|crypto|zlib|child_process|url)["']\)/);
  }, 60_000);

  it('the bundled entry checks a report and renders messages in both languages', async () => {
    const { text } = await bundle();
    const mod = await import(`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`);
    const { makeReport } = await import('../src/rules/testing.js');
    const report = makeReport({ cells: { 'applications/newReceived/total': 999 } });
    const findings = mod.checkReport(report) as { ruleId: string; severity: string;
      message: string; messageEn: string }[];
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.ruleId)).toContain('row-total');
    expect(errors.every((f) => f.message.length > 0 && f.messageEn.length > 0)).toBe(true);
  }, 60_000);
});
