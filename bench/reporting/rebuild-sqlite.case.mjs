// `rebuild-sqlite`: see rebuild.case.mjs. Its read models stay for the as-of case.
import { eventsDatasetWithReadModels } from './datasets.mjs';

export async function run(options) {
  await eventsDatasetWithReadModels(options, { measured: true });
  return true;
}
