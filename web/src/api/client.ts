import { currentSession, refreshSession } from '../auth/session';
import { ApiFailure, failureOf } from './api-error';

/**
 * GETs JSON from the API with the session's access token. An expired access token (401) is
 * renewed once with the refresh token and the request repeated; anything else that is not a
 * success is an {@link ApiFailure}.
 */
export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response = await send(path, signal);
  if (response.status === 401 && (await refreshSession())) response = await send(path, signal);
  if (!response.ok) throw await failureOf(response);
  return (await response.json()) as T;
}

async function send(path: string, signal?: AbortSignal): Promise<Response> {
  const token = currentSession()?.accessToken;
  try {
    return await fetch(path, {
      headers: { accept: 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiFailure(0, 'network.unreachable', '无法连接服务器 / the server cannot be reached');
  }
}
