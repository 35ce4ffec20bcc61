import { jestGlobalSetup } from '@relapse-watch/testing';

// The end-to-end suite runs the distributed mode on the real services: infra/up.sh starts (or
// reuses) them once per run.
export default jestGlobalSetup(['postgres', 'ferretdb', 'kafka']);
