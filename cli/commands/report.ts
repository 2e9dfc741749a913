import { join } from 'node:path';
import type { Command } from 'commander';
import { reportData, reportHtml, runsLine } from '../batch/report.ts';
import { checkOutFile } from '../io.ts';
import { writeWhole } from '../runOutput.ts';

interface ReportOptions { out?: string }

export function register(program: Command): void {
  program.command('report <dir>')
    .description('write <dir>/report.html for a batch directory: one self-contained page (box plots with CIs, ribbons over time, pairwise verdicts, design and provenance)')
    .option('--out <file>', 'write the page here instead of <dir>/report.html')
    .action((dir: string, opts: ReportOptions) => {
      if (opts.out) checkOutFile(opts.out);
      const data = reportData(dir);
      const file = opts.out ?? join(dir, 'report.html');
      const html = reportHtml(data);
      writeWhole(file, html);
      process.stderr.write(`wrote ${file} (${(html.length / 1024).toFixed(0)} kB; ${runsLine(data)}; ${data.summary.cells.length} summary cells, ${data.summary.pairs.length} pairs)\n`);
    });
}
