/**
 * The words for the values of the closed lists a participant's record holds, in English and
 * Swedish: the entry profile's answers (`enrol.<field>.<code>`), the milestones' answers
 * (`option.<list>.<code>`), the grounds of a withdrawal (`withdraw.ground.<code>`), the users'
 * roles (`role.<code>`), the entries of a pathway by event type (`milestone.<EventType>`) and
 * what the audit log records a user did (`audit.action.<action>`). One source for the web app
 * (its message catalogues take them in under these ids) and the subject-access document
 * (closedListWord, roleWord, eventWord, auditActionWord), so a person reads the same words in the
 * app that recorded an answer and in the copy of what is held about them.
 */
export const CLOSED_LIST_WORDS_EN = {
  'enrol.gender.woman': 'Woman',
  'enrol.gender.man': 'Man',
  'enrol.gender.non-binary': 'Non-binary',
  'enrol.labourMarketStatus.unemployed': 'Unemployed',
  'enrol.labourMarketStatus.long-term-unemployed': 'Long-term unemployed',
  'enrol.labourMarketStatus.inactive': 'Inactive',
  'enrol.labourMarketStatus.employed': 'Employed',
  'enrol.labourMarketStatus.self-employed': 'Self-employed',
  'enrol.educationLevel.isced-0-2': 'Compulsory school or less (ISCED 0–2)',
  'enrol.educationLevel.isced-3-4': 'Upper secondary or post-secondary (ISCED 3–4)',
  'enrol.educationLevel.isced-5-8': 'University or college (ISCED 5–8)',
  'option.kind.supported-employment': 'Supported employment',
  'option.kind.ips': 'IPS (individual placement and support)',
  'option.kind.supported-education': 'Supported education',
  'option.kind.career-guidance': 'Career guidance',
  'option.kind.training-course': 'Training course',
  'option.kind.work-practice': 'Work practice',
  'option.kind.mentoring': 'Mentoring',
  'option.kind.study-visit': 'Study visit',
  'option.kind.school-support': 'School support',
  'option.kind.group-activity': 'Group activity',
  'option.kind.other': 'Other activity',
  'option.outcome.completed': 'Completed',
  'option.outcome.discontinued': 'Discontinued',
  'option.level.compulsory': 'Compulsory school',
  'option.level.upper-secondary': 'Upper secondary school',
  'option.isced.isced-0-2': 'Compulsory school or less (ISCED 0–2)',
  'option.isced.isced-3-4': 'Upper secondary or post-secondary (ISCED 3–4)',
  'option.isced.isced-5-8': 'University or college (ISCED 5–8)',
  'option.programme.upper-secondary': 'Upper secondary school',
  'option.programme.vocational': 'Vocational training',
  'option.programme.adult-education': 'Adult education',
  'option.programme.higher-education': 'University or college',
  'option.programme.other': 'Other education',
  'option.employment.employee': 'Employed',
  'option.employment.self-employed': 'Self-employed',
  'option.contract.permanent': 'Permanent',
  'option.contract.temporary': 'Temporary',
  'option.contract.subsidised': 'Subsidised',
  'option.reason.completed': 'Completed the programme',
  'option.reason.dropped-out': 'Dropped out',
  'option.reason.moved': 'Moved',
  'option.reason.other': 'Other reason',
  'option.situation.employed': 'Employed',
  'option.situation.self-employed': 'Self-employed',
  'option.situation.in-education-or-training': 'In education or training',
  'option.situation.job-searching': 'Looking for work',
  'option.situation.inactive': 'Neither working nor looking for work',
  'option.situation.unknown': 'Not known',
  'withdraw.ground.never-took-part': 'The person never took part',
  'withdraw.ground.duplicate': 'The person is already enrolled as another participant',
  'role.caseworker': 'Caseworker',
  'role.evaluator': 'Evaluator',
  'role.funder': 'Funder',
  'role.admin': 'Administrator',
  'milestone.ParticipantEnrolled': 'Enrolled',
  'milestone.InterventionStarted': 'Activity started',
  'milestone.InterventionEnded': 'Activity ended',
  'milestone.SchoolCompleted': 'Finished school',
  'milestone.QualificationGained': 'Gained a qualification',
  'milestone.EducationEntered': 'Started education',
  'milestone.JobSearchStarted': 'Started looking for work',
  'milestone.JobPlaced': 'Got a job',
  'milestone.ParticipantExited': 'Left the project',
  'milestone.FollowUpRecorded': 'Follow-up',
  'milestone.ParticipantReEntered': 'Came back to the project',
  'milestone.GroupSessionAttended': 'Took part in a group session',
  'milestone.MilestoneRetracted': 'Milestone retracted',
  'milestone.ContactDetailsChanged': 'Contact details changed',
  'milestone.PersonalDataErased': 'Personal data erased',
  'milestone.EntryProfileCorrected': 'Entry answers corrected',
  'milestone.EnrolmentWithdrawn': 'Enrolment withdrawn as made in error',
  'audit.action.personal-data.read': 'Personal data read',
  'audit.action.personal-data.search': 'Search by personal data',
  'audit.action.subject-access.read': 'Subject access document',
  'audit.action.erasure-reason.read': 'Erasure reason read',
  'audit.action.participant-file.read': 'Identity number read for the participant file to SCB',
} as const;

