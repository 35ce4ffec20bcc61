/** Injection tokens of the identity module's application services. */
export const IDENTITY_COMMANDS = Symbol.for('relapse-watch.identity-commands');
export const IDENTITY_QUERIES = Symbol.for('relapse-watch.identity-queries');
export const SIGN_IN_SERVICE = Symbol.for('relapse-watch.sign-in-service');
export const CLIENT_CREDENTIALS = Symbol.for('relapse-watch.client-credentials');
/** The verifier of access tokens, for sign-out (a public route that revokes the token it is shown). */
export const IDENTITY_TOKEN_VERIFIER = Symbol.for('relapse-watch.identity-token-verifier');
export const TEAM_COVERAGE_SYNC = Symbol.for('relapse-watch.identity.team-coverage-sync');
