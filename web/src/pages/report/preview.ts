// The handover from the server's preview of a report page to the app. The server writes a static rendering of the
// report after #root in the page's first HTML (src/server/report-preview.ts), which the browser shows before any
// script runs. When the shell has drawn its content slot (#main), the preview moves into it, in front of the app's
// own content there (hidden behind it by styles.css: the loading spinner, then the report page while it mounts), and
// stays until the report page has drawn its tables: then it is removed in the same commit (a layout effect, before
// the browser paints), so the page never shows both, nor neither. Also removed on leaving the page and when the
// report fails to load. Moving inside the app never meets a preview (there is none after the first page).
const PREVIEW_ID = 'report-preview';

/** The path the preview was drawn for, while it is in the document. */
let shownFor: string | null = null;

/** Called once before the app renders: moves the preview into the shell's content slot when that appears. */
export function adoptPreview(): void {
  const preview = document.getElementById(PREVIEW_ID);
  const root = document.getElementById('root');
  if (!preview || !root) return;
  shownFor = location.pathname;
  const place = (): boolean => {
    const main = document.getElementById('main');
    if (!main) return false;
    if (preview.parentElement !== main) main.prepend(preview);
    return true;
  };
  const watch = new MutationObserver(() => {
    if (!preview.isConnected || place()) watch.disconnect();
  });
  watch.observe(root, { childList: true, subtree: true });
}

/** Removes the preview (the report page drew its own tables, failed to load, or the user went elsewhere). */
export function dropPreview(): void {
  shownFor = null;
  document.getElementById(PREVIEW_ID)?.remove();
}

/** The path changed: a preview drawn for another path goes. */
export function dropPreviewUnlessAt(path: string): void {
  if (shownFor !== null && shownFor !== path) dropPreview();
}
