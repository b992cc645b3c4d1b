/** Privacy of workflow data (个人信息保护): marks, identifier scan, keyrings and sealed values. */
export { personal, personalFields, PERSONAL_KINDS, type PersonalField, type PersonalKind } from './personal.js';
export { findIdentifiers, type IdentifierKind } from './identifiers.js';
export { memoryKeys, newDataKey, personalDataOwner, type DataKey, type PersonalDataKeys } from './keys.js';
export { isSealed, matchesHashed, PERSONAL_ERASED, PERSONAL_MASK, type HashedValue, type SealedValue } from './seal.js';
export type { ForgetResult } from './forget.js';
