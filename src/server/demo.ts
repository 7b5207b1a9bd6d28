// The demo province on first start: when the database holds no bodies yet, the demo loader of src/demo fills it
// (regions, ~150 bodies, three years of reports in every workflow state) and prints its demo users once. A first
// start stopped while the demo was loading (its mark says so) left a part of it: the database is emptied and the
// demo loaded whole — nothing else can be in it, as the server listens only once the demo is in.
import { DEMO_SETTING, loadDemo, type DemoMark, type DemoOptions } from '../demo/index.js';
import type { Store } from '../store/types.js';

/** Loads the demo province into an empty database, or again when its last load was stopped; false: left as it is. */
export async function loadDemoIfEmpty(store: Store, print: (line: string) => void,
  options: Omit<DemoOptions, 'print'> = {}): Promise<boolean> {
  if (await demoInterrupted(store)) {
    print('gongkai: 上次载入演示省时中断，清空后重新载入 / the demo province\'s last load was stopped: ' +
      'emptying the database and loading it again…');
    await store.resetAll();
  } else if ((await store.listBodies({ limit: 1 })).total > 0) return false;
  else print('gongkai: 首次启动，正在载入演示省 / first start: loading the demo province (GONGKAI_DEMO=0 skips it)…');
  await loadDemo(store, { ...options, print });
  return true;
}

/** Whether a demo load began and did not finish (`gongkai demo --reset` or a first start, stopped). */
export async function demoInterrupted(store: Store): Promise<boolean> {
  return (await store.getSetting<DemoMark>(DEMO_SETTING))?.state === 'loading';
}