export const CLOSED_LIST_WORDS_SV: Record<keyof typeof CLOSED_LIST_WORDS_EN, string> = {
  'enrol.gender.woman': 'Kvinna',
  'enrol.gender.man': 'Man',
  'enrol.gender.non-binary': 'Icke-binär',
  'enrol.labourMarketStatus.unemployed': 'Arbetslös',
  'enrol.labourMarketStatus.long-term-unemployed': 'Långtidsarbetslös',
  'enrol.labourMarketStatus.inactive': 'Utanför arbetskraften',
  'enrol.labourMarketStatus.employed': 'Anställd',
  'enrol.labourMarketStatus.self-employed': 'Egen företagare',
  'enrol.educationLevel.isced-0-2': 'Grundskola eller kortare (ISCED 0–2)',
  'enrol.educationLevel.isced-3-4': 'Gymnasium eller eftergymnasial utbildning (ISCED 3–4)',
  'enrol.educationLevel.isced-5-8': 'Universitet eller högskola (ISCED 5–8)',
  'option.kind.supported-employment': 'Supported employment (stöd i arbete)',
  'option.kind.ips': 'IPS (individanpassat stöd till arbete)',
  'option.kind.supported-education': 'Supported education (stöd i studier)',
  'option.kind.career-guidance': 'Studie- och yrkesvägledning',
  'option.kind.training-course': 'Kurs',
  'option.kind.work-practice': 'Praktik',
  'option.kind.mentoring': 'Mentorskap',
  'option.kind.study-visit': 'Studiebesök',
  'option.kind.school-support': 'Stöd i skolan',
  'option.kind.group-activity': 'Gruppaktivitet',
  'option.kind.other': 'Annan insats',
  'option.outcome.completed': 'Genomförd',
  'option.outcome.discontinued': 'Avbruten',
  'option.level.compulsory': 'Grundskola',
  'option.level.upper-secondary': 'Gymnasieskola',
  'option.isced.isced-0-2': 'Högst grundskola (ISCED 0–2)',
  'option.isced.isced-3-4': 'Gymnasial eller eftergymnasial (ISCED 3–4)',
  'option.isced.isced-5-8': 'Universitet eller högskola (ISCED 5–8)',
  'option.programme.upper-secondary': 'Gymnasieskola',
  'option.programme.vocational': 'Yrkesutbildning',
  'option.programme.adult-education': 'Vuxenutbildning',
  'option.programme.higher-education': 'Universitet eller högskola',
  'option.programme.other': 'Annan utbildning',
  'option.employment.employee': 'Anställd',
  'option.employment.self-employed': 'Eget företag',
  'option.contract.permanent': 'Tillsvidare',
  'option.contract.temporary': 'Tidsbegränsad',
  'option.contract.subsidised': 'Subventionerad',
  'option.reason.completed': 'Genomförde programmet',
  'option.reason.dropped-out': 'Avbröt',
  'option.reason.moved': 'Flyttade',
  'option.reason.other': 'Annat skäl',
  'option.situation.employed': 'Anställd',
  'option.situation.self-employed': 'Eget företag',
  'option.situation.in-education-or-training': 'I utbildning',
  'option.situation.job-searching': 'Söker arbete',
  'option.situation.inactive': 'Varken arbetar eller söker arbete',
  'option.situation.unknown': 'Okänt',
  'withdraw.ground.never-took-part': 'Personen deltog aldrig',
  'withdraw.ground.duplicate': 'Personen är redan inskriven som en annan deltagare',
  'role.caseworker': 'Handläggare',
  'role.evaluator': 'Utvärderare',
  'role.funder': 'Finansiär',
  'role.admin': 'Administratör',
  'milestone.ParticipantEnrolled': 'Inskriven',
  'milestone.InterventionStarted': 'Insats startade',
  'milestone.InterventionEnded': 'Insats avslutad',
  'milestone.SchoolCompleted': 'Gick ut skolan',
  'milestone.QualificationGained': 'Fick en examen eller ett intyg',
  'milestone.EducationEntered': 'Började studera',
  'milestone.JobSearchStarted': 'Började söka arbete',
  'milestone.JobPlaced': 'Fick arbete',
  'milestone.ParticipantExited': 'Avslutade projektet',
  'milestone.FollowUpRecorded': 'Uppföljning',
  'milestone.ParticipantReEntered': 'Kom tillbaka till projektet',
  'milestone.GroupSessionAttended': 'Deltog i en gruppaktivitet',
  'milestone.MilestoneRetracted': 'Händelse återkallad',
  'milestone.ContactDetailsChanged': 'Kontaktuppgifter ändrade',
  'milestone.PersonalDataErased': 'Personuppgifter raderade',
  'milestone.EntryProfileCorrected': 'Svaren vid inskrivningen rättade',
  'milestone.EnrolmentWithdrawn': 'Inskrivningen återkallad som ett misstag',
  'audit.action.personal-data.read': 'Personuppgifter lästa',
  'audit.action.personal-data.search': 'Sökning på personuppgifter',
  'audit.action.subject-access.read': 'Registerutdrag',
  'audit.action.erasure-reason.read': 'Skälet till radering läst',
  'audit.action.participant-file.read': 'Personnummer läst till deltagarfilen till SCB',
};

