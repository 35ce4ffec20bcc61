import { jestGlobalSetup } from '@relapse-watch/testing';

// The specs run against a real PostgreSQL: infra/up.sh starts (or reuses) it once per run.
export default jestGlobalSetup(['postgres']);
