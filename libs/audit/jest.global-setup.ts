import { jestGlobalSetup } from '@relapse-watch/testing';

// The tamper specs edit a real PostgreSQL log: infra/up.sh starts (or reuses) it once per run.
export default jestGlobalSetup(['postgres']);
