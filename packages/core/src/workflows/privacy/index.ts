/** Privacy of workflow data (个人信息保护): keyrings, masked and erased values, audit hashes, the identifier scan. */
export type { PersonalKind } from './personal.js';
export { findIdentifiers, type IdentifierKind } from './identifiers.js';
export { memoryKeys, newDataKey, type DataKey, type PersonalDataKeys } from './keys.js';
export { matchesHashed, PERSONAL_ERASED, PERSONAL_MASK, type HashedValue } from './seal.js';
export type { ForgetResult } from './forget.js';
