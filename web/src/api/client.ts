import { currentSession, refreshSession } from '../auth/session';
import { ApiFailure, failureOf } from './api-error';

/**
 * GETs JSON from the API with the session's access token. An expired access token (401) is
 * renewed once with the refresh token and the request repeated; anything else that is not a
 * success is an {@link ApiFailure}.
 */
export async function apiGet<T>(
  path: string,
  signal?: AbortSignal,
  headers?: Readonly<Record<string, string>>,
): Promise<T> {
  const early = headers === undefined ? takePrimed(path) : undefined;
  if (early !== undefined) {
    try {
      return (await early) as T;
    } catch {
      // asked again below, as if it had not been primed
    }
  }
  const options = headers === undefined ? {} : { headers };
  let response = await send(path, signal, options);
  if (response.status === 401 && (await refreshSession())) response = await send(path, signal, options);
  if (!response.ok) throw await failureOf(response);
  return (await response.json()) as T;
}

/** How long a primed answer may wait for its page (older ones are asked again). */
export const PRIMED_FOR_MS = 10_000;

const primed = new Map<string, { readonly at: number; readonly answer: Promise<unknown> }>();

/**
 * Starts a GET now, ahead of the page that will read it (the landing page's, at sign-in): the
 * next {@link apiGet} of the same path within {@link PRIMED_FOR_MS} takes its answer instead of
 * asking again; each primed answer is taken once.
 */
export function primeGet(path: string, now = Date.now()): void {
  primed.delete(path);
  const answer = apiGet<unknown>(path);
  answer.catch(() => undefined); // a failure is the page's own request's to report
  primed.set(path, { at: now, answer });
}

function takePrimed(path: string, now = Date.now()): Promise<unknown> | undefined {
  const entry = primed.get(path);
  if (entry === undefined) return undefined;
  primed.delete(path);
  return now - entry.at <= PRIMED_FOR_MS ? entry.answer : undefined;
}

/** A file the API sent: its bytes and the name its `Content-Disposition` gives (null without one). */
export interface ApiDownload {
  readonly blob: Blob;
  readonly fileName: string | null;
}

/**
 * GETs a file (an export) with the session's access token, the same way as {@link apiGet}: the
 * browser cannot add a bearer token to a plain link, so the bytes come through fetch.
 */
export async function apiDownload(path: string, signal?: AbortSignal): Promise<ApiDownload> {
  let response = await send(path, signal, { accept: '*/*' });
  if (response.status === 401 && (await refreshSession())) response = await send(path, signal, { accept: '*/*' });
  if (!response.ok) throw await failureOf(response);
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
}

/** The file name of a `Content-Disposition`: RFC 5987's `filename*=UTF-8''…` first, else `filename=`. */
export function fileNameOf(disposition: string | null): string | null {
  if (disposition === null) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended !== null) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain === null ? null : plain[1]!.trim();
}

async function send(
  path: string,
  signal?: AbortSignal,
  options: { readonly accept?: string; readonly headers?: Readonly<Record<string, string>> } = {},
): Promise<Response> {
  const token = currentSession()?.accessToken;
  try {
    return await fetch(path, {
      headers: {
        accept: options.accept ?? 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        ...options.headers,
      },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiFailure(0, 'network.unreachable', '无法连接服务器 / the server cannot be reached');
  }
}

/**
 * Sends a JSON body (POST, PUT) with the session's access token, renewed once on 401 like
 * {@link apiGet}; a refusal is an {@link ApiFailure} carrying the server's code and field.
 */
export async function apiSend<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> {
  const init = (): RequestInit => {
    const token = currentSession()?.accessToken;
    return {
      method,
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(body),
    };
  };
  const attempt = () =>
    fetch(path, init()).catch(() => {
      throw new ApiFailure(0, 'network.unreachable', '无法连接服务器 / the server cannot be reached');
    });
  let response = await attempt();
  if (response.status === 401 && (await refreshSession())) response = await attempt();
  if (!response.ok) throw await failureOf(response);
  return (await response.json()) as T;
}

/** GETs a JSON list whose total count the server gives in `X-Total-Count`. */
export async function apiGetCounted<T>(
  path: string,
  signal?: AbortSignal,
): Promise<{ readonly items: T[]; readonly total: number }> {
  let response = await send(path, signal);
  if (response.status === 401 && (await refreshSession())) response = await send(path, signal);
  if (!response.ok) throw await failureOf(response);
  const items = (await response.json()) as T[];
  const total = Number(response.headers.get('x-total-count'));
  return { items, total: Number.isFinite(total) && response.headers.has('x-total-count') ? total : items.length };
}
