import { jestGlobalSetup } from '@relapse-watch/testing';

// The bulk import's CLI spec also imports into a real PostgreSQL event store.
export default jestGlobalSetup(['postgres']);
