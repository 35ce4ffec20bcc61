export * from './contract';
export * from './registry';
export * from './inspection';
export * from './assistance';
export * from './contract-registry';
export { ASYNCAPI_TITLE } from './asyncapi/asyncapi-texts';
export {
  CLOUDEVENTS_CONTENT_TYPE,
  CLOUDEVENTS_ENVELOPE_SCHEMA,
  DATA_CONTENT_TYPE,
  exampleEnvelope,
} from './asyncapi/cloudevents-envelope';
export {
  buildAsyncApiDocument,
  channelId,
  messageName,
  type AsyncApiDocument,
  type AsyncApiDocumentOptions,
} from './asyncapi/asyncapi-document';
