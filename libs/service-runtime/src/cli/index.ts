// What a bulk command-line tool needs of the runtime, as `@relapse-watch/service-runtime/cli`: the
// event store the server's configuration names, opened without NestJS (about 120 MB of RSS an
// embedded import does not need).
export * from './command-line-event-store';
