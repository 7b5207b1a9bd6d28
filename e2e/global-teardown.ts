// Removes the run's data directory (the config's exit hook is a second try): tests leave nothing in /tmp.
import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const dir = process.env.GONGKAI_E2E_DATA;
  if (dir && !process.env.GONGKAI_E2E_URL && /gongkai-e2e-/.test(dir)) rmSync(dir, { recursive: true, force: true });
}
