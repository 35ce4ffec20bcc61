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
  let response = await send(path, signal, '*/*');
  if (response.status === 401 && (await refreshSession())) response = await send(path, signal, '*/*');
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

async function send(path: string, signal?: AbortSignal, accept = 'application/json'): Promise<Response> {
  const token = currentSession()?.accessToken;
  try {
    return await fetch(path, {
      headers: { accept, ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiFailure(0, 'network.unreachable', '无法连接服务器 / the server cannot be reached');
  }
}
