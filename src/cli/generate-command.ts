// `gongkai generate`: consistent synthetic reports with their truth files, for demos, fixtures and benchmarks.
import { InputError } from '../errors.js';
import { DAMAGES, LAYOUTS, writeCorpus, type DamageName, type LayoutName } from '../generate/index.js';

function list<T extends string>(value: string | undefined, allowed: readonly T[], what: string): T[] | undefined {
  if (!value) return undefined;
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !(allowed as readonly string[]).includes(n));
  if (bad.length) throw new InputError(
    `--${what}`,
    `未知的${what}：${bad.join('、')}（可选：${allowed.join('、')}）`,
    `unknown ${what}: ${bad.join(', ')} (one of ${allowed.join(', ')})`,
  );
  return names as T[];
}

export async function generateCommand(
  opts: { count: string; out: string; layout?: string; damage?: string; seed: string; template?: string },
): Promise<number> {
  const count = Number(opts.count);
  if (!Number.isInteger(count) || count < 1) throw new InputError(
    '--count', '数量须为正整数', '--count must be a positive integer',
  );
  const template = opts.template === '2019' || opts.template === '2021' ? opts.template : undefined;
  const files = writeCorpus(opts.out, {
    count, seed: Number(opts.seed) || 1, template,
    layouts: list<LayoutName>(opts.layout, LAYOUTS, 'layout'),
    damage: list<DamageName>(opts.damage, DAMAGES, 'damage'),
  });
  process.stderr.write(
    `已生成 ${files.length} 份报告（及真值文件）于 ${opts.out} / wrote ${files.length} reports with truth to ${opts.out}\n`,
  );
  return 0;
}
