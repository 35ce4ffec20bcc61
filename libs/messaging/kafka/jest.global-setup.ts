import { jestGlobalSetup } from '@relapse-watch/testing';

// The spec runs against a real broker: infra/up.sh starts (or reuses) the local Kafka once per run.
export default jestGlobalSetup(['kafka']);
