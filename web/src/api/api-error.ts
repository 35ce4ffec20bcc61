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
    /** Every field at fault of a 400 `validation.failed`: dotted path, rule code, message. */
    readonly errors: readonly { readonly field: string; readonly code: string; readonly message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** An {@link ApiFailure} from a response that was not a success. */
export async function failureOf(response: Response): Promise<ApiFailure> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown; field?: unknown; errors?: unknown };
    if (typeof body.code === 'string' && typeof body.message === 'string')
      return new ApiFailure(
        response.status,
        body.code,
        body.message,
        typeof body.field === 'string' ? body.field : undefined,
        Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [],
      );
  } catch {
    // not the common error body: a proxy's page, an empty answer
  }
  return new ApiFailure(response.status, `http.${response.status}`, `HTTP ${response.status}`);
}

function isFieldError(value: unknown): value is ApiFailure['errors'][number] {
  if (typeof value !== 'object' || value === null) return false;
  const { field, code, message } = value as Record<string, unknown>;
  return typeof field === 'string' && typeof code === 'string' && typeof message === 'string';
}

/**
 * The messages of a refusal by the form field at fault: each field error of a 400 under its
 * top-level field (`villageCodes.0` → `villageCodes`), else the refusal's own field. Fields the
 * form does not have, and a refusal naming none, go under `''` (shown above the form).
 */
export function fieldMessages(error: ApiFailure, formFields: readonly string[]): ReadonlyMap<string, string[]> {
  const byField = new Map<string, string[]>();
  const add = (field: string | undefined, message: string) => {
    const top = field?.split('.')[0] ?? '';
    const key = formFields.includes(top) ? top : '';
    byField.set(key, [...(byField.get(key) ?? []), message]);
  };
  if (error.errors.length > 0) for (const e of error.errors) add(e.field, e.message);
  else add(error.field, error.message);
  return byField;
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