/** Which list a field's value comes from (the API's field names: the entry profile's and the milestones'). */
const LIST_OF_FIELD: Readonly<Record<string, string>> = {
  gender: 'enrol.gender',
  labourMarketStatus: 'enrol.labourMarketStatus',
  educationLevel: 'enrol.educationLevel',
  kind: 'option.kind',
  outcome: 'option.outcome',
  level: 'option.level',
  iscedLevel: 'option.isced',
  programme: 'option.programme',
  employment: 'option.employment',
  contract: 'option.contract',
  reason: 'option.reason',
  situation: 'option.situation',
  ground: 'withdraw.ground',
};

/**
 * The words for `value` of `field` in `language` (`isced-0-2` of `educationLevel` in English:
 * "Compulsory school or less (ISCED 0–2)"), or undefined when the field has no closed list or the
 * value is not in it (free text, a number, a code added later): the caller then shows the value.
 */
export function closedListWord(field: string, value: unknown, language: 'en' | 'sv'): string | undefined {
  const list = LIST_OF_FIELD[field];
  return list === undefined || typeof value !== 'string' ? undefined : wordOf(`${list}.${value}`, language);
}

/** A user's role in words (`caseworker` in Swedish: "Handläggare"), or undefined for a role this list does not know (one from an organisation's login service, say). */
export function roleWord(role: string, language: 'en' | 'sv'): string | undefined {
  return wordOf(`role.${role}`, language);
}

/** An entry of a pathway in words by its event type (`JobPlaced` in Swedish: "Fick arbete"), or undefined for a type this list does not know (one added later). */
export function eventWord(eventType: string, language: 'en' | 'sv'): string | undefined {
  return wordOf(`milestone.${eventType}`, language);
}

/** What the audit log records a user did, in words (`subject-access.read`: "Subject access document"), or undefined for an action this list does not know. */
export function auditActionWord(action: string, language: 'en' | 'sv'): string | undefined {
  return wordOf(`audit.action.${action}`, language);
}

function wordOf(key: string, language: 'en' | 'sv'): string | undefined {
  const words: Readonly<Record<string, string>> = language === 'sv' ? CLOSED_LIST_WORDS_SV : CLOSED_LIST_WORDS_EN;
  return Object.hasOwn(words, key) ? words[key] : undefined;
}
