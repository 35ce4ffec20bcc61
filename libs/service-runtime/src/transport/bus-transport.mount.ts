import { Catch, type INestApplication, type INestMicroservice, type RpcExceptionFilter } from '@nestjs/common';
import { NestMicroservice, type CustomStrategy } from '@nestjs/microservices';
import { throwError, type Observable } from 'rxjs';
import { ShutdownSequence } from '../lifecycle/shutdown.sequence';
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
): Promise<INestMicroservice> {
  const options: CustomStrategy = { strategy };
  // Deferred, so the filter is in place before Nest binds the handlers (it reads global
  // filters once, at binding); the three calls after it are what connectMicroservice does
  // when not deferred — the app's init hooks have run already and must not run twice.
  const microservice = app.connectMicroservice(options, { deferInitialization: true });
  if (!(microservice instanceof NestMicroservice))
    throw new Error('connectMicroservice did not return a NestMicroservice');
  microservice.useGlobalFilters(new BusErrorPropagationFilter());
  microservice.registerListeners();
  microservice.setIsInitialized(true);
  microservice.setIsInitHookCalled(true);
  shutdownSequenceOf(app)?.register('subscribers', `bus transport (group ${strategy.group})`, () => strategy.close());
  await microservice.listen();
  return microservice;
}
