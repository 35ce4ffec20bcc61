export * from './platformatic-kafka-bus';
