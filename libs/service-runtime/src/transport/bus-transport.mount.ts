import { Catch, type INestApplication, type INestMicroservice, type RpcExceptionFilter } from '@nestjs/common';
import { NestMicroservice, type CustomStrategy } from '@nestjs/microservices';
import { throwError, type Observable } from 'rxjs';
import { ShutdownSequence, type ShutdownPhase } from '../lifecycle/shutdown.sequence';
import type { BusTransportStrategy } from './bus-transport.strategy';

/**
 * Hands a consumer's error to the bus as it was thrown. Nest's default RPC filter would log
 * it and replace it with "Internal server error", leaving the dead letter's
 * `x-error-message` without the reason.
 */
@Catch()
export class BusErrorPropagationFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}

/** Options of {@link startBusTransport}. */
export interface StartBusTransportOptions {
  /**
   * The shutdown phase the transport closes in: `subscribers` (default), or `bus` to close after
   * every subscriber of the process (relays included) has stopped publishing; then Nest's own
   * close of the app leaves it open for that step.
   */
  readonly phase?: ShutdownPhase;
  /** Runs in that step before the transport closes (e.g. waiting for a backlog to drain). */
  readonly beforeClose?: () => Promise<void>;
}

/** The runtime's shutdown sequence, when the app was built by `createServiceApp`. */
function shutdownSequenceOf(app: INestApplication): ShutdownSequence | undefined {
  try {
    return app.get(ShutdownSequence, { strict: false });
  } catch {
    // A plain Nest app (no ServiceRuntimeModule): Nest's own close still closes the transport.
    return undefined;
  }
}

/**
 * Mounts `strategy` on `app` as a hybrid microservice and starts consuming; resolves once
 * every subscription is registered. Call it after the app is created, before or after
 * `app.listen()`:
 *
 * ```ts
 * const app = await createServiceApp(AppModule, options);
 * await startBusTransport(app, new BusTransportStrategy({ bus: app.get(BUS), group: 'inspection' }));
 * await app.listen(port);
 * ```
 *
 * It does what `app.connectMicroservice({ strategy })` + `app.startAllMicroservices()` do,
 * plus two things: it installs {@link BusErrorPropagationFilter} for the transport's handlers
 * (app-wide HTTP filters, pipes and interceptors are not inherited: they speak HTTP), and it
 * registers `strategy.close()` in the runtime's `subscribers` shutdown phase, so consumers
 * drain before the bus and the stores close. (Nest's `app.close()` already closes
 * microservices before the shutdown hooks run; the step makes the order explicit and logged.)
 */
export async function startBusTransport(
  app: INestApplication,
  strategy: BusTransportStrategy,
  options: StartBusTransportOptions = {},
): Promise<INestMicroservice> {
  const custom: CustomStrategy = { strategy };
  // Deferred, so the filter is in place before Nest binds the handlers (it reads global
  // filters once, at binding); the three calls after it are what connectMicroservice does
  // when not deferred — the app's init hooks have run already and must not run twice.
  const microservice = app.connectMicroservice(custom, { deferInitialization: true });
  if (!(microservice instanceof NestMicroservice))
    throw new Error('connectMicroservice did not return a NestMicroservice');
  microservice.useGlobalFilters(new BusErrorPropagationFilter());
  microservice.registerListeners();
  microservice.setIsInitialized(true);
  microservice.setIsInitHookCalled(true);
  const shutdown = shutdownSequenceOf(app);
  // Closed by its step only, so a later phase really runs after the subscribers (see deferClose).
  if (shutdown && options.phase !== undefined && options.phase !== 'subscribers') strategy.deferClose();
  shutdown?.register(options.phase ?? 'subscribers', `bus transport (group ${strategy.group})`, async () => {
    await options.beforeClose?.();
    await strategy.closeNow();
  });
  await microservice.listen();
  return microservice;
}
