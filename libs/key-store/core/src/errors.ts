/** Why personal data could not be sealed or opened; `code` is machine-readable. */
export class PersonalDataError extends Error {
  constructor(
    readonly code:
      | 'personal-data.erased'
      | 'personal-data.master-key-unknown'
      | 'personal-data.master-key-missing'
      | 'personal-data.tampered'
      | 'personal-data.sealed-format'
      | 'personal-data.master-keys-config'
      | 'key-store.closed'
      | 'key-store.input',
    message: string,
  ) {
    super(message);
    this.name = 'PersonalDataError';
  }
}
