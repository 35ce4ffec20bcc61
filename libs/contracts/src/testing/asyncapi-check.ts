import { Parser } from '@asyncapi/parser';

/** One problem the AsyncAPI parser found, by severity (0 error, 1 warning, 2 information, 3 hint). */
export interface AsyncApiDiagnostic {
  readonly severity: number;
  readonly code: string;
  readonly message: string;
  readonly path: string;
}

/** What {@link checkAsyncApiDocument} found: every diagnostic, and the message names the parsed document declares. */
export interface AsyncApiCheck {
  readonly diagnostics: readonly AsyncApiDiagnostic[];
  readonly errors: readonly AsyncApiDiagnostic[];
  readonly messageNames: readonly string[];
}

/** Parses an AsyncAPI document with `@asyncapi/parser` (test-only helper, see contract-validator). */
export async function checkAsyncApiDocument(document: unknown): Promise<AsyncApiCheck> {
  const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
  const all = diagnostics.map((d) => ({
    severity: Number(d.severity),
    code: String(d.code),
    message: d.message,
    path: d.path.join('.'),
  }));
  const messageNames = parsed
    ? parsed
        .components()
        .messages()
        .all()
        .map((m) => m.id())
    : [];
  return { diagnostics: all, errors: all.filter((d) => d.severity === 0), messageNames };
}
