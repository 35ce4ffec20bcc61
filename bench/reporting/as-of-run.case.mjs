// `as-of`: see as-of.case.mjs.
import { asOf } from './as-of.case.mjs';
import { eventsDatasetWithReadModels } from './datasets.mjs';

export async function run(options) {
  const data = await eventsDatasetWithReadModels(options);
  return asOf({ dataDir: data.dir, events: data.events });
}
