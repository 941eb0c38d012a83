/** The languages a subject-access document is written in. */
export const SUBJECT_ACCESS_LANGUAGES = ['en', 'sv'] as const;
export type SubjectAccessLanguage = (typeof SUBJECT_ACCESS_LANGUAGES)[number];

export type SectionId = 'about' | 'entry-profile' | 'personal-data' | 'records' | 'retractions' | 'corrections' | 'reads' | 'notices' | 'erasure';

interface SectionText {
  /** A sheet name (at most 31 characters, Excel's limit). */
  sheet: string;
  title: string;
  explanation: string;
}

/** Everything the document says in words, per language; the values of closed lists, the entries' kinds and the audit log's actions are in closed-list-words.ts. */
export interface SubjectAccessTexts {
  documentTitle: string;
  sections: Record<SectionId, SectionText>;
  columns: Record<string, string>;
  /** Plain names of the fields (entry profile, personal details, the entries' data); an unknown field is shown by its own name. */
  fields: Record<string, string>;
  yes: string;
  no: string;
  notDisclosed: string;
  /** A field of an entry left empty (no value given, or none applies), in the Details column. */
  notRecorded: string;
  /** How a free-text value that is not shown reads, by its status. */
  textStatus: Record<'sealed' | 'erased' | 'not-kept' | 'key-missing' | 'unreadable', string>;
  personalDataStatus: Record<'none' | 'erased' | 'key-missing' | 'unreadable', string>;
  noticeStatus: Record<'sent' | 'pending' | 'relay-off', string>;
  erasedWhat: string;
  /** The note beside an entry-profile value corrected later: the value first recorded (as shown) and when the correction was recorded. */
  correctedNote: (recorded: string, at: string) => string;
}

const EN: SubjectAccessTexts = {
  documentTitle: 'Everything Pathway holds about you',
  sections: {
    about: { sheet: 'About', title: 'About this document', explanation: 'Who asked for this copy, when, and which project recorded your pathway. You are known in Pathway by the pseudonymous id below.' },
    'entry-profile': { sheet: 'Enrolment', title: 'Your situation at enrolment', explanation: 'Your situation when you joined the project, as it stands now: a value corrected later shows the corrected value, with a note of the value first recorded (the corrections are listed under Corrections). It is used, without your name, to count participants for the EU funder (ESF+).' },
    'personal-data': { sheet: 'Personal details', title: 'Your personal details', explanation: 'Your name, contact details and identity number as they are held now, encrypted with a key of your own. Opening them for this copy was written to the audit log.' },
    records: { sheet: 'Pathway', title: 'Everything recorded on your pathway', explanation: 'Every entry on your pathway in the order it was recorded: what happened and when, who recorded it (a pseudonymous user id) and when. Nothing is changed afterwards: a mistake is marked by a later entry.' },
    retractions: { sheet: 'Withdrawn entries', title: 'Entries withdrawn as mistakes', explanation: 'Entries a caseworker marked as recorded by mistake, with the reason given. They no longer count.' },
    corrections: { sheet: 'Corrections', title: 'Corrections', explanation: 'Details of your enrolment corrected later, or your enrolment withdrawn as made in error, with the reason given. The values first recorded stay in the record; reports use the corrected ones.' },
    reads: { sheet: 'Reads', title: 'Who looked at your personal details', explanation: 'Every time a user opened your personal details or the reason for their erasure, including this copy. Users are shown by their pseudonymous id.' },
    notices: {
      sheet: 'Notices sent',
      title: 'Notices sent to other systems',
      explanation:
        'The notices about your pathway sent to connected systems over Kafka. They carry your pseudonymous id, dates and codes, never your name or other personal details. Pathway keeps no separate copy of what was sent: this list is rebuilt from your pathway and the point the sender had reached.',
    },
    erasure: { sheet: 'Erasure', title: 'Erasure of your personal details', explanation: 'When your personal details were erased, by whom, and why. The anonymous pathway stays and is still counted.' },
  },
  columns: {
    item: 'Item',
    value: 'Value',
    field: 'Detail',
    recorded: 'Recorded',
    recordedAt: 'Recorded at',
    recordedBy: 'Recorded by',
    role: 'Role',
    entry: 'What',
    occurredOn: 'Date it happened',
    details: 'Details',
    status: 'Status',
    eventId: 'Entry id',
    retractedEntry: 'Withdrawn entry',
    retractedEntryId: 'Withdrawn entry id',
    reason: 'Reason',
    at: 'When',
    who: 'Who',
    action: 'What was done',
    notice: 'Notice',
    message: 'Message as sent',
    erasedAt: 'Erased at',
    erasedBy: 'Erased by',
    erased: 'What was erased',
    note: 'Note',
  },
  fields: {
    participantId: 'Your pseudonymous id',
    project: 'Project',
    generatedAt: 'This copy was made at',
    requestedBy: 'Made by',
    enrolledOn: 'Enrolment date',
    birthDate: 'Birth date',
    gender: 'Gender',
    labourMarketStatus: 'Situation on the labour market',
    inEducationOrTraining: 'In education or training',
    educationLevel: 'Highest education (ISCED)',
    disability: 'Disability',
    thirdCountryNational: 'Citizen of a country outside the EU',
    foreignBackground: 'Foreign background',
    minority: 'Minority',
    homeless: 'Homeless or excluded from housing',
    ruralArea: 'Living in a rural area',
    name: 'Name',
    dateOfBirth: 'Date of birth',
    phone: 'Phone',
    email: 'E-mail',
    address: 'Address',
    nationalIdentityNumber: 'Identity number',
    protectedIdentity: 'Protected identity',
    notes: 'Notes',
    // The fields of the pathway's entries, as the Details column names them.
    interventionId: 'Activity id',
    kind: 'Kind',
    outcome: 'Outcome',
    level: 'School',
    fullGrades: 'Full grades',
    qualification: 'Qualification',
    iscedLevel: 'Level (ISCED)',
    programme: 'Education',
    employment: 'Employment',
    contract: 'Contract',
    hoursPerWeek: 'Hours a week',
    reason: 'Reason',
    situation: 'Situation',
    monthsAfterExit: 'Months after leaving',
    improvedSituation: 'Situation improved',
    sessionId: 'Group session id',
    retractedEventId: 'Withdrawn entry id',
    correctedOn: 'Corrected on',
    withdrawnOn: 'Withdrawn on',
    ground: 'Ground',
    duplicateOf: 'Already enrolled as',
  },
  yes: 'yes',
  no: 'no',
  notDisclosed: 'not disclosed',
  notRecorded: 'not recorded',
  textStatus: {
    sealed: '[not shown]',
    erased: '[erased]',
    'not-kept': '[not kept]',
    'key-missing': '[cannot be opened: key missing]',
    unreadable: '[cannot be opened]',
  },
  personalDataStatus: {
    none: 'No personal details were recorded.',
    erased: 'Your personal details were erased (see the erasure sheet).',
    'key-missing': 'Your personal details are held but cannot be opened now: the key is missing. The operator must restore it.',
    unreadable: 'Your personal details are held but cannot be opened now.',
  },
  noticeStatus: { sent: 'sent', pending: 'not sent yet', 'relay-off': 'not sent (no connected systems)' },
  correctedNote: (recorded, at) => `corrected ${at}; first recorded: ${recorded}`,
  erasedWhat: 'Name, contact details, identity number, notes and free text about you: the key that opens them was destroyed, so every copy (also in backups) is unreadable.',
};

