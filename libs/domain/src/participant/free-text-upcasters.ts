import { legacyClearTextField } from './free-text';
import { Upcaster } from '../shared/upcaster';

/**
 * Schema version 2 of the events with free text: the text is sealed (see `FREE_TEXT_FIELDS`).
 * Version 1 stored it in clear; reading lifts it to `{ legacyClearText }`, so every read path
 * treats it as personal data rather than as a sealed box or a plain string.
 */
export const FREE_TEXT_SCHEMA_VERSIONS = {
  QualificationGained: 2,
  MilestoneRetracted: 2,
  PersonalDataErased: 2,
} as const;

export const FREE_TEXT_UPCASTERS: Readonly<Record<string, Readonly<Record<number, Upcaster>>>> = {
  QualificationGained: { 1: legacyClearTextField('qualification') },
  MilestoneRetracted: { 1: legacyClearTextField('reason') },
  PersonalDataErased: { 1: legacyClearTextField('reason') },
};
