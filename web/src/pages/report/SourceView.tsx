// Where a cell or finding was read: the decoded source lines around it with the printed span marked, or for a
// PDF the page drawn by pdf.js (loaded only then) with the cell's box marked. Text is shown as text only.
import { lazy, Suspense, useEffect, useState } from 'react';
import { fileUrl } from '../../app/api';
import { useT } from '../../app/i18n';
import { Loading } from '../../components/common';
import type { SourceRef } from '../../model';

const PdfPage = lazy(() => import('./PdfPage'));

function Lines({ lines, at, length }: { lines: string[]; at: SourceRef; length: number }) {
  const first = Math.max(1, at.line - 4);
  const last = Math.min(lines.length, at.line + 4);
  const shown = [];
  for (let n = first; n <= last; n++) {
    const text = lines[n - 1] ?? '';
    if (n !== at.line) {
      shown.push(<span key={n}><span className="ln">{n}</span>{text}{'\n'}</span>);
      continue;
    }
    const c = Math.max(0, at.column - 1);
    const len = Math.max(1, length);
    shown.push(
      <span key={n} className="hit" data-testid="source-hit">
        <span className="ln">{n}</span>{text.slice(0, c)}<mark>{text.slice(c, c + len)}</mark>{text.slice(c + len)}
      </span>,
    );
  }
  return <pre className="source-lines" tabIndex={0} aria-label={`第${at.line}行`}>{shown}</pre>;
}

/** The source lines: as the server sent them, else the original file decoded here in its recorded encoding. */
function useLines(reportId: number, given: string[] | null | undefined, encoding: string,
  skip: boolean): string[] | null {
  const [lines, setLines] = useState<string[] | null>(given ?? null);
  useEffect(() => {
    if (given || skip) return;
    let live = true;
    fetch(fileUrl(`/reports/${reportId}/source`)).then(async (r) => {
      if (!r.ok) return;
      let dec: TextDecoder;
      try {
        dec = new TextDecoder(encoding || 'utf-8');
      } catch {
        dec = new TextDecoder('utf-8');
      }
      const text = dec.decode(await r.arrayBuffer());
      if (live) setLines(text.split(/\r\n|\r|\n/));
    }, () => undefined);
    return () => { live = false; };
  }, [reportId, given, encoding, skip]);
  return lines;
}

export function SourceView({ reportId, lines: given, at, length, isPdf, encoding, format }: {
  reportId: number; lines: string[] | null | undefined; at: SourceRef | null | undefined; length: number;
  isPdf: boolean; encoding: string; format: string;
}) {
  const t = useT();
  // only text formats can be shown as lines (HTML, DOCX and XLSX sources are not shown raw)
  const lines = useLines(reportId, given, encoding,
    isPdf || !['txt', 'text', 'md', 'markdown'].includes(format) || !at);
  if (!at) return <p>{t('没有原文位置（该值由表内关系推出或为人工更正）。', 'No source position (the value was inferred or corrected).')}</p>;
  if (isPdf && at.page) {
    return (
      <Suspense fallback={<Loading tip={t('正在加载PDF…', 'Loading the PDF…')} />}>
        <PdfPage reportId={reportId} page={at.page} bbox={at.bbox} />
      </Suspense>
    );
  }
  if (!lines || lines.length === 0) return <p>{t(`原文第 ${at.line} 行（原文不可显示）。`,
    `Source line ${at.line} (source text not available).`)}</p>;
  return <Lines lines={lines} at={at} length={length} />;
}
