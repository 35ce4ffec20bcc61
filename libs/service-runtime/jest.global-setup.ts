import { jestGlobalSetup } from '@relapse-watch/testing';

// The distributed-mode specs open the real adapters: infra/up.sh starts (or reuses) them once per run.
export default jestGlobalSetup(['postgres', 'ferretdb', 'kafka']);
