/** The API's common error body, or what the browser saw instead of one. */
export class ApiFailure extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    /** Machine-readable code, e.g. `access.outside-area`. */
    readonly code: string,
    /** The API's message, `中文 / English`. */
    message: string,
    /** The input at fault, when the API names one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** An {@link ApiFailure} from a response that was not a success. */
export async function failureOf(response: Response): Promise<ApiFailure> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown; field?: unknown };
    if (typeof body.code === 'string' && typeof body.message === 'string')
      return new ApiFailure(
        response.status,
        body.code,
        body.message,
        typeof body.field === 'string' ? body.field : undefined,
      );
  } catch {
    // not the common error body: a proxy's page, an empty answer
  }
  return new ApiFailure(response.status, `http.${response.status}`, `HTTP ${response.status}`);
}

/** The kind of state a page shows for a failure. */
export type FailureState = 'forbidden' | 'not-found' | 'offline' | 'error';

/** How a page should present a failed read. */
export function failureState(error: unknown): FailureState {
  if (!(error instanceof ApiFailure)) return 'error';
  if (error.status === 403) return 'forbidden';
  if (error.status === 404) return 'not-found';
  if (error.status === 0) return 'offline';
  return 'error';
}
