// The demo province on first start: when the database holds no bodies yet, the demo loader of src/demo fills it
// (regions, ~150 bodies, three years of reports in every workflow state) and prints its demo users once.
import { loadDemo } from '../demo/index.js';
import type { Store } from '../store/types.js';

export async function loadDemoIfEmpty(store: Store, print: (line: string) => void): Promise<void> {
  if ((await store.listBodies({ limit: 1 })).total > 0) return;
  print('gongkai: 首次启动，正在载入演示省 / first start: loading the demo province (GONGKAI_DEMO=0 skips it)…');
  await loadDemo(store, { print });
}
