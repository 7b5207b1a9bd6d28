// `gongkai check`: findings per report (check-output.ts says how they are printed); the same agency's previous
// year among the inputs enables the cross-year checks. Exit 1 on any error-level finding, 2 on unusable input.
import { formatChecked, formatSummary, type Summary } from './check-output.js';
import { checkStream } from './check-stream.js';
import { batchedStdout } from './stdout.js';
import { safeLine, safeText } from './terminal.js';

export interface CheckOptions { json?: boolean; lang?: string; verbose?: boolean; quiet?: boolean }

export async function checkCommand(inputs: string[], opts: CheckOptions): Promise<number> {
  // records gathered into fewer writes (stdout.ts), every one written before the command returns or fails
  const out = batchedStdout;
  try {
    return await run(inputs, opts, out);
  } finally {
    out.flush();
  }
}

async function run(inputs: string[], opts: CheckOptions, out: { write(s: string | Uint8Array): void }): Promise<number> {
  let errors = 0;
  const en = opts.lang === 'en';
  const summary: Summary = { reports: 0, withErrors: 0, withWarnings: 0, unreadable: 0 };
  // streamed in input order, memory flat (check-stream.ts); controls in input text made visible on a terminal
  const { failed } = await checkStream(inputs, ({ file, report, text, findings }) => opts.json
    ? JSON.stringify({
      file, agency: report.agency, year: report.year, template: report.template, findings,
      diagnostics: report.diagnostics,
    }) + '\n'
    : safeText(
      formatChecked({ file: safeLine(file), report, text, findings }, { en, verbose: opts.verbose, quiet: opts.quiet }),
    ),
  (file, message) => (opts.json ? JSON.stringify({ file, error: message }) + '\n' : ''),
  (s, tally) => {
    errors += tally.errors;
    summary.reports++;
    if (tally.unreadable) summary.unreadable++;
    else if (tally.errors) summary.withErrors++;
    else if (tally.warnings) summary.withWarnings++;
    out.write(s);
  });
  // a batch ends with its summary (not in JSON Lines, whose every line is a record)
  if (!opts.json && summary.reports > 1) out.write(formatSummary(summary, en));
  return failed ? 2 : errors ? 1 : 0;
}
