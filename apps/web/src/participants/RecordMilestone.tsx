import { ChangeEvent, useRef, useState } from 'react';
import { Pathway } from '../api/client';
import { useT } from '../i18n/t';
import { MilestoneForm } from './MilestoneForm';
import { MilestoneType, typesFor } from './milestone-types';
import { eventLabel } from './timeline-facts';

interface Props {
  pathway: Pathway;
  version: number | null;
  onRecorded: (eventId: string, what: string, occurredOn: string, version: number) => void;
  onCancelled: () => void;
  onStale: () => void;
}

/**
 * "What happened?" first, then that milestone's form. Each choice opens a new form instance (with
 * its own Idempotency-Key), and so does each recording.
 */
export function RecordMilestone({ pathway, version, onRecorded, onCancelled, onStale }: Props) {
  const t = useT();
  const [type, setType] = useState<MilestoneType | ''>('');
  const [instance, setInstance] = useState(0);
  const chooser = useRef<HTMLSelectElement>(null);
  const offered = typesFor(pathway.status);
  const close = () => {
    setType('');
    setInstance((n) => n + 1);
  };

  return (
    <>
      <div className="field">
        <label htmlFor="milestone-type">{t('record.type')}</label>
        <select id="milestone-type" ref={chooser} value={type} onChange={(e: ChangeEvent<HTMLSelectElement>) => setType(e.target.value as MilestoneType | '')}>
          <option value="">{t('record.type.choose')}</option>
          {[...offered, ...(type && !offered.includes(type) ? [type] : [])].map((option) => (
            <option key={option} value={option}>
              {t(eventLabel(option))}
            </option>
          ))}
        </select>
      </div>
      {type && (
        <MilestoneForm
          key={`${type}-${instance}`}
          type={type}
          pathway={pathway}
          version={version}
          onStale={onStale}
          onRecorded={(eventId, occurredOn, version) => {
            close();
            onRecorded(eventId, t(eventLabel(type)), occurredOn, version);
          }}
          onCancelled={() => {
            close();
            onCancelled();
            chooser.current?.focus();
          }}
        />
      )}
    </>
  );
}
