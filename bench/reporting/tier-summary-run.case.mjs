// `tier-summary`: see tier-summary.case.mjs.
import { householdsDataset } from './datasets.mjs';
import { tierSummary } from './tier-summary.case.mjs';

export async function run(options) {
  const data = await householdsDataset(options);
  return tierSummary({ dataDir: data.dir, households: data.households });
}
