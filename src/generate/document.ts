// Builds the report model of one generated report: agency, year, template, label style, consistent numbers,
// optional damage (a wrong number, short rows, lost tables), and the ordered blocks every layout renders.
import type { TemplateVersion } from '../model/template.js';
import { inventAgency, levelOf, selfName, type Agency } from './agency.js';
import { blanksNote, detachRows, injectInconsistency, shortenRows, shortRowNote, sprinkleBlanks } from './damage.js';
import { SECTION_TITLES, VARIANTS } from './labels.js';
import type { Block, DamageName, Injected, LabelStyle, ReportModel } from './model.js';
import { generateNumbers } from './numbers.js';
import { intro, otherMatters, overview, practices, problems, titleText } from './prose.js';
import { Rng } from './random.js';
import { activeGrid, applicationsGrid, reviewGrid } from './tables.js';

export interface ModelOptions {
  seed: number;
  template?: TemplateVersion;
  year?: number;
  agency?: string;
  damage: readonly DamageName[];
  tablesLost: boolean;
  /** where the layout can show a blank cell (see LayoutSpec.blanks) */
  blanks?: 'inner' | 'none' | 'no-review';
}

function chooseYear(rng: Rng, template?: TemplateVersion): number {
  if (template === '2019') return rng.int(2019, 2020);
  if (template === '2021') return rng.int(2021, 2024);
  return rng.int(2019, 2024);
}

export function buildModel(o: ModelOptions): ReportModel {
  const rng = new Rng(o.seed);
  const year = o.year ?? chooseYear(rng.fork(1), o.template);
  const template: TemplateVersion = o.template ?? (year <= 2020 ? '2019' : '2021');
  let agency: Agency;
  if (o.agency) {
    const level = levelOf(o.agency);
    agency = {
      name: o.agency,
      level,
      self: selfName(level, o.agency),
      place: o.agency.replace(/(人民政府.*|街道办事处|[^县市区镇乡]+局)$/, '') || o.agency,
    };
  } else agency = inventAgency(rng.fork(2));
  const srng = rng.fork(3);
  const style: LabelStyle = {
    brackets: srng.weighted([['full', 6], ['half', 3], ['halfSpace', 2]] as const),
    socialOrg: srng.chance(0.1),
    henan: srng.chance(0.2),
    plusSign: srng.chance(0.3),
    variants: Object.keys(VARIANTS).filter(() => srng.chance(0.12)),
  };
  const numbers = generateNumbers(rng.fork(4), template, agency.level, style);
  const printed = { ...numbers };
  const injected: Injected[] = [];
  const notes: string[] = [];
  if (o.damage.includes('inconsistent') && !o.tablesLost) {
    const inj = injectInconsistency(printed, rng.fork(5));
    injected.push(inj);
    notes.push(
      `INCONSISTENT (injected): ${inj.key} is printed ${inj.printedValue}; the value consistent with the other cells ` +
        `is ${inj.consistentValue}. Recorded as printed; the relations through this cell fail.`,
    );
  }
  const detached = o.damage.some((d) => d === 'detached' || d === 'moved' || d === 'swapped') && !o.tablesLost
    ? detachRows(template, printed, o.damage.includes('swapped'), o.damage.includes('moved'), rng.fork(9), notes)
    : undefined;
  const blanks: string[] = [];
  if (o.damage.includes('blanks') && !o.tablesLost && o.blanks !== 'none') {
    blanks.push(...sprinkleBlanks(printed, rng.fork(8), o.blanks === 'inner', o.blanks === 'no-review'));
    notes.push(blanksNote(blanks));
  }
  const prng = rng.fork(6);
  const title = titleText(agency.name, year, prng);
  const heading = (no: number): Block => ({
    kind: 'heading',
    level: 1,
    text: prng.chance(0.85) ? SECTION_TITLES[no][0] : prng.pick(SECTION_TITLES[no]),
  });
  const blocks: Block[] = [
    { kind: 'title', text: title.text, agency: agency.name, rest: title.rest },
    ...intro(agency, year, prng),
  ];
  // the body's own practices draw from a generator of their own, so every other generated value stays as it was
  const own = practices(agency, new Rng((o.seed ^ 0x5bd1e995) >>> 0));
  blocks.push(heading(1), ...overview(agency, year, numbers, prng), own);
  const dropped: string[] = [];
  blocks.push(heading(2));
  if (!o.tablesLost) blocks.push({ kind: 'table', group: 'active', grid: activeGrid(template, printed, style) });
  blocks.push(heading(3));
  if (!o.tablesLost) {
    const grid = applicationsGrid(template, printed, style);
    if (o.damage.includes('short-rows')) dropped.push(...shortenRows(grid, rng.fork(7)));
    blocks.push({ kind: 'table', group: 'applications', grid });
  }
  blocks.push(heading(4));
  if (!o.tablesLost) blocks.push({ kind: 'table', group: 'review', grid: reviewGrid(printed) });
  blocks.push(heading(5), ...problems(agency, prng), heading(6), ...otherMatters(year, prng));
  if (dropped.length > 0) notes.push(shortRowNote(dropped));
  if (o.tablesLost) notes.push(
    'TABLES LOST: only the headings of sections 二、三、四 remain; no table text, so tables are all false, no cells, ' +
      'template "unknown". Narrative figures survive.',
  );
  return {
    seed: o.seed, agency: agency.name, level: agency.level, year, template, title: title.text, style, numbers, printed,
    blocks, tablesLost: o.tablesLost, dropped, blanks, injected, notes, detached,
    splitLabels: o.damage.includes('split-labels'),
  };
}
