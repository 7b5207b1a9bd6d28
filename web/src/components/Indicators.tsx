// The indicator table that the public page and the ranking page share: each indicator's name and definition as
// the API gives them (IndicatorTable.definitions), and the columns — the body, then each chosen indicator, where
// a rate over fewer cases than the minimum says so instead of showing a number.
import type { TableColumnsType as ColumnsType } from 'antd';
import { useLang, useT } from '../app/i18n';
import { Link } from '../app/router';
import type { IndicatorId, IndicatorRow, IndicatorTable } from '../model';
import { pct } from './common';

const valueOf = (r: IndicatorRow, id: IndicatorId) => r.values.find((v) => v.id === id);

/** The definitions of the chosen indicators, and the rule that hides rates over too few cases. */
export function IndicatorDefinitions({ ind, ids }: { ind: IndicatorTable; ids: IndicatorId[] }) {
  const t = useT();
  const lang = useLang();
  const defs = ind.definitions.filter((d) => ids.includes(d.id));
  return (
    <dl className="definitions">
      {defs.map((d) => (
        <div key={d.id}>
          <dt>{lang === 'en' ? d.nameEn : d.name}</dt>
          <dd>{lang === 'en' ? d.definitionEn : d.definition}</dd>
        </div>
      ))}
      <div>
        <dt>{t('样本不足', 'Too few cases')}</dt>
        <dd>{t(`办结少于 ${ind.minCases} 件的机关不计算比率、不参与比率排名。`,
          `Rates over fewer than ${ind.minCases} cases are hidden and not ranked.`)}</dd>
      </div>
    </dl>
  );
}

/** Columns of an antd Table over IndicatorTable.rows: the body, then the chosen indicators in order. */
export function useIndicatorColumns(ind: IndicatorTable, ids: IndicatorId[]): ColumnsType<IndicatorRow> {
  const t = useT();
  const lang = useLang();
  const tooFew = t(`少于 ${ind.minCases} 件，不计算比率`, `fewer than ${ind.minCases} cases`);
  const columns: ColumnsType<IndicatorRow> = [{ title: t('机关', 'Body'), dataIndex: 'label',
    render: (label: string, r) => (r.reportId ? <Link to={`/reports/${r.reportId}`}>{label}</Link> : label) }];
  for (const id of ids) {
    const def = ind.definitions.find((d) => d.id === id);
    if (!def) continue;
    columns.push({
      title: lang === 'en' ? def.nameEn : def.name,
      render: (_, r) => {
        const v = valueOf(r, id);
        if (v?.hidden) return <span title={tooFew}>{t('样本不足', 'too few cases')}</span>;
        return def.kind === 'rate' ? pct(v?.value) : (v?.value ?? '—');
      },
    });
  }
  return columns;
}

/** The value of one indicator of a row (null when absent or hidden), for sorting. */
export function indicatorValue(r: IndicatorRow, id: IndicatorId): number | null {
  const v = valueOf(r, id);
  return v && !v.hidden ? v.value : null;
}
