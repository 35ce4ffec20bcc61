// `rebuild-mongo`: see rebuild.case.mjs.
import { eventsDataset } from './datasets.mjs';
import { rebuild } from './rebuild.case.mjs';

export async function run(options) {
  await rebuild({ kind: 'mongo', ...(await eventsDataset(options)), threads: options.threads });
  return true;
}
