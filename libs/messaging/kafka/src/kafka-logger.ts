import { logLevel, type logCreator } from 'kafkajs';

/** A kafkajs log line reduced to what is safe to keep. */
export interface KafkaLogLine {
  readonly level: 'error' | 'warn' | 'info' | 'debug';
  /** The kafkajs component, e.g. `Consumer`, `Connection`. */
  readonly namespace: string;
  readonly message: string;
}

/** Receives the kafkajs log lines a {@link KafkaBus} keeps. */
export type KafkaLogSink = (line: KafkaLogLine) => void;

const LEVELS: Partial<Record<logLevel, KafkaLogLine['level']>> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/**
 * A kafkajs `logCreator` that forwards only the level, component and message text. The
 * structured extras kafkajs attaches (broker payloads, stacks, errors from handlers) are
 * dropped on purpose: handler errors may quote message content, and message content is
 * personal data. Without a sink nothing is written: rebalances during normal operation
 * otherwise fill test and service output with errors that kafkajs recovers from itself.
 */
export function quietLogCreator(sink?: KafkaLogSink): logCreator {
  return () => (entry) => {
    const level = LEVELS[entry.level];
    if (!sink || !level) return;
    sink({ level, namespace: entry.namespace, message: String(entry.log.message ?? '') });
  };
}
