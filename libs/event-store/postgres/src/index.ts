export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { writeAppend, AppendRolledBack } from './append-writer';
export { schemaStatements, type SchemaStatements, type NamedStatement } from './sql-statements';
export { SCHEMA_VERSION, ensureSchema } from './schema';
