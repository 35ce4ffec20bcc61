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

/** One request with the session's access token; an unreachable server is an {@link ApiFailure} with status 0. */
export async function send(
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
