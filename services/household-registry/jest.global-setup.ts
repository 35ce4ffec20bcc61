import { jestGlobalSetup } from '@relapse-watch/testing';

// The CLI specs import into a real PostgreSQL event store and a real MongoDB-compatible read store (FerretDB).
export default jestGlobalSetup(['postgres', 'ferretdb']);
