import { jestGlobalSetup } from '@relapse-watch/testing';

// Starts FerretDB (or reuses the running one) once per Jest run; its URL reaches the specs as MONGODB_URL.
export default jestGlobalSetup(['ferretdb']);
