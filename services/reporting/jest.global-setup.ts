import { jestGlobalSetup } from '@relapse-watch/testing';

// The projector's specs run on a MongoDB-compatible read store (FerretDB) besides SQLite.
export default jestGlobalSetup(['ferretdb']);
