import { jestGlobalSetup } from '@relapse-watch/testing';

// The distributed specs consume the registry's events from a real Kafka into a PostgreSQL event store and a
// MongoDB-compatible read store (FerretDB).
export default jestGlobalSetup(['postgres', 'ferretdb', 'kafka']);
