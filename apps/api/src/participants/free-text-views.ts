/** Moved to libs/runtime, where the subject-access document opens free text the same way. */
export { FreeTextAccess, viewFreeText } from '@pathway/runtime';
