import { EntryCorrection } from './entry-correction';
import { EntryProfile } from './entry-profile';
import { SealedText } from './free-text';
import { Milestone } from './milestone';
import { WithdrawalGround } from './participant-events';
import { SealedData } from './sealed-data';
import { ProjectDetails } from '../project/project';
import { IsoDate } from '../shared/iso-date';

/**
 * Commands carry what the decision needs from outside: `today` (the server's date, so
 * nothing is recorded in the future) and, for enrolment, the project as it is registered.
 */
export type EnrolParticipant = {
  type: 'EnrolParticipant';
  data: { participantId: string; enrolledOn: IsoDate; profile: EntryProfile; personal?: SealedData };
  project: ProjectDetails | null;
  today: IsoDate;
};

export type RecordMilestone = {
  type: 'RecordMilestone';
  /**
   * `inProject`: the project the caller records in (a group session's). A participant of another
   * project is then refused exactly like an unknown one, so nothing is written into it and
   * nothing tells whether it exists.
   */
  data: { participantId: string; milestone: Milestone; inProject?: string };
  today: IsoDate;
};

export type RetractMilestone = {
  type: 'RetractMilestone';
  /** The reason sealed with the participant's key (checked not blank before sealing); null: not kept. */
  data: { participantId: string; eventId: string; reason: SealedText };
  today: IsoDate;
};

export type ChangeContactDetails = {
  type: 'ChangeContactDetails';
  data: { participantId: string; personal: SealedData };
  today: IsoDate;
};

export type ErasePersonalData = {
  type: 'ErasePersonalData';
  /** The reason sealed with the installation's audit key (checked not blank before sealing). */
  data: { participantId: string; reason: SealedText };
  today: IsoDate;
};

/** `project`: the participant's project as registered (its period bounds a corrected enrolment date). */
export type CorrectEntryProfile = {
  type: 'CorrectEntryProfile';
  /** The reason sealed with the participant's key (checked not blank before sealing). */
  data: { participantId: string; corrected: EntryCorrection; reason: SealedText };
  project: ProjectDetails | null;
  today: IsoDate;
};

/** The participant named by `duplicateOf`, as its own stream stands: null when it does not exist. */
export interface DuplicateTarget {
  projectId: string;
  withdrawn: boolean;
}

export type WithdrawEnrolment = {
  type: 'WithdrawEnrolment';
  /** The reason sealed with the participant's key; null: not kept (their data was erased). */
  data: { participantId: string; ground: WithdrawalGround; duplicateOf: string | null; reason: SealedText };
  /** With `duplicateOf`: that participant looked up by the caller; null when there is none. */
  duplicate: DuplicateTarget | null;
  today: IsoDate;
};

export type ParticipantCommand =
  | EnrolParticipant
  | RecordMilestone
  | RetractMilestone
  | ChangeContactDetails
  | ErasePersonalData
  | CorrectEntryProfile
  | WithdrawEnrolment;
