// The headers of a command (Idempotency-Key, If-Match) are read the same way in every service.
export {
  CommandEndpoint,
  CommandHeaders,
  commandContextFor,
  commandRequestFrom,
  IDEMPOTENCY_KEY_HEADER,
  type CommandRequest,
} from '@relapse-watch/service-runtime';
