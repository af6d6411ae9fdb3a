export { checkSignerProfile, ACCEPTED_SIGNER_EKUS } from './certificate-profile.js';
export {
  coseSign1,
  loadSigningCredentials,
  reserveSizeFor,
  type CredentialSources,
  type SigningCredentials,
} from './cose-signer.js';
export {
  createTestCredentials,
  DOCUMENT_SIGNING_EKU,
  EMAIL_PROTECTION_EKU,
  type TestCredentials,
  type TestCredentialsOptions,
} from './keygen.js';
export { readSigningKey, type KeySource } from './read-key.js';
export {
  isSigningAlgorithm,
  SIGNING_ALGORITHMS,
  type SigningAlgorithm,
  type SigningAlgorithmProfile,
} from './signing-algorithms.js';
export { writeTestCredentials, type WrittenCredentials } from './write-credentials.js';
