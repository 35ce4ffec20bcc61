import { jestGlobalSetup } from '@relapse-watch/testing';

// The read-model specs run the case list's queries on a MongoDB-compatible read store (FerretDB) besides SQLite.
export default jestGlobalSetup(['ferretdb']);
