import { formatReport, loadGold, loadPredictions, scoreDataset } from '../eval/index.ts';
import { ExitCode } from './errors.ts';

/**
 * `quarry eval`: scores an output folder; a folder that cannot be scored is a GoldError or PredictionsError, which
 * main reports in one line with exit 2.
 */
export async function evaluate(predictions: string, options: { gold: string; json?: boolean }): Promise<number> {
  const report = scoreDataset(await loadPredictions(predictions), await loadGold(options.gold));
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  return ExitCode.ok;
}
