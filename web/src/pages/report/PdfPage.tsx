// One PDF page rendered with pdf.js, the cell's box drawn over it. Loaded lazily: only a PDF source needs it.
import { useEffect, useRef, useState } from 'react';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { fileUrl } from '../../app/api';
import { useT } from '../../app/i18n';
import { Loading } from '../../components/common';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

const docs = new Map<number, Promise<pdfjs.PDFDocumentProxy>>();
function loadDoc(reportId: number): Promise<pdfjs.PDFDocumentProxy> {
  let d = docs.get(reportId);
  if (!d) {
    d = pdfjs.getDocument({ url: fileUrl(`/reports/${reportId}/source`), isEvalSupported: false }).promise;
    docs.set(reportId, d);
  }
  return d;
}

export default function PdfPage({ reportId, page, bbox }: { reportId: number; page: number; bbox?: [number, number,
  number, number] }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [box, setBox] = useState<{ left: number; top: number; width: number; height: number } | null>(null);
  const [state, setState] = useState<'loading' | 'done' | 'error'>('loading');
  useEffect(() => {
    let live = true;
    setState('loading');
    (async () => {
      const doc = await loadDoc(reportId);
      const p = await doc.getPage(page);
      const viewport = p.getViewport({ scale: 1.4 });
      const el = canvas.current;
      if (!el || !live) return;
      el.width = viewport.width;
      el.height = viewport.height;
      await p.render({ canvas: el, viewport }).promise;
      if (bbox) {
        const [x0, y0, x1, y1] = viewport.convertToViewportRectangle(bbox);
        setBox({ left: Math.min(x0, x1), top: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) });
      } else setBox(null);
      if (live) setState('done');
    })().catch(() => live && setState('error'));
    return () => { live = false; };
  }, [reportId, page, bbox?.join()]);
  return (
    <div>
      <p>{t(`PDF 第 ${page} 页`, `PDF page ${page}`)}</p>
      {state === 'loading' && <Loading tip={t('正在绘制页面…', 'Drawing the page…')} />}
      {state === 'error' && <p role="alert">{t('无法显示PDF页面。', 'Cannot show the PDF page.')}</p>}
      <div className="pdf-wrap">
        <canvas ref={canvas} role="img" aria-label={t(`原文PDF第${page}页`, `Source PDF page ${page}`)} />
        {box && <div className="pdf-box" data-testid="pdf-box" style={box} />}
      </div>
    </div>
  );
}
