// Output into a pipe whose reader has gone (`gongkai check … | head`): stop at once and quietly, as Unix tools
// do. They are killed by SIGPIPE, which a shell reports as exit status 128 + 13 = 141; Node ignores SIGPIPE, so a
// write to the closed pipe fails with EPIPE instead, as an 'error' event on the stream, and with no listener that
// crashed the process with a stack trace (and any other error of the stream still does).
import { constants } from 'node:os';

/** The exit status of a process killed by SIGPIPE, as a shell reports it. */
export const CLOSED_PIPE_EXIT = 128 + constants.signals.SIGPIPE;

/** Exit quietly with CLOSED_PIPE_EXIT when standard output (or error) is a pipe closed by its reader. */
export function exitOnClosedPipe(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(CLOSED_PIPE_EXIT);
      throw e;
    });
  }
}
