// The sealer lives in event-store-core, so that the service runtime starts it where the log is
// written without depending on this package; it stays part of this package's API.
export { LogSealer, type LogSealerOptions, type SealRound } from '@relapse-watch/event-store-core';
