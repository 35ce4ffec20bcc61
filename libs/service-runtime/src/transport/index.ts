export * from './bus.context';
export * from './event-pattern.routing';
export * from './bus-transport.strategy';
export * from './bus-transport.mount';
export * from './bus-consumer.mount';
