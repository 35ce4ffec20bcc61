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
  const options = headers === undefined ? {} : { headers };
  let response = await send(path, signal, options);
  if (response.status === 401 && (await refreshSession())) response = await send(path, signal, options);
  if (!response.ok) throw await failureOf(response);
  return (await response.json()) as T;
}

async function send(
  path: string,
  signal?: AbortSignal,
  options: {
    readonly method?: 'GET' | 'POST';
    readonly body?: string;
    readonly accept?: string;
    readonly headers?: Readonly<Record<string, string>>;
  } = {},
): Promise<Response> {
  const token = currentSession()?.accessToken;
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers: {
        accept: options.accept ?? 'application/json',
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: options.body }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiFailure(0, 'network.unreachable', '无法连接服务器 / the server cannot be reached');
  }
}

/**
 * POSTs JSON with the session's access token (renewed once on a 401, like {@link apiGet}); the
 * server's refusal (4xx with code and field) is an {@link ApiFailure}.
 */
export async function apiPost<T>(path: string, body: unknown): Promise<T> {
  const post = () => send(path, undefined, { method: 'POST', body: JSON.stringify(body) });
  let response = await post();
  if (response.status === 401 && (await refreshSession())) response = await post();
  if (!response.ok) throw await failureOf(response);
  return (await response.json()) as T;
}

/** A file the API answered with, and the name its `Content-Disposition` gives it. */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly filename: string;
}

/** GETs a file (an export) with the session's access token. */
export async function apiDownload(path: string, fallbackName: string): Promise<DownloadedFile> {
  let response = await send(path, undefined, { accept: '*/*' });
  if (response.status === 401 && (await refreshSession())) response = await send(path, undefined, { accept: '*/*' });
  if (!response.ok) throw await failureOf(response);
  return {
    blob: await response.blob(),
    filename: filenameOf(response.headers.get('content-disposition')) ?? fallbackName,
  };
}

/** The UTF-8 `filename*` of a Content-Disposition, else its plain `filename`. */
export function filenameOf(disposition: string | null): string | null {
  if (disposition === null) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]!);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}