const SV: SubjectAccessTexts = {
  documentTitle: 'Allt Pathway har om dig',
  sections: {
    about: { sheet: 'Om dokumentet', title: 'Om det här dokumentet', explanation: 'Vem som bad om kopian, när, och vilket projekt som registrerade din väg. I Pathway kallas du med det pseudonyma id:t nedan.' },
    'entry-profile': { sheet: 'Inskrivning', title: 'Din situation vid inskrivningen', explanation: 'Din situation när du gick med i projektet, som den står nu: ett värde som rättats senare visas rättat, med en anmärkning om det först registrerade värdet (rättelserna finns under Rättelser). Det används, utan ditt namn, för att räkna deltagare åt EU-finansiären (ESF+).' },
    'personal-data': { sheet: 'Personuppgifter', title: 'Dina personuppgifter', explanation: 'Ditt namn, dina kontaktuppgifter och ditt personnummer så som de finns nu, krypterade med en egen nyckel. Att de öppnades för den här kopian skrevs i granskningsloggen.' },
    records: { sheet: 'Vägen', title: 'Allt som registrerats om din väg', explanation: 'Varje anteckning om din väg i den ordning den registrerades: vad som hände och när, vem som registrerade det (ett pseudonymt användar-id) och när. Inget ändras i efterhand: ett misstag markeras med en senare anteckning.' },
    retractions: { sheet: 'Återkallat', title: 'Anteckningar som återkallats', explanation: 'Anteckningar som en handläggare markerat som felaktiga, med skälet. De räknas inte längre.' },
    corrections: { sheet: 'Rättelser', title: 'Rättelser', explanation: 'Uppgifter från inskrivningen som rättats senare, eller en inskrivning som återkallats som felaktig, med skälet. De först registrerade värdena finns kvar; rapporterna använder de rättade.' },
    reads: { sheet: 'Läsningar', title: 'Vem som tittat på dina personuppgifter', explanation: 'Varje gång en användare öppnade dina personuppgifter eller skälet till att de raderades, även den här kopian. Användare visas med sitt pseudonyma id.' },
    notices: {
      sheet: 'Skickade meddelanden',
      title: 'Meddelanden till andra system',
      explanation:
        'Meddelanden om din väg som skickats till anslutna system via Kafka. De innehåller ditt pseudonyma id, datum och koder, aldrig ditt namn eller andra personuppgifter. Pathway sparar ingen egen kopia av det som skickats: listan återskapas ur din väg och hur långt avsändaren hunnit.',
    },
    erasure: { sheet: 'Radering', title: 'Radering av dina personuppgifter', explanation: 'När dina personuppgifter raderades, av vem och varför. Den anonyma vägen finns kvar och räknas fortfarande.' },
  },
  columns: {
    item: 'Uppgift',
    value: 'Värde',
    field: 'Uppgift',
    recorded: 'Registrerat',
    recordedAt: 'Registrerat',
    recordedBy: 'Registrerat av',
    role: 'Roll',
    entry: 'Vad',
    occurredOn: 'Datum då det hände',
    details: 'Detaljer',
    status: 'Status',
    eventId: 'Antecknings-id',
    retractedEntry: 'Återkallad anteckning',
    retractedEntryId: 'Id för återkallad anteckning',
    reason: 'Skäl',
    at: 'När',
    who: 'Vem',
    action: 'Vad som gjordes',
    notice: 'Meddelande',
    message: 'Meddelandet som skickades',
    note: 'Anmärkning',
    erasedAt: 'Raderat',
    erasedBy: 'Raderat av',
    erased: 'Vad som raderades',
  },
  fields: {
    participantId: 'Ditt pseudonyma id',
    project: 'Projekt',
    generatedAt: 'Kopian gjordes',
    requestedBy: 'Gjord av',
    enrolledOn: 'Inskrivningsdatum',
    birthDate: 'Födelsedatum',
    gender: 'Kön',
    labourMarketStatus: 'Situation på arbetsmarknaden',
    inEducationOrTraining: 'I utbildning',
    educationLevel: 'Högsta utbildning (ISCED)',
    disability: 'Funktionsnedsättning',
    thirdCountryNational: 'Medborgare i land utanför EU',
    foreignBackground: 'Utländsk bakgrund',
    minority: 'Minoritet',
    homeless: 'Hemlös eller utestängd från bostadsmarknaden',
    ruralArea: 'Bor på landsbygden',
    name: 'Namn',
    dateOfBirth: 'Födelsedatum',
    phone: 'Telefon',
    email: 'E-post',
    address: 'Adress',
    nationalIdentityNumber: 'Personnummer',
    protectedIdentity: 'Skyddad identitet',
    notes: 'Anteckningar',
    // The fields of the pathway's entries, as the Details column names them.
    interventionId: 'Insatsens id',
    kind: 'Slag',
    outcome: 'Resultat',
    level: 'Skola',
    fullGrades: 'Fullständiga betyg',
    qualification: 'Kvalifikation',
    iscedLevel: 'Nivå (ISCED)',
    programme: 'Utbildning',
    employment: 'Anställning',
    contract: 'Anställningsform',
    hoursPerWeek: 'Timmar i veckan',
    reason: 'Skäl',
    situation: 'Situation',
    monthsAfterExit: 'Månader efter avslut',
    improvedSituation: 'Bättre situation',
    sessionId: 'Gruppträffens id',
    retractedEventId: 'Id för återkallad anteckning',
    correctedOn: 'Rättat den',
    withdrawnOn: 'Återkallad den',
    ground: 'Grund',
    duplicateOf: 'Redan inskriven som',
  },
  yes: 'ja',
  no: 'nej',
  notDisclosed: 'ej uppgivet',
  notRecorded: 'inte registrerat',
  textStatus: {
    sealed: '[visas inte]',
    erased: '[raderat]',
    'not-kept': '[sparades inte]',
    'key-missing': '[kan inte öppnas: nyckeln saknas]',
    unreadable: '[kan inte öppnas]',
  },
  personalDataStatus: {
    none: 'Inga personuppgifter registrerades.',
    erased: 'Dina personuppgifter har raderats (se bladet om radering).',
    'key-missing': 'Dina personuppgifter finns men kan inte öppnas nu: nyckeln saknas. Driften måste återställa den.',
    unreadable: 'Dina personuppgifter finns men kan inte öppnas nu.',
  },
  noticeStatus: { sent: 'skickat', pending: 'inte skickat ännu', 'relay-off': 'inte skickat (inga anslutna system)' },
  correctedNote: (recorded, at) => `rättat ${at}; först registrerat: ${recorded}`,
  erasedWhat: 'Namn, kontaktuppgifter, personnummer, anteckningar och fritext om dig: nyckeln som öppnar dem förstördes, så varje kopia (även i säkerhetskopior) är oläslig.',
};

export const SUBJECT_ACCESS_TEXTS: Record<SubjectAccessLanguage, SubjectAccessTexts> = { en: EN, sv: SV };
