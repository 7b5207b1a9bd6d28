// `gongkai serve`: the HTTP API and the web app on HOST/PORT (default 127.0.0.1:3000), over PGlite in
// --data-dir / GONGKAI_DATA_DIR (default ./data) or PostgreSQL at --db / DATABASE_URL. Runs until stopped.
import { serve } from '../server/serve.js';

export interface ServeFlags {
  host?: string;
  port?: string;
  dataDir?: string;
  db?: string;
}

export async function serveCommand(flags: ServeFlags): Promise<number> {
  const port = flags.port === undefined ? undefined : Number(flags.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    process.stderr.write(`gongkai serve: not a port: ${flags.port}\n`);
    return 2;
  }
  const running = await serve({ host: flags.host, port, dataDir: flags.dataDir, url: flags.db });
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await running.close();
  return 0;
}
