// The demo province: loaded on first start when the database is empty (unless GONGKAI_DEMO=0), and by
// `gongkai demo --reset`.
export { loadDemo, DEMO_SETTING, type DemoMark, type DemoOptions, type DemoResult, type DemoUser } from './load.js';
export { demoTree, DEMO_PROVINCE } from './province.js';
