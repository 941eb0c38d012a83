/** A project's retention end, judged on the project's own calendar (the OpenAPI shape of ProjectRetention). */
export class ProjectRetentionDto {
  projectId!: string;
  name!: string;
  /** The project's IANA time zone. */
  timeZone!: string;
  /** The last day personal data is kept (YYYY-MM-DD, in the project's zone). */
  retentionEnd!: string;
  /** The legal basis or reason the admin gave. */
  basis!: string;
  /** The last payment the end was computed from, when it was. */
  lastPaymentOn!: string | null;
  /** Today in the project's zone. */
  today!: string;
  /** Today is after the retention end: the participants' personal data is to be erased. */
  passed!: boolean;
}

export class RetentionWorklistItemDto extends ProjectRetentionDto {
  /** Participants whose personal data is not erased yet. */
  participantsToErase!: number;
}

export class RetentionWorklistDto {
  projects!: RetentionWorklistItemDto[];
}

/** What `PUT /projects/{id}/retention` recorded, and the project's version after it. */
export class RetentionSetDto {
  projectId!: string;
  retentionEnd!: string;
  basis!: string;
  lastPaymentOn!: string | null;
  version!: number;
}
