import { expect } from '@jest/globals';
import type { Decider, DomainEvent } from '@relapse-watch/event-store-core';

/** What a rejection must match: the rule code, and the field when the rule has one. */
export interface ExpectedRejection {
  readonly code: string;
  readonly field?: string;
}

/**
 * What a refused command throws: the domain kernel's `DomainError`, read by its shape (this
 * testing library stands below the domain libraries it serves).
 */
export interface Rejection extends Error {
  readonly code: string;
  readonly field?: string;
  readonly problems: readonly { readonly code: string; readonly field?: string; readonly message: string }[];
}

/** The outcome checks of one Given-When-Then case. */
export interface Then<Event> {
  /** The command produced exactly these events. */
  thenEmits(expected: readonly Event[]): void;
  /** The command was a no-op: no events and no error. */
  thenEmitsNothing(): void;
  /**
   * The command was refused with a DomainError whose code (and field) match; returns the error
   * for further checks. Its message must be bilingual (`中文 / English`).
   */
  thenRejects(expected: ExpectedRejection): Rejection;
}

/**
 * Given-When-Then over a decider (STYLE.md "Tests"): `given` folds past events with `evolve`,
 * `when` decides one command, `then…` checks the outcome. Pure: no store, no clock.
 */
export function deciderSpecification<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
) {
  return {
    given(history: readonly Event[]) {
      return {
        /** The state after the history, for checks on `evolve` itself. */
        state(): State {
          return history.reduce(decider.evolve, decider.initialState);
        },
        when(command: Command): Then<Event> {
          const decide = () => decider.decide(command, history.reduce(decider.evolve, decider.initialState));
          return {
            thenEmits(expected) {
              expect(decide()).toEqual(expected);
            },
            thenEmitsNothing() {
              expect(decide()).toEqual([]);
            },
            thenRejects(expected) {
              let thrown: unknown;
              try {
                decide();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(Error);
              const error = thrown as Rejection;
              expect(Array.isArray(error.problems)).toBe(true);
              expect({ code: error.code, field: error.field }).toEqual({ code: expected.code, field: expected.field });
              expect(error.message).toMatch(/\p{Script=Han}.* \/ [A-Za-z]/u);
              return error;
            },
          };
        },
      };
    },
  };
}
