import { jestGlobalSetup } from '@relapse-watch/testing';

// The distributed-mode process spec runs the gateway on the real services: infra/up.sh starts
// (or reuses) them once per run.
export default jestGlobalSetup(['postgres', 'ferretdb', 'kafka']);
