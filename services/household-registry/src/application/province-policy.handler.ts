import { isDivisionCode } from '@relapse-watch/domain-kernel';
import {
  handleCommand,
  type CommandContext,
  type CommandResult,
  type EventStore,
} from '@relapse-watch/event-store-core';
import type { DesignateKeyRegion, ProvincePolicyCommand } from '../domain/province-policy/province-policy.commands';
import { provincePolicyDecider, provincePolicyStreamId } from '../domain/province-policy/province-policy.decider';
import type { ProvincePolicyEvent } from '../domain/province-policy/province-policy.events';
import type { ProvincePolicyState } from '../domain/province-policy/province-policy.state';

/** A province policy command as a request brings it: the handler adds the facts it looks up. */
export type ProvincePolicyRequest =
  Exclude<ProvincePolicyCommand, DesignateKeyRegion> | Omit<DesignateKeyRegion, 'facts'>;

/** What the province policy handler needs. */
export interface ProvincePolicyDeps {
  readonly store: EventStore;
  /** Whether the division tree knows a code, e.g. `DivisionDirectory.has`. */
  readonly isKnownDivision: (divisionCode: string) => boolean;
}

/**
 * Runs a command on `registry-policy-<province>-<year>`. A designation's codes are looked up in
 * the division tree here, because the decider cannot; malformed codes are left to the decider,
 * which reports them with their own rule.
 */
export function handleProvincePolicyCommand(
  deps: ProvincePolicyDeps,
  request: ProvincePolicyRequest,
  ctx: CommandContext,
): Promise<CommandResult<ProvincePolicyEvent, ProvincePolicyState>> {
  const command: ProvincePolicyCommand =
    request.type === 'DesignateKeyRegion'
      ? {
          ...request,
          facts: {
            unknownDivisionCodes: (request.data.divisionCodes ?? []).filter(
              (code) => isDivisionCode(code) && !deps.isKnownDivision(code),
            ),
          },
        }
      : request;
  return handleCommand(
    deps.store,
    provincePolicyStreamId(request.data.provinceCode, request.data.year),
    provincePolicyDecider,
    command,
    ctx,
  );
}
